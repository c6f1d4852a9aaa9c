package org.openhqd.platform.referral;

import java.time.Clock;
import org.openhqd.platform.outpatient.MonthRange;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The referral dashboard's figures for integrations and BI, in the caller's scope. */
@RestController
@PreAuthorize("!hasRole('AUDITOR')")
class ReferralDashboardApi {

    private final ReferralStatistics statistics;
    private final Clock clock;

    ReferralDashboardApi(ReferralStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** {@code ?from=YYYY-MM&to=YYYY-MM&level=community|institution} (default: the last six months, institution level). */
    @GetMapping("/api/v1/referrals/statistics")
    ReferralDashboard statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String level) {
        return statistics.dashboard(CurrentUser.get().scope(), MonthRange.parse(from, to, clock), DashboardLevel.parse(level));
    }
}
