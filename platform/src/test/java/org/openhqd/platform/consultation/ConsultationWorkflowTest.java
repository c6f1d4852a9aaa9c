package org.openhqd.platform.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** 远程会诊 and remote readings through the API: the state machine with its 409s, who acts, scoping, the report on the patient, audit. */
@DemoPlatformTest
class ConsultationWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final Map<String, String> tokens = new HashMap<>();
    long hospital;

    @BeforeEach
    void fixture() {
        hospital = institution("H001");
    }

    @Test
    void aConsultationIsAcceptedScheduledAndReportedOntoThePatient() throws Exception {
        long patient = patient("T001", 30);
        long id = requested("demo-doctor-a", patient, "CONSULTATION", ",\"urgency\":\"URGENT\",\"studies\":[{\"reference\":"
                + "\"https://pacs.example/s/9\",\"description\":\"胸部 CT\"}]");
        get("demo-doctor", "/api/v1/consultations/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REQUESTED")).andExpect(jsonPath("$.urgency").value("URGENT"))
                .andExpect(jsonPath("$.requestingInstitutionId").value(institution("T001")))
                .andExpect(jsonPath("$.studies[0].reference").value("https://pacs.example/s/9"))
                .andExpect(jsonPath("$.patientIdNumber").value(org.hamcrest.Matchers.containsString("*")));
        get("demo-doctor-b", "/api/v1/consultations/" + id).andExpect(status().isNotFound());
        postJson("demo-doctor-b", "/api/v1/consultations/" + id + "/accept", null).andExpect(status().isNotFound());
        postJson("demo-doctor-a", "/api/v1/consultations/" + id + "/accept", null).andExpect(status().isForbidden()); // requester cannot accept
        report("demo-doctor", id).andExpect(status().isConflict()); // not accepted yet
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/accept", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.decidedBy").value("demo-doctor"));
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/accept", null).andExpect(status().isConflict());
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/decline", "{\"reason\":\"迟了\"}").andExpect(status().isConflict());
        report("demo-doctor", id).andExpect(status().isConflict()); // a consultation is reported after its session

        postJson("demo-doctor", "/api/v1/consultations/" + id + "/schedule", "{\"scheduledFor\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheduledFor"));
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/schedule", "{\"scheduledFor\":\"" + at + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        assertThat(jdbc.sql("SELECT scheduled_for FROM consultation WHERE id = :id").param("id", id).query(java.sql.Timestamp.class)
                .single().toInstant()).isEqualTo(at);

        get("demo-doctor-a", "/api/v1/patients/" + patient + "/remote-reports").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.consultationId == " + id + ")]").isEmpty());
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/report", "{\"findings\":\"\",\"conclusion\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("findings", "conclusion")));
        report("demo-doctor", id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.reportedBy").value("demo-doctor")).andExpect(jsonPath("$.reportedAt").isNotEmpty());
        report("demo-doctor", id).andExpect(status().isConflict());
        postJson("demo-doctor-a", "/api/v1/consultations/" + id + "/cancel", "{\"reason\":\"x\"}").andExpect(status().isConflict());

        // the report is now part of the patient's records, for both sides; not for the sibling township
        for (String user : List.of("demo-doctor-a", "demo-doctor")) {
            get(user, "/api/v1/patients/" + patient + "/remote-reports").andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.consultationId == " + id + ")].conclusion").value("建议上转行冠脉造影"))
                    .andExpect(jsonPath("$[?(@.consultationId == " + id + ")].consultingInstitutionName").isNotEmpty());
        }
        get("demo-doctor-b", "/api/v1/patients/" + patient + "/remote-reports").andExpect(status().isNotFound());

        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'consultation' AND entity_id = '" + id
                + "' AND action IN ('CREATE', 'UPDATE') AND patient_id = " + patient)).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'remote-report' AND patient_id = " + patient))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'consultation' AND action = 'READ' AND entity_id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void aReadingIsReportedStraightAfterAcceptanceAndHasNoSession() throws Exception {
        long patient = patient("T001", 31);
        long id = requested("demo-doctor-a", patient, "ECG_READING", "");
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/accept", null).andExpect(status().isOk());
        postJson("demo-doctor", "/api/v1/consultations/" + id + "/schedule", "{\"scheduledFor\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}").andExpect(status().isConflict());
        report("demo-doctor", id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPORTED"))
                .andExpect(jsonPath("$.findings").value("V1–V4 ST 段压低"));
    }

    @Test
    void declinedAndCancelledRequestsEndThere() throws Exception {
        long patient = patient("T001", 32);
        long declined = requested("demo-doctor-a", patient, "IMAGING_READING", "");
        postJson("demo-doctor", "/api/v1/consultations/" + declined + "/decline", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson("demo-doctor", "/api/v1/consultations/" + declined + "/decline", "{\"reason\":\"影像不清晰，请重新采集\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("影像不清晰，请重新采集"));
        postJson("demo-doctor", "/api/v1/consultations/" + declined + "/accept", null).andExpect(status().isConflict());
        postJson("demo-doctor-a", "/api/v1/consultations/" + declined + "/cancel", "{\"reason\":\"x\"}").andExpect(status().isConflict());

        long cancelled = requested("demo-doctor-a", patient, "CONSULTATION", "");
        postJson("demo-doctor", "/api/v1/consultations/" + cancelled + "/cancel", "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        postJson("demo-doctor-a", "/api/v1/consultations/" + cancelled + "/cancel", "{\"reason\":\"患者已好转\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED")).andExpect(jsonPath("$.cancelReason").value("患者已好转"));
        postJson("demo-doctor", "/api/v1/consultations/" + cancelled + "/accept", null).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE entity = 'consultation' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(cancelled)).query(String.class).list()).containsExactly("REQUESTED -> CANCELLED: 患者已好转");
    }

    @Test
    void aRequestNeedsAPatientOfTheCallerAndAnotherMemberInstitution() throws Exception {
        request("demo-doctor-a", patient("T002", 30), hospital, "CONSULTATION", "").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("patientId"));
        request("demo-doctor-a", patient("T001", 33), institution("T001"), "CONSULTATION", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consultingInstitutionId"));
        request("demo-doctor-a", patient("T001", 33), 999_999L, "CONSULTATION", "").andExpect(status().isBadRequest());
        postJson("demo-doctor-a", "/api/v1/consultations", "{\"type\":\"ECG_READING\",\"patientId\":" + patient("T001", 33)
                + ",\"consultingInstitutionId\":" + hospital + ",\"question\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("question")));
        assertThat(count("SELECT COUNT(*) FROM consultation WHERE patient_id = " + patient("T001", 33))).isZero();
    }

    @Test
    void listsShowTheCallersSideOnly() throws Exception {
        long id = requested("demo-doctor-a", patient("T001", 34), "ECG_READING", "");
        assertThat(ids("demo-doctor", "/api/v1/consultations?incoming=true")).contains(id);
        assertThat(ids("demo-doctor-a", "/api/v1/consultations?incoming=false")).contains(id);
        assertThat(ids("demo-doctor-a", "/api/v1/consultations?incoming=true")).doesNotContain(id);
        assertThat(ids("demo-doctor-b", "/api/v1/consultations?incoming=false")).doesNotContain(id);
        assertThat(ids("demo-doctor", "/api/v1/consultations?incoming=true&status=REQUESTED")).contains(id);
        assertThat(ids("demo-doctor", "/api/v1/consultations?incoming=true&status=REPORTED")).doesNotContain(id);
        assertThat(count("SELECT COUNT(*) FROM consultation WHERE requested_by = 'demo'")).as("demo consultations").isGreaterThan(20);
    }

    @Test
    void theConsolePagesWork() throws Exception {
        var township = login("demo-doctor-a");
        var county = login("demo-doctor");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/consultations/new").session(township)).andExpect(status().isOk());
        String location = mvc.perform(post("/consultations").session(township)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("type", "IMAGING_READING").param("patientId", String.valueOf(patient("T001", 35)))
                        .param("consultingInstitutionId", String.valueOf(hospital)).param("question", "胸片请诊断")
                        .param("urgency", "ROUTINE").param("studyReference", "DEMO-PACS-X"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/consultations").session(county)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("/consultations/" + id)));
        mvc.perform(post("/consultations/" + id + "/accept").session(county)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/consultations/" + id).session(county)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("report-form")));
        mvc.perform(post("/consultations/" + id + "/report").session(county).param("findings", "双肺纹理增粗").param("conclusion", "支气管炎")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM consultation WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("REPORTED");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/consultations/" + id).session(login("demo-doctor-b"))).andExpect(status().isNotFound());
    }

    private org.springframework.mock.web.MockHttpSession login(String user) throws Exception {
        return (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user(user).password(Api.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private ResultActions report(String user, long id) throws Exception {
        return postJson(user, "/api/v1/consultations/" + id + "/report",
                "{\"findings\":\"V1–V4 ST 段压低\",\"conclusion\":\"建议上转行冠脉造影\"}");
    }

    private long requested(String user, long patient, String type, String extra) throws Exception {
        String body = request(user, patient, hospital, type, extra).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions request(String user, long patient, long to, String type, String extra) throws Exception {
        return postJson(user, "/api/v1/consultations", "{\"type\":\"" + type + "\",\"patientId\":" + patient
                + ",\"consultingInstitutionId\":" + to + ",\"question\":\"胸闷 2 小时，请远程会诊\"" + extra + "}");
    }

    private List<Long> ids(String user, String url) throws Exception {
        List<Number> ids = JsonPath.read(get(user, url).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                "$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private ResultActions postJson(String user, String url, String body) throws Exception {
        var request = post(url).header("Authorization", token(user));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private ResultActions get(String user, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).header("Authorization", token(user)));
    }

    private String token(String user) throws Exception {
        String t = tokens.get(user);
        if (t == null) {
            t = Api.bearer(Api.token(mvc, user));
            tokens.put(user, t);
        }
        return t;
    }

    private long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** Patients the demo's referrals, consultations and bookings leave alone (high offsets from the newest). */
    private long patient(String code, int k) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = :c "
                + "ORDER BY p.id DESC LIMIT 1 OFFSET " + k).param("c", code).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
