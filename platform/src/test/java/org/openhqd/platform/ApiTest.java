package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class ApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsUpWithoutLogin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void withoutATokenTheApiAnswers401AsAProblem() throws Exception {
        mvc.perform(get("/api/v1/patients")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get("/api/v1/patients").header("Authorization", "Bearer hqd_forged")).andExpect(status().isUnauthorized());
    }

    @Test
    void wrongPasswordIs401AndAudited() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-nurse\",\"password\":\"wrong\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("wrong username or password")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-nurse' AND action = 'LOGIN_FAILURE'")
                .query(Long.class).single()).isPositive();
        // a later successful login resets the failure count
        Api.token(mvc, "demo-nurse");
        assertThat(jdbc.sql("SELECT failed_attempts FROM staff WHERE username = 'demo-nurse'").query(Integer.class).single()).isZero();
    }

    @Test
    void patientsAreListedMaskedPagedAndTheReadIsAudited() throws Exception {
        String token = Api.token(mvc, "demo-doctor");
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-doctor' AND action = 'READ'").query(Long.class).single();
        mvc.perform(get("/api/v1/patients").param("page", "1").param("size", "5").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.content[*].idNumber", everyItem(matchesPattern("\\d{3}\\*{11}[0-9X]{4}"))))
                .andExpect(jsonPath("$.content[*].phone", everyItem(matchesPattern("\\d{3}\\*{4}\\d{4}"))));
        long id = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = 'H001' ORDER BY p.id LIMIT 1")
                .query(Long.class).single();
        mvc.perform(get("/api/v1/patients/" + id).header("Authorization", Api.bearer(token))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-doctor' AND action = 'READ'").query(Long.class).single())
                .isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-doctor' AND action = 'READ' AND patient_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void registeringAPatientValidatesTheIdNumberAndNeverReturnsIt() throws Exception {
        String token = Api.token(mvc, "demo-doctor-a");
        long township = jdbc.sql("SELECT id FROM institution WHERE code = 'T001'").query(Long.class).single();
        String first17 = "99010219850607123";
        String id = first17 + IdNumber.checkCharacter(first17);
        mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + township + ",\"name\":\"测试患者\",\"idNumber\":\"" + id
                                + "\",\"insuranceType\":\"RESIDENT\",\"phone\":\"13800001234\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumber").value("990***********123" + id.charAt(17)))
                .andExpect(jsonPath("$.sex").value("1"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(id))));
        // stored encrypted: the plain number is nowhere in the row
        String stored = jdbc.sql("SELECT id_number_enc FROM patient WHERE name = '测试患者'").query(String.class).single();
        assertThat(stored).doesNotContain(id);
        // the same number again is refused, naming the field
        mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + township + ",\"name\":\"重复\",\"idNumber\":\"" + id + "\",\"insuranceType\":\"RESIDENT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("idNumber"));
    }

    @Test
    void invalidInputIsAProblemWithFieldErrors() throws Exception {
        String token = Api.token(mvc, "demo-doctor-a");
        mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":4,\"name\":\"\",\"idNumber\":\"123\",\"insuranceType\":\"RESIDENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":4,\"name\":\"张三\",\"idNumber\":\"110105194912310021\",\"insuranceType\":\"RESIDENT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].message", containsString("校验码")));
        mvc.perform(post("/api/v1/patients").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{not json")).andExpect(status().isBadRequest());
    }

    @Test
    void repeatedFailuresLockTheAccount() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"demo-nurse-b\",\"password\":\"bad" + i + "\"}")).andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"demo-nurse-b\",\"password\":\"" + Api.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("locked")));
    }

    @Test
    void theAuditTrailIsAppendOnly() throws Exception {
        Api.token(mvc, "demo-quality"); // at least one audit row (the login)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isPositive();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'x'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void integrationTokensAreIssuedUsedAndRevoked() throws Exception {
        String admin = Api.token(mvc, "demo-admin-a");
        long township = jdbc.sql("SELECT id FROM institution WHERE code = 'T001'").query(Long.class).single();
        long sibling = jdbc.sql("SELECT id FROM institution WHERE code = 'T002'").query(Long.class).single();
        mvc.perform(post("/api/v1/tokens").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"his-x\",\"institutionId\":" + sibling + "}")).andExpect(status().isNotFound());
        String issued = mvc.perform(post("/api/v1/tokens").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"his-t001\",\"institutionId\":" + township + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String his = com.jayway.jsonpath.JsonPath.read(issued, "$.token");
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(issued, "$.id")).longValue();
        mvc.perform(get("/api/v1/patients").header("Authorization", Api.bearer(his))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id").param("id", id).query(String.class).single())
                .doesNotContain(his).hasSize(64);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tokens/" + id)
                .header("Authorization", Api.bearer(admin))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/patients").header("Authorization", Api.bearer(his))).andExpect(status().isUnauthorized());
        String doctor = Api.token(mvc, "demo-doctor-a");
        mvc.perform(get("/api/v1/tokens").header("Authorization", Api.bearer(doctor))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action IN ('TOKEN_ISSUED','TOKEN_REVOKED') AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void openApiDocumentsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/patients']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
    }
}
