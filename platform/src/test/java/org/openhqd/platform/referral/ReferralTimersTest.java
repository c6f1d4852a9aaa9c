package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Escalation after the accept window and expiry after the decide window, driven with instants. */
@DemoPlatformTest
@RecordApplicationEvents
class ReferralTimersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralTimers timers;
    @Autowired
    ApplicationEvents events;

    @Test
    void defaultsAreTheSettings() {
        assertThat(timers.acceptWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(timers.expireAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(ReferralTimers.parse("P3D")).isEqualTo(Duration.ofDays(3));
        assertThat(ReferralTimers.parse("PT36H")).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void unacceptedReferralIsEscalatedThenExpires() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long id = f.created("demo-doctor-a", f.patient("T001", 30), f.institution("H001"), "UP", "");
        long accepted = f.created("demo-doctor-a", f.patient("T001", 31), f.institution("H001"), "UP", "");
        f.action("demo-doctor", accepted, "accept", null).andExpect(status().isOk());
        Instant submitted = submittedAt(id);

        timers.run(submitted.plus(Duration.ofHours(23)));
        assertThat(escalatedAt(id)).isNull();

        Instant late = submitted.plus(Duration.ofHours(25));
        timers.run(late);
        assertThat(f.status(id)).isEqualTo("SUBMITTED"); // escalation keeps the status
        assertThat(escalatedAt(id)).isEqualTo(late);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_notice WHERE referral_id = :id AND kind = 'ESCALATION'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        timers.run(late.plusSeconds(60)); // once only
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_notice WHERE referral_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        f.get("demo-admin", "/api/v1/referral-notices").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.referralId == " + id + ")].kind").value(org.hamcrest.Matchers.contains("ESCALATION")));
        f.get("demo-doctor-b", "/api/v1/referral-notices").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.referralId == " + id + ")]").isEmpty());

        timers.run(submitted.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(f.status(id)).isEqualTo("EXPIRED");
        assertThat(f.status(accepted)).isEqualTo("ACCEPTED"); // decided referrals do not expire
        assertThat(jdbc.sql("SELECT closed_reason FROM referral WHERE id = :id").param("id", id).query(String.class).single())
                .contains("7");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'referral' AND entity_id = :id AND actor = 'system'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2); // escalated, expired
        assertThat(events.stream(ReferralStateChanged.class).filter(e -> e.referralId() == id).map(ReferralStateChanged::status))
                .containsExactly(ReferralStatus.SUBMITTED, ReferralStatus.EXPIRED);
        f.action("demo-doctor", id, "accept", null).andExpect(status().isConflict());
    }

    private Instant submittedAt(long id) {
        return jdbc.sql("SELECT submitted_at FROM referral WHERE id = :id").param("id", id).query(Timestamp.class).single().toInstant();
    }

    private Instant escalatedAt(long id) {
        Timestamp t = jdbc.sql("SELECT escalated_at FROM referral WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return t == null ? null : t.toInstant();
    }
}
