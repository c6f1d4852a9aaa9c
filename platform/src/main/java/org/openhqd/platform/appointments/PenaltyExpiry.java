package org.openhqd.platform.appointments;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks ended penalties EXPIRED every ten minutes. Booking checks compare the end time themselves,
 * so a late run never blocks anyone; the status is for lists and statistics. Switched off with the
 * no-show marking ({@code hqd.appointments.no-show-schedule=false}).
 */
@Component
@ConditionalOnProperty(name = "hqd.appointments.no-show-schedule", havingValue = "true", matchIfMissing = true)
class PenaltyExpiry {

    private final Penalties penalties;
    private final Clock clock;

    PenaltyExpiry(Penalties penalties, Clock clock) {
        this.penalties = penalties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hqd.appointments.penalty-expiry-check:PT10M}", initialDelayString = "PT2M")
    void run() {
        penalties.expire(clock.instant());
    }
}
