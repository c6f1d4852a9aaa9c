package org.openhqd.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.LoopbackProxy;
import org.openhqd.platform.support.RabbitTestBroker;
import org.openhqd.platform.support.RequiresRabbit;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quality bar of issue 5: an event is never lost or duplicated when the broker is down. The
 * service talks to the real RabbitMQ through a {@link LoopbackProxy} that the test cuts and restores
 * — for the service that is the broker going away and coming back, without stopping the shared
 * RabbitMQ (which needs root and would break anyone else using it). The test's own consumer is
 * connected straight to RabbitMQ, so it sees exactly what reached the broker.
 */
@RequiresRabbit
@SpringBootTest(properties = {"hqd.demo=false", "hqd.data-dir=target/test-data-broker",
        "spring.datasource.url=jdbc:h2:mem:hqd-broker;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hqd.broker.rabbitmq.enabled=true", "hqd.broker.exchanges=openhqd.referral,openhqd.outbox-test",
        "hqd.events.retry-interval=PT1S", "hqd.broker.confirm-timeout=PT5S", "spring.rabbitmq.connection-timeout=2s"})
class BrokerOutboxTest {

    /** when the probe events "happened": microseconds, as PostgreSQL keeps them */
    private static final java.time.Instant AT = java.time.Instant.parse("2026-03-02T01:15:00.123456Z");
    private static final String EXCHANGE = "openhqd.outbox-test";
    private static final Pattern PROBE_ID = Pattern.compile("\"probeId\":(\\d+)");
    private static LoopbackProxy proxy;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        proxy = RabbitTestBroker.behindProxy(registry);
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin admin;

