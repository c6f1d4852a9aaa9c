package org.openhqd.platform.appointments;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The time-driven work of the appointment module: slot generation nightly and at start-up, the
 * return of reserved numbers and the closing of started sessions' waitlists every minute. Each job
 * is safe to repeat and to run on several nodes. {@code hqd.appointments.jobs=false} switches them
 * off (tests drive them with their own instants).
 */
@Component
@ConditionalOnProperty(name = "hqd.appointments.jobs", havingValue = "true", matchIfMissing = true)
class AppointmentJobs {

    private final SlotGenerator generator;
    private final PoolReturn poolReturn;
    private final Waitlist waitlist;
    private final Clock clock;

    AppointmentJobs(SlotGenerator generator, PoolReturn poolReturn, Waitlist waitlist, Clock clock) {
        this.generator = generator;
        this.poolReturn = poolReturn;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        generator.generate();
    }

    /** 00:10 China time: the day that has just come into the release horizon gets its sessions. */
    @Scheduled(cron = "${hqd.appointments.generate-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        generator.generate();
    }

    @Scheduled(fixedDelayString = "${hqd.appointments.return-check:PT1M}", initialDelayString = "PT30S")
    void everyMinute() {
        poolReturn.returnDue(clock.instant());
        waitlist.expireStarted(clock.instant());
    }
}
