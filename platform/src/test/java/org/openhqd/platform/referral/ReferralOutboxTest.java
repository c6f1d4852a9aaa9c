package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.LoopbackProxy;
import org.openhqd.platform.support.RabbitTestBroker;
import org.openhqd.platform.support.RequiresRabbit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The referral quality bar of issue 5: a referral's state change is never lost or duplicated when
 * the broker is down. Referrals are created, accepted and rejected through the services while the
 * service's connection to RabbitMQ is cut (the {@link LoopbackProxy} of the broker tests); each
 * change commits, its {@link ReferralStateChanged} waits in the outbox, and once the connection is
 * back each reaches a queue bound to {@code openhqd.referral} with the receiving institution's id
 * exactly once. A change that fails publishes nothing. The receiving hospital has a random id, so
 * no other test or subscriber of the shared broker receives these messages, nor we theirs.
 */
@RequiresRabbit
@SpringBootTest(properties = {"hqd.demo=false", "hqd.data-dir=target/test-data-referral-outbox", "hqd.referral.jobs=false",
        "hqd.appointments.jobs=false", "hqd.appointments.no-show-schedule=false",
        "spring.datasource.url=jdbc:h2:mem:hqd-referral-outbox;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "hqd.broker.rabbitmq.enabled=true", "hqd.broker.exchanges=openhqd.referral",
        "hqd.events.retry-interval=PT1S", "hqd.broker.confirm-timeout=PT5S", "spring.rabbitmq.connection-timeout=2s"})
class ReferralOutboxTest {

    private static final String EXCHANGE = "openhqd.referral";
    private static final Pattern REFERRAL = Pattern.compile("\"referralId\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
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
    Referrals referrals;
    @Autowired
    ReferralWorkflow workflow;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private long hospital;
    private StaffPrincipal townshipDoctor;
    private StaffPrincipal hospitalDoctor;
    private long patient;
    private Connection direct;
    /** deliveries per "referralId:STATUS" */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void aTownshipTheCountyHospitalAndAHisSubscribedToTheHospitalsInbox() throws Exception {
        proxy.restore();
        long community = insertCommunity();
        hospital = insertInstitution(community, "LEVEL_2", "HOSPITAL", "出站测试县医院");
        long township = insertInstitution(community, "PRIMARY", "TOWNSHIP_HEALTH_CENTRE", "出站测试乡卫生院");
        townshipDoctor = staff(township, community, "outbox-doctor-t-" + township);
        hospitalDoctor = staff(hospital, community, "outbox-doctor-h-" + hospital);
        jdbc.sql("INSERT INTO patient (institution_id, name, sex, birth_date, id_number_enc, id_number_hash, id_number_masked, "
                        + "insurance_type, created_at, updated_at) VALUES (:i, '出站测试患者', '1', DATE '1960-01-01', 'x', :h, "
                        + "'110***********0099', 'RESIDENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param("i", township).param("h", "outbox-" + township).update();
        patient = jdbc.sql("SELECT id FROM patient WHERE id_number_hash = :h").param("h", "outbox-" + township).query(Long.class).single();

        direct = RabbitTestBroker.connect();
        Channel channel = direct.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true); // the same declaration as the service's
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, EXCHANGE, Long.toString(hospital));
        channel.basicConsume(queue, true, (tag, delivery) -> {
            String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
            Matcher id = REFERRAL.matcher(body);
            Matcher status = STATUS.matcher(body);
            if (!id.find() || !status.find() || !body.contains("\"toInstitutionId\":" + hospital)) {
                problems.add("unexpected message " + body);
                return;
            }
            deliveries.computeIfAbsent(id.group(1) + ":" + status.group(1), k -> new AtomicInteger()).incrementAndGet();
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
    void stateChangesMadeWhileTheBrokerIsDownAreDeliveredExactlyOnceWhenItReturns() {
        List<String> expected = new ArrayList<>();
        long warmUp = create();
        expected.add(warmUp + ":SUBMITTED");
        within(30).until(() -> delivered(expected) && outstanding() == 0);

        proxy.cut(); // the broker "stops" for the service
        List<String> during = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = create();
            created.add(id);
            during.add(id + ":SUBMITTED");
        }
        for (long id : created.subList(0, 4)) {
            as(hospitalDoctor, () -> workflow.accept(id));
            during.add(id + ":ACCEPTED");
        }
        long rejected = created.get(4);
        as(hospitalDoctor, () -> workflow.reject(rejected, "床位已满"));
        during.add(rejected + ":REJECTED");
        as(hospitalDoctor, () -> workflow.accept(warmUp));
        during.add(warmUp + ":ACCEPTED");

        // every change committed while the broker was away ...
        assertThat(created.subList(0, 4)).allSatisfy(id -> assertThat(status(id)).isEqualTo("ACCEPTED"));
        assertThat(status(rejected)).isEqualTo("REJECTED");
        assertThat(status(created.get(5))).isEqualTo("SUBMITTED");
        // ... and its event waits in the outbox, marked FAILED after its attempt; none reached the broker
        within(30).until(() -> failed() == during.size());
        assertThat(outstanding()).isEqualTo(during.size());
        assertThat(during).allSatisfy(key -> assertThat(deliveries).doesNotContainKey(key));

        proxy.restore(); // the broker is back: OutboxRetry resends
        expected.addAll(during);
        within(60).until(() -> delivered(expected) && outstanding() == 0);
        settle();

        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(deliveries).allSatisfy((key, count) -> assertThat(count.get()).as("deliveries of %s", key).isEqualTo(1));
        assertThat(problems).isEmpty();
        assertThat(archivedCompleted()).isEqualTo(expected.size());
    }

    @Test
    void aStateChangeThatFailsPublishesNothing() {
        long id = create();
        // the reject runs and publishes inside a transaction that then fails: nothing of it may leave
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            as(hospitalDoctor, () -> workflow.reject(id, "床位已满"));
            throw new IllegalStateException("the state change failed after the event was published");
        })).hasMessageContaining("state change failed");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        as(hospitalDoctor, () -> workflow.accept(id));
        // a change the state does not allow (409) is refused before anything is recorded
        assertThatThrownBy(() -> as(hospitalDoctor, () -> workflow.reject(id, "迟了"))).isInstanceOf(ReferralException.class);
        // a change by someone who may not make it (403): the sender cannot accept
        long other = create();
        assertThatThrownBy(() -> as(townshipDoctor, () -> workflow.accept(other))).isInstanceOf(ReferralException.class);

