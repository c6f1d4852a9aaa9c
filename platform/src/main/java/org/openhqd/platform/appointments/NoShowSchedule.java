package org.openhqd.platform.appointments;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the no-show marking every minute; a missed run is caught up by the next (it takes all that
 * are due). {@code hqd.appointments.no-show-schedule=false} switches it off (tests drive
 * {@link Visits#markNoShows} with their own instant).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "hqd.appointments.no-show-schedule",
        havingValue = "true", matchIfMissing = true)
class NoShowSchedule {

    private final Visits visits;
    private final Clock clock;

    NoShowSchedule(Visits visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hqd.appointments.no-show-check:PT1M}", initialDelayString = "PT1M")
    void run() {
        visits.markNoShows(clock.instant());
    }
}