    private Connection direct;
    private Channel channel;
    /** the receiving "institution" of this test: the routing key its queue is bound with */
    private long institution;
    private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Long> messageIds = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void subscribeAsAHisWould() throws Exception {
        proxy.restore();
        institution = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        direct = RabbitTestBroker.connect();
        channel = direct.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true); // the same declaration as the service's
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, EXCHANGE, Long.toString(institution));
        channel.basicConsume(queue, true, (tag, delivery) -> {
            String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
            Matcher m = PROBE_ID.matcher(body);
            if (!m.find()) {
                problems.add("no probe id in " + body);
                return;
            }
            long id = Long.parseLong(m.group(1));
            deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            String messageId = delivery.getProperties().getMessageId();
            Long earlier = messageId == null ? null : messageIds.putIfAbsent(messageId, id);
            if (messageId == null || (earlier != null && earlier != id)) {
                problems.add("message id " + messageId + " for probe " + id + " (earlier " + earlier + ")");
            }
            if (!"OutboxProbe".equals(delivery.getProperties().getType())
                    || !"application/json".equals(delivery.getProperties().getContentType())
                    || delivery.getProperties().getDeliveryMode() != 2
                    || !body.contains("\"occurredAt\":\"2026-03-02T01:15:00.123456Z\"")) {
                problems.add("properties " + delivery.getProperties() + " body " + body);
            }
        }, tag -> { });
    }

    @AfterEach
    void unsubscribe() throws Exception {
        proxy.restore(); // whatever happened, later tests find the broker reachable
        if (direct != null) {
            direct.close();
        }
    }

    @Test
    void theServiceDeclaresItsExchangesAsDurableTopicExchanges() throws Exception {
        channel.exchangeDelete(EXCHANGE); // only this test class uses it
        admin.initialize(); // what happens whenever the service opens a connection
        try (Channel check = direct.createChannel()) {
            check.exchangeDeclarePassive(EXCHANGE);
            // a declaration with other properties than the existing exchange's fails (406), so these
            // succeed only when the service declared durable topic exchanges
            check.exchangeDeclare(EXCHANGE, "topic", true);
            check.exchangeDeclare("openhqd.referral", "topic", true);
        }
    }

    @Test
    void eventsStoredWhileTheBrokerIsDownAreDeliveredExactlyOnceWhenItReturns() {
        List<Long> before = publish(5);
        within(30).until(() -> delivered(before) && outstanding() == 0);

        proxy.cut(); // the broker "stops": the open connection drops, reconnecting fails
        List<Long> during = publish(20);
        // every one is in the outbox, incomplete, and marked FAILED after its attempt; none reached the broker
        within(30).until(() -> failed() == during.size());
        assertThat(outstanding()).isEqualTo(during.size());
        assertThat(during).allSatisfy(id -> assertThat(deliveries).doesNotContainKey(id));

        proxy.restore(); // the broker is back; OutboxRetry resends within a second or two
        within(60).until(() -> delivered(during) && outstanding() == 0);
        settle();

        List<Long> all = new ArrayList<>(before);
        all.addAll(during);
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(deliveries).allSatisfy((id, count) -> assertThat(count.get()).as("deliveries of probe %d", id).isEqualTo(1));
        assertThat(messageIds).hasSize(all.size());
        assertThat(problems).isEmpty();
        assertThat(archivedCompleted()).isEqualTo(all.size());
    }

    @Test
    void anEventTheBrokerDidNotConfirmStaysInTheOutboxUntilItDoes() throws Exception {
        String undeclared = "openhqd.outbox-undeclared-test";
        channel.exchangeDelete(undeclared);
        try {
            long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
            tx.executeWithoutResult(s -> events.publishEvent(new UnroutedProbe(id, institution)));
            // the connection is up and the send itself succeeds, but RabbitMQ refuses a message for a
            // missing exchange: completing on send (Modulith 2.0's own AMQP externaliser) would lose it
            within(30).until(() -> failed() == 1);
            settle();
            assertThat(outstanding()).isEqualTo(1);
            assertThat(archivedCompleted()).isZero();

            try (Channel setup = direct.createChannel()) {
                setup.exchangeDeclare(undeclared, "topic", true);
                String queue = channel.queueDeclare("", false, true, true, null).getQueue();
                channel.queueBind(queue, undeclared, Long.toString(institution));
                channel.basicConsume(queue, true, (tag, delivery) -> deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet(), tag -> { });
            }
            within(30).until(() -> deliveries.containsKey(id) && outstanding() == 0);
            settle();
            assertThat(deliveries.get(id).get()).isEqualTo(1);
            assertThat(archivedCompleted()).isEqualTo(1);
        } finally {
            try (Channel cleanup = direct.createChannel()) {
                cleanup.exchangeDelete(undeclared);
            }
        }
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        long rolledBack = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            events.publishEvent(new OutboxProbe(rolledBack, institution, AT));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("state change failed");
        List<Long> committed = publish(1);

        within(30).until(() -> delivered(committed) && outstanding() == 0);
        settle();
        assertThat(deliveries.keySet()).containsExactlyElementsOf(committed);
        assertThat(archivedCompleted()).isEqualTo(1);
        assertThat(problems).isEmpty();
    }

    /** One transaction per event, as each referral state change is its own transaction. */
    private List<Long> publish(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
            tx.executeWithoutResult(s -> events.publishEvent(new OutboxProbe(id, institution, AT)));
            ids.add(id);
        }
        return ids;
    }

    private boolean delivered(List<Long> ids) {
        return ids.stream().allMatch(deliveries::containsKey);
    }

    /**
     * Awaits without Awaitility's default of failing on any uncaught exception in any thread: when the
     * connection drops, Spring AMQP's own channel-closing threads throw, which is the situation under test.
     */
    private static org.awaitility.core.ConditionFactory within(int seconds) {
        return await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(seconds));
    }

    /** A few retry rounds more, so a second copy would have arrived by now. */
    private static void settle() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long outstanding() {
        return count("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :p");
    }

    private long failed() {
        return count("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :p AND status = 'FAILED' AND completion_date IS NULL");
    }

    private long archivedCompleted() {
        return count("SELECT COUNT(*) FROM event_publication_archive WHERE serialized_event LIKE :p AND completion_date IS NOT NULL");
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("p", "%\"toInstitutionId\":" + institution + "%").query(Long.class).single();
    }
}
