package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Penalties through the API: booking refused, appeal and decision, whitelist, data scope, audit. */
@DemoPlatformTest
class PenaltyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Visits visits;
    @Autowired
    NoShowPolicyEngine engine;
    @Autowired
    Clock clock;

    NoShowFixtures fx() {
        return new NoShowFixtures(jdbc);
    }

    /** Three no-shows in the last days, evaluated now: the community-wide default penalty; returns its id. */
    long penalise(String institutionCode, long patient) {
        var fx = fx();
        long dept = fx.department(institutionCode, 0);
        Instant now = clock.instant();
        long last = 0;
        for (int i = 3; i >= 1; i--) {
            last = fx.noShow(institutionCode, dept, patient, now.minus(Duration.ofDays(i)));
        }
        engine.evaluate(last, now);
        return jdbc.sql("SELECT MAX(id) FROM no_show_penalty WHERE patient_id = :p").param("p", patient).query(Long.class).single();
    }

    /** Books a fresh slot at the hospital {@code days} ahead for the patient. */
    ResultActions book(String token, long patient, int days) throws Exception {
        var fx = fx();
        long slot = fx.slot("H001", fx.department("H001", 6), clock.instant().plus(Duration.ofDays(days)));
        return mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"APP\"}"));
    }

    ResultActions postJson(String url, String token, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long audits(String entity, Object id, String detailLike) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = :e AND entity_id = :id AND detail LIKE :d")
                .param("e", entity).param("id", String.valueOf(id)).param("d", detailLike).query(Long.class).single();
    }

    @Test
    void threeNoShowsMarkedAfterTheirSlotsSuspendBookingWithTheReasonAndEndDate() throws Exception {
        var fx = fx();
        long patient = fx.patient("H001", 210);
        long dept = fx.department("H001", 7);
        Instant now = clock.instant();
        for (int i = 3; i >= 1; i--) {
            fx.appointment("H001", dept, patient, now.minus(Duration.ofDays(i)), "BOOKED", null);
        }
        visits.markNoShows(now);
        // the no-show events reach the policy after the marking committed
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.penalties(patient) > 0);
        Instant ends = jdbc.sql("SELECT ends_at FROM no_show_penalty WHERE patient_id = :p").param("p", patient)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(ends).isAfter(now.plus(Duration.ofDays(89)));
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(NoShowRule.CHINA).format(ends);
        String doctor = Api.token(mvc, "demo-doctor");
        book(doctor, patient, 22).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("patientId"))
                .andExpect(jsonPath("$.detail").value(containsString("该患者因近 180 天内爽约 3 次")))
                .andExpect(jsonPath("$.detail").value(containsString("预约已暂停至 " + until)))
                .andExpect(jsonPath("$.detail").value(containsString("booking suspended at all institutions and channels of the community until " + until)))
                .andExpect(jsonPath("$.detail").value(containsString("3 no-shows within 180 days")));
        // no number was taken for the refused booking
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE patient_id = :p AND status = 'BOOKED'").param("p", patient)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'system' AND entity = 'no_show_penalty' AND patient_id = :p "
                + "AND action = 'CREATE'").param("p", patient).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_notice WHERE patient_id = :p AND kind = 'NO_SHOW_PENALTY' AND status = 'PENDING'")
                .param("p", patient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAcceptedAppealLiftsThePenaltyAndEveryStepIsAudited() throws Exception {
        long patient = fx().patient("H001", 211);
        long id = penalise("H001", patient);
        String doctor = Api.token(mvc, "demo-doctor");
        String admin = Api.token(mvc, "demo-inst-admin");
        postJson("/api/v1/penalties/" + id + "/appeal", doctor, "{\"reason\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("理由不能为空 / reason is required"));
        postJson("/api/v1/penalties/" + id + "/decide", admin, "{\"accept\":true,\"reason\":\"x\"}").andExpect(status().isConflict());
        postJson("/api/v1/penalties/" + id + "/appeal", doctor, "{\"reason\":\"住院期间未能就诊，有住院证明\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPEALED"));
        // under appeal the penalty still applies
        book(doctor, patient, 23).andExpect(status().isConflict());
        postJson("/api/v1/penalties/" + id + "/decide", doctor, "{\"accept\":true,\"reason\":\"x\"}").andExpect(status().isForbidden());
        postJson("/api/v1/penalties/" + id + "/decide", admin, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("accept", "reason")));
        postJson("/api/v1/penalties/" + id + "/decide", admin, "{\"accept\":true,\"reason\":\"证明属实\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LIFTED"))
                .andExpect(jsonPath("$.decisionReason").value("证明属实"));
        book(doctor, patient, 23).andExpect(status().isCreated());
        postJson("/api/v1/penalties/" + id + "/appeal", doctor, "{\"reason\":\"again\"}").andExpect(status().isConflict());
        assertThat(audits("no_show_penalty", id, "APPEALED: 住院期间%")).isEqualTo(1);
        assertThat(audits("no_show_penalty", id, "APPEAL_ACCEPTED → LIFTED: 证明属实")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE entity = 'no_show_penalty' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("system", "demo-doctor", "demo-inst-admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_notice WHERE penalty_id = :id AND kind = 'NO_SHOW_PENALTY_LIFTED'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRejectedAppealPutsThePenaltyBackInForce() throws Exception {
        long patient = fx().patient("H001", 212);
        long id = penalise("H001", patient);
        String doctor = Api.token(mvc, "demo-doctor");
        postJson("/api/v1/penalties/" + id + "/appeal", doctor, "{\"reason\":\"忘记了\"}").andExpect(status().isOk());
        postJson("/api/v1/penalties/" + id + "/decide", Api.token(mvc, "demo-admin"), "{\"accept\":false,\"reason\":\"理由不充分\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        book(doctor, patient, 24).andExpect(status().isConflict());
    }

    @Test
    void theWhitelistLetsAPenalisedPatientBookUntilRemoved() throws Exception {
        long patient = fx().patient("H001", 213);
        penalise("H001", patient);
        String doctor = Api.token(mvc, "demo-doctor");
        String admin = Api.token(mvc, "demo-inst-admin");
        String url = "/api/v1/patients/" + patient + "/no-show-whitelist";
        postJson(url, doctor, "{\"reason\":\"透析患者\"}").andExpect(status().isForbidden());
        postJson(url, admin, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson(url, admin, "{\"reason\":\"透析患者，固定时间就诊\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.patientId").value(patient)).andExpect(jsonPath("$.idNumber").value(containsString("*")));
        postJson(url, admin, "{\"reason\":\"again\"}").andExpect(status().isConflict());
        book(doctor, patient, 25).andExpect(status().isCreated());
        mvc.perform(delete(url).header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"透析结束\"}")).andExpect(status().isNoContent());
        book(doctor, patient, 26).andExpect(status().isConflict());
        mvc.perform(delete(url).header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity = 'no_show_whitelist' AND patient_id = :p ORDER BY id")
                .param("p", patient).query(String.class).list()).containsExactly("CREATE", "DELETE");
        // a township administrator cannot whitelist a hospital patient
        postJson(url, Api.token(mvc, "demo-admin-a"), "{\"reason\":\"x\"}").andExpect(status().isNotFound());
    }

    @Test
    void aTownshipDoctorSeesOnlyPenaltiesOfTheirOwnScope() throws Exception {
        long patient = fx().patient("T001", 12);
        long id = penalise("T001", patient);
        String a = Api.token(mvc, "demo-doctor-a");
        String b = Api.token(mvc, "demo-doctor-b");
        String mine = mvc.perform(get("/api/v1/penalties").param("patient", String.valueOf(patient)).header("Authorization", Api.bearer(a)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].patientIdNumber").value(containsString("*")))
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).doesNotContain("idNumberEnc");
        mvc.perform(get("/api/v1/penalties").param("patient", String.valueOf(patient)).header("Authorization", Api.bearer(b)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        String all = mvc.perform(get("/api/v1/penalties").param("status", "ACTIVE").header("Authorization", Api.bearer(b)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(all, "$[*].id");
        assertThat(ids).doesNotContain((int) id);
        postJson("/api/v1/penalties/" + id + "/appeal", b, "{\"reason\":\"x\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/penalties").header("Authorization", Api.bearer(Api.token(mvc, "demo-auditor"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/penalties").param("status", "NOPE").header("Authorization", Api.bearer(a)))
                .andExpect(status().isBadRequest());
        // reading penalties is audited
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-doctor-a' AND entity = 'no_show_penalty-list' "
                + "AND patient_id = :p").param("p", patient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRulesInForceAreListed() throws Exception {
        mvc.perform(get("/api/v1/no-show-rules").header("Authorization", Api.bearer(Api.token(mvc, "demo-doctor"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.code == 'NO_SHOW_180D')].threshold").value(org.hamcrest.Matchers.hasItem(3)))
                .andExpect(jsonPath("$[0].basis").isNotEmpty());
    }

    @Test
    void staffExcuseANoShowSoThatRulesExemptingTheExcuseDoNotCountIt() throws Exception {
        var fx = fx();
        long patient = fx.patient("H001", 214);
        long dept = fx.department("H001", 9);
        Instant now = clock.instant();
        long first = fx.noShow("H001", dept, patient, now.minus(Duration.ofDays(3)));
        fx.noShow("H001", dept, patient, now.minus(Duration.ofDays(2)));
        long last = fx.noShow("H001", dept, patient, now.minus(Duration.ofDays(1)));
        String nurse = Api.token(mvc, "demo-nurse");
        postJson("/api/v1/appointments/" + first + "/excuse", nurse, "{\"excuse\":\"SICK\",\"reason\":\"x\"}").andExpect(status().isBadRequest());
        postJson("/api/v1/appointments/" + first + "/excuse", Api.token(mvc, "demo-nurse-a"), "{\"excuse\":\"EMERGENCY\",\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/appointments/" + first + "/excuse", nurse, "{\"excuse\":\"EMERGENCY\",\"reason\":\"当日急诊入院\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NO_SHOW"));
        engine.evaluate(last, now);
        assertThat(fx.penalties(patient)).isZero();
        assertThat(audits("appointment", first, "EXCUSED EMERGENCY: 当日急诊入院")).isEqualTo(1);
        long booked = fx.appointment("H001", dept, patient, now.plus(Duration.ofDays(2)), "BOOKED", null);
        postJson("/api/v1/appointments/" + booked + "/excuse", nurse, "{\"excuse\":\"EMERGENCY\",\"reason\":\"x\"}")
                .andExpect(status().isConflict());
    }
}