        List<String> expected = List.of(id + ":SUBMITTED", id + ":ACCEPTED", other + ":SUBMITTED");
        within(30).until(() -> delivered(expected) && outstanding() == 0);
        settle();
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(deliveries).allSatisfy((key, count) -> assertThat(count.get()).as("deliveries of %s", key).isEqualTo(1));
        assertThat(archivedCompleted()).isEqualTo(expected.size());
        assertThat(problems).isEmpty();
    }

    /** An upward referral from the township to the hospital, submitted at once (its own transaction). */
    private long create() {
        return as(townshipDoctor, () -> referrals.create(new NewReferral(patient, hospital, Direction.UP, "胸痛待查", List.of("I20.000"),
                null, null, null, false, false, null))).id();
    }

    private static <T> T as(StaffPrincipal user, Supplier<T> work) {
        return CurrentUser.runAs(user, work);
    }

    private boolean delivered(List<String> keys) {
        return keys.stream().allMatch(deliveries::containsKey);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", id).query(String.class).single();
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
        return jdbc.sql(sql).param("p", "%\"toInstitutionId\":" + hospital + "%").query(Long.class).single();
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

    private long insertCommunity() {
        String code = "OUTBOX-" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES (:c, '出站测试医共体', CURRENT_TIMESTAMP)").param("c", code).update();
        return jdbc.sql("SELECT id FROM community WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** An institution with a random large id: the routing key no one else on the shared broker uses. */
    private long insertInstitution(long community, String level, String type, String name) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        jdbc.sql("INSERT INTO institution (id, community_id, code, name, level, type, path, created_at) "
                        + "VALUES (:id, :c, :code, :name, :level, :type, :path, CURRENT_TIMESTAMP)")
                .param("id", id).param("c", community).param("code", "OB" + id).param("name", name).param("level", level)
                .param("type", type).param("path", "/" + id + "/").update();
        return id;
    }

    private StaffPrincipal staff(long institution, long community, String username) {
        jdbc.sql("INSERT INTO staff (institution_id, name, role, username, enabled, failed_attempts, created_at) "
                        + "VALUES (:i, :u, 'DOCTOR', :u, TRUE, 0, CURRENT_TIMESTAMP)")
                .param("i", institution).param("u", username).update();
        long id = jdbc.sql("SELECT id FROM staff WHERE username = :u").param("u", username).query(Long.class).single();
        return new StaffPrincipal(id, username, Role.DOCTOR, institution, community, "/" + institution + "/");
    }
}
