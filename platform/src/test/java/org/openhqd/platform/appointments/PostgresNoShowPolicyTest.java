package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The no-show policy's SQL on a real PostgreSQL: rules loaded, no-shows marked and counted, booking refused, listing. */
@RequiresPostgres(schema = PostgresNoShowPolicyTest.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=2000", "hqd.data-dir=target/test-data-pg-noshow",
        "hqd.appointments.no-show-schedule=false"})
class PostgresNoShowPolicyTest {

    static final String SCHEMA = "hqd_noshow";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        org.openhqd.platform.support.PostgresTestDatabase.register(registry, SCHEMA);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Visits visits;
    @Autowired
    Penalties penalties;
    @Autowired
    NoShowRules rules;
    @Autowired
    Clock clock;

    @Test
    void threeNoShowsSuspendBookingCommunityWide() {
        var fx = new NoShowFixtures(jdbc);
        long hospital = fx.institution("H001");
        assertThat(rules.inForce(hospital, clock.instant())).extracting(NoShowRule::code)
                .containsExactly("CANCEL_MONTH", "NO_SHOW_180D", "SAME_DAY_CANCEL_30D");
        long patient = fx.patient("H001", 5);
        long dept = fx.department("H001", 0);
        Instant now = clock.instant();
        for (int i = 3; i >= 1; i--) {
            fx.appointment("H001", dept, patient, now.minus(Duration.ofDays(i)), "BOOKED", null);
        }
        visits.markNoShows(now);
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.penalties(patient) > 0);
        assertThatThrownBy(() -> penalties.assertMayBook(patient, fx.institution("T002"), fx.department("T002", 0)))
                .isInstanceOf(Appointments.BookingException.class).hasMessageContaining("409");
        assertThat(penalties.list(DataScope.everything(), patient, Penalties.Status.ACTIVE)).singleElement()
                .satisfies(p -> assertThat(p.appointmentIds()).hasSize(3));
    }
}
