package org.openhqd.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends failed event publications again, every {@code hqd.events.retry-interval}. A publication
 * fails when its listener threw or, for the broker, when RabbitMQ was unreachable or did not confirm;
 * Modulith leaves it in the outbox as FAILED and would otherwise retry it only at the next start.
 * Only FAILED ones are taken: publications still being processed are left alone, so a slow broker
 * confirm does not lead to a second copy. Ones stuck in another state become FAILED through the
 * staleness settings ({@code spring.modulith.events.staleness.*}).
 */
@Component
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);
    private static final int BATCH = 500;

    private final FailedEventPublications failed;

    OutboxRetry(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(fixedDelayString = "${hqd.events.retry-interval}", initialDelayString = "${hqd.events.retry-interval}")
    void resubmitFailed() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH));
        } catch (RuntimeException e) {
            // the next round tries again; a database hiccup must not stop the schedule
            log.warn("event publications could not be resubmitted: {}", e.toString());
        }
    }
}
