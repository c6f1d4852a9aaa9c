package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The policy engine: counting, windows, scopes, exemptions and what never counts. */
@DemoPlatformTest
class NoShowPolicyTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoShowRules rules;
    @Autowired
    NoShowPolicyEngine engine;
    @Autowired
    Penalties penalties;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    NoShowFixtures fx() {
        return new NoShowFixtures(jdbc);
    }

    @Test
    void aNoShowJustOutsideTheRollingWindowDoesNotCount() {
        var fx = fx();
        long dept = fx.department("H001", 1);
        long patient = fx.patient("H001", 200);
        Instant at = Instant.parse("2026-06-15T02:00:00Z");
        long outside = fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(180)).minusSeconds(60));
        fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(100)));
        long latest = fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(1)));
        engine.evaluate(latest, at);
        assertThat(fx.penalties(patient)).isZero();
        // two of three: the patient is warned (stored for SMS delivery)
        assertThat(jdbc.sql("SELECT channel FROM patient_notice WHERE patient_id = :p AND kind = 'NO_SHOW_WARNING' AND status = 'PENDING'")
                .param("p", patient).query(String.class).list()).containsExactly("SMS");

        long inside = fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(179)));
        engine.evaluate(inside, at);
        PenaltyView p = penalties.list(org.openhqd.platform.security.DataScope.everything(), patient, null).get(0);
        assertThat(p.appointmentIds()).doesNotContain(outside).hasSize(3).contains(inside, latest);
        assertThat(p.scope()).isEqualTo(NoShowRule.Scope.COMMUNITY);
        assertThat(p.endsAt()).isEqualTo(at.plus(Duration.ofDays(90)));
        assertThat(p.reason()).isEqualTo("近 180 天内爽约 3 次 / 3 no-shows within 180 days");
        // the same events are not punished twice
        engine.evaluate(inside, at);
        assertThat(fx.penalties(patient)).isEqualTo(1);
    }

    @Test
    void sameDayCancellationsAreCountedInChinaTimeByInstitution() {
        var fx = fx();
        long dept = fx.department("H001", 2);
        long patient = fx.patient("H001", 201);
        Instant at = Instant.parse("2026-07-10T06:00:00Z");
        // 07:30 China time on the day of a 09:00 visit: same day
        long first = fx.cancelled("H001", dept, patient, Instant.parse("2026-06-25T01:00:00Z"), Instant.parse("2026-06-24T23:30:00Z"));
        // two days ahead: not same day
        fx.cancelled("H001", dept, patient, Instant.parse("2026-07-08T01:00:00Z"), Instant.parse("2026-07-06T01:00:00Z"));
        engine.evaluate(first, at);
        assertThat(fx.penalties(patient)).isZero();
        // 01:00 China time on 10 July (still 9 July in UTC) for a visit that day: same day
        long second = fx.cancelled("H001", dept, patient, Instant.parse("2026-07-10T07:00:00Z"), Instant.parse("2026-07-09T17:00:00Z"));
        engine.evaluate(second, at);
        List<PenaltyView> given = penalties.list(org.openhqd.platform.security.DataScope.everything(), patient, null);
        assertThat(given).singleElement().satisfies(p -> {
            assertThat(p.ruleCode()).isEqualTo("SAME_DAY_CANCEL_30D");
            assertThat(p.scope()).isEqualTo(NoShowRule.Scope.INSTITUTION);
            assertThat(p.appointmentIds()).containsExactlyInAnyOrder(first, second);
            assertThat(p.endsAt()).isEqualTo(at.plus(Duration.ofDays(14)));
        });
    }

    @Test
    void excusedEventsDoNotCountWhenTheRuleExemptsTheExcuse() {
        var fx = fx();
        long dept = fx.department("H001", 3);
        long patient = fx.patient("H001", 202);
        Instant at = Instant.parse("2026-08-01T02:00:00Z");
        long excused = fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(3)));
        jdbc.sql("UPDATE appointment SET excuse = 'EMERGENCY' WHERE id = :id").param("id", excused).update();
        fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(2)));
        long last = fx.noShow("H001", dept, patient, at.minus(Duration.ofDays(1)));
        engine.evaluate(last, at);
        assertThat(fx.penalties(patient)).isZero();
        jdbc.sql("UPDATE appointment SET excuse = NULL WHERE id = :id").param("id", excused).update();
        engine.evaluate(last, at);
        assertThat(fx.penalties(patient)).isEqualTo(1);
    }

    @Test
    void hospitalCancellationsNeverCountAndThreePatientCancellationsInAMonthSuspendUntilMonthEnd() throws Exception {
        var fx = fx();
        long dept = fx.department("H001", 4);
        long patient = fx.patient("H001", 203);
        Instant now = clock.instant();
        Instant inTwentyDays = now.plus(Duration.ofDays(20));
        String doctor = Api.token(mvc, "demo-doctor");
        // 停诊: three of the patient's appointments in one session, cancelled by the hospital
        long firstSlot = fx.slot("H001", dept, inTwentyDays);
        long session = jdbc.sql("SELECT session_id FROM slot WHERE id = :s").param("s", firstSlot).query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by, booked_at) "
                            + "SELECT s.id, p.id, :pt, 'APP', :n, s.starts_at, 'BOOKED', 'test', :now FROM slot s JOIN slot_pool p ON p.slot_id = s.id "
                            + "WHERE s.id = :s")
                    .param("pt", patient).param("n", i + 1).param("now", Penalties.utc(now)).param("s", firstSlot).update();
        }
        jdbc.sql("UPDATE slot_pool SET booked = 3 WHERE slot_id = :s").param("s", firstSlot).update();
        jdbc.sql("UPDATE slot SET next_number = 4 WHERE id = :s").param("s", firstSlot).update();
        mvc.perform(post("/api/v1/sessions/" + session + "/stop").header("Authorization", Api.bearer(doctor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"设备检修\"}")).andExpect(status().isOk());
        List<Long> byHospital = jdbc.sql("SELECT id FROM appointment WHERE patient_id = :p AND status = 'CANCELLED_BY_HOSPITAL'")
                .param("p", patient).query(Long.class).list();
        assertThat(byHospital).hasSize(3);
        engine.evaluate(byHospital.get(0), now);

        long first = fx.cancelled("H001", dept, patient, now.plus(Duration.ofDays(5)), now.minusSeconds(120));
        engine.evaluate(first, now);
        assertThat(fx.penalties(patient)).as("hospital cancellations must not count").isZero();
        long second = fx.cancelled("H001", dept, patient, now.plus(Duration.ofDays(6)), now.minusSeconds(60));
        engine.evaluate(second, now);
        assertThat(fx.penalties(patient)).isZero();

        // the third, through the API: the cancellation event reaches the engine after commit
        long slot = fx.slot("H001", dept, now.plus(Duration.ofDays(21)));
        String booked = mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(doctor))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"APP\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long third = ((Number) com.jayway.jsonpath.JsonPath.read(booked, "$.id")).longValue();
        mvc.perform(post("/api/v1/appointments/" + third + "/cancel").header("Authorization", Api.bearer(doctor)))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT cancelled_by FROM appointment WHERE id = :id").param("id", third).query(String.class).single())
                .isEqualTo("demo-doctor");
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.penalties(patient) > 0);
        PenaltyView p = penalties.list(org.openhqd.platform.security.DataScope.everything(), patient, null).get(0);
        assertThat(p.ruleCode()).isEqualTo("CANCEL_MONTH");
        assertThat(p.appointmentIds()).containsExactlyInAnyOrder(first, second, third).doesNotContainAnyElementsOf(byHospital);
        Instant monthEnd = p.startsAt().atZone(NoShowRule.CHINA).toLocalDate().withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(NoShowRule.CHINA).toInstant();
        assertThat(p.endsAt()).isEqualTo(monthEnd);
        // the stop-clinic notices come first, then the policy's warning and penalty
        assertThat(jdbc.sql("SELECT kind FROM patient_notice WHERE patient_id = :p ORDER BY id").param("p", patient)
                .query(String.class).list()).containsExactly("STOP_CLINIC", "STOP_CLINIC", "STOP_CLINIC", "NO_SHOW_WARNING", "NO_SHOW_PENALTY");
    }

    @Test
    void aDepartmentScopedRuleAddedAsDataBlocksOnlyThatDepartment() {
        var fx = fx();
        assertThat(rules.load(new ClassPathResource("org/openhqd/platform/appointments/department-rule.tsv"))).isEqualTo(1);
        assertThat(rules.load(new ClassPathResource("org/openhqd/platform/appointments/department-rule.tsv"))).isZero();
        long township = fx.institution("T003");
        Instant now = clock.instant();
        NoShowRule local = rules.inForce(township, now).stream().filter(r -> r.code().equals("NO_SHOW_180D")).findFirst().orElseThrow();
        assertThat(local.scope()).isEqualTo(NoShowRule.Scope.DEPARTMENT);
        assertThat(local.threshold()).isEqualTo(2);
        // elsewhere the community default still applies
        assertThat(rules.inForce(fx.institution("H001"), now)).filteredOn(r -> r.code().equals("NO_SHOW_180D"))
                .singleElement().extracting(NoShowRule::scope).isEqualTo(NoShowRule.Scope.COMMUNITY);

        long dept = fx.department("T003", 0);
        long otherDept = fx.department("T003", 1);
        long patient = fx.patient("T003", 10);
        fx.noShow("T003", dept, patient, now.minus(Duration.ofDays(3)));
        long last = fx.noShow("T003", dept, patient, now.minus(Duration.ofDays(1)));
        engine.evaluate(last, now);
        assertThat(fx.penalties(patient)).isEqualTo(1);
        assertThatThrownBy(() -> penalties.assertMayBook(patient, township, dept))
                .isInstanceOf(Appointments.BookingException.class)
                .satisfies(e -> assertThat(((Appointments.BookingException) e).getBody().getDetail())
                        .contains("该科室").contains("in this department"));
        penalties.assertMayBook(patient, township, otherDept);
        penalties.assertMayBook(patient, fx.institution("H001"), fx.department("H001", 0));
    }

    @Test
    void aWhitelistedPatientIsNotCounted() {
        var fx = fx();
        long dept = fx.department("H001", 5);
        long patient = fx.patient("H001", 204);
        jdbc.sql("INSERT INTO no_show_whitelist (patient_id, reason, added_by, added_at) VALUES (:p, '透析患者', 'test', :now)")
                .param("p", patient).param("now", Penalties.utc(clock.instant())).update();
        Instant now = clock.instant();
        long last = 0;
        for (int i = 1; i <= 3; i++) {
            last = fx.noShow("H001", dept, patient, now.minus(Duration.ofDays(i)));
        }
        engine.evaluate(last, now);
        assertThat(fx.penalties(patient)).isZero();
    }
}
