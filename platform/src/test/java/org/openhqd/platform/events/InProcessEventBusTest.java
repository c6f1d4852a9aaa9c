package org.openhqd.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without a broker (the default) externalised events still reach listeners inside the service
 * through the event publication registry: stored with the publishing transaction, completed (and
 * archived) once the listener succeeded, retried when it failed, never sent when the transaction
 * rolled back.
 */
@SpringBootTest(properties = {"hqd.demo=false", "hqd.data-dir=target/test-data-events", "hqd.events.retry-interval=PT1S",
        "spring.datasource.url=jdbc:h2:mem:hqd-events;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
class InProcessEventBusTest {

    /** when the probe events "happened": microseconds, as PostgreSQL keeps them */
    private static final java.time.Instant AT = java.time.Instant.parse("2026-03-02T01:15:00.123456Z");

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProbeListener listener;
    @Autowired
    ApplicationContext context;

    @Test
    void withoutABrokerNothingOfAmqpIsConfigured() {
        assertThat(context.getBeanNamesForType(org.springframework.amqp.rabbit.connection.ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.amqp.core.AmqpAdmin.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.modulith.events.support.DelegatingEventExternalizer.class)).isEmpty();
    }

    @Test
    void anExternalisedEventReachesAListenerInsideTheServiceAndItsPublicationIsCompleted() {
        long id = newId();
        tx.executeWithoutResult(s -> events.publishEvent(new OutboxProbe(id, 7, AT)));

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.received(id) > 0 && archived(id) == 1);
        assertThat(listener.received(id)).isEqualTo(1);
        assertThat(outstanding(id)).isZero();
        assertThat(jdbc.sql("SELECT status FROM event_publication_archive WHERE serialized_event LIKE :p")
                .param("p", like(id)).query(String.class).single()).isEqualTo("COMPLETED");
    }

    @Test
    void aFailedListenerIsRetriedUntilItSucceeds() {
        long id = newId();
        listener.failOnce(id);
        tx.executeWithoutResult(s -> events.publishEvent(new OutboxProbe(id, 7, AT)));

        // first attempt throws: the publication stays in the outbox as FAILED
        await().atMost(Duration.ofSeconds(20)).until(() -> !listener.failurePending(id));
        // OutboxRetry (every second here) resubmits it
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.received(id) > 0 && archived(id) == 1);
        assertThat(listener.received(id)).isEqualTo(1);
        assertThat(outstanding(id)).isZero();
        assertThat(jdbc.sql("SELECT completion_attempts FROM event_publication_archive WHERE serialized_event LIKE :p")
                .param("p", like(id)).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        long rolledBack = newId();
        long committed = newId();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            events.publishEvent(new OutboxProbe(rolledBack, 7, AT));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("state change failed");
        tx.executeWithoutResult(s -> events.publishEvent(new OutboxProbe(committed, 7, AT)));

        // once the later event went through, the earlier one would have too
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.received(committed) > 0 && archived(committed) == 1);
        assertThat(listener.received(rolledBack)).isZero();
        assertThat(outstanding(rolledBack) + archived(rolledBack)).isZero();
    }

    private long outstanding(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :p").param("p", like(id)).query(Long.class).single();
    }

    private long archived(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication_archive WHERE serialized_event LIKE :p AND completion_date IS NOT NULL")
                .param("p", like(id)).query(Long.class).single();
    }

    private static String like(long id) {
        return "%\"probeId\":" + id + ",%";
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }
    }

    /** A module listener as a referral inbox or notice sender would be one (proxied: use its methods, not fields). */
    static class ProbeListener {
        private final Map<Long, Integer> received = new ConcurrentHashMap<>();
        private final Set<Long> failOnce = ConcurrentHashMap.newKeySet();

        public int received(long id) {
            return received.getOrDefault(id, 0);
        }

        public void failOnce(long id) {
            failOnce.add(id);
        }

        public boolean failurePending(long id) {
            return failOnce.contains(id);
        }

        @ApplicationModuleListener
        void on(OutboxProbe probe) {
            if (failOnce.remove(probe.probeId())) {
                throw new IllegalStateException("first delivery of probe " + probe.probeId() + " fails on purpose");
            }
            received.merge(probe.probeId(), 1, Integer::sum);
        }
    }
}
