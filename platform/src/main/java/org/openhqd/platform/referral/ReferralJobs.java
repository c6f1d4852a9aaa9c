package org.openhqd.platform.referral;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Applies the referral timing rules every few minutes; {@code hqd.referral.jobs=false} switches it off (tests drive it). */
@Component
@ConditionalOnProperty(name = "hqd.referral.jobs", havingValue = "true", matchIfMissing = true)
class ReferralJobs {

    private final ReferralTimers timers;
    private final Clock clock;

    ReferralJobs(ReferralTimers timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hqd.referral.check-every:PT5M}", initialDelayString = "PT1M")
    void applyTimingRules() {
        timers.run(clock.instant());
    }
}
