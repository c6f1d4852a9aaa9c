package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Administration of institutions, staff and patients, through the API and the console. */
@DemoPlatformTest
class AdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    long id(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void institutionAdminAddsAVillageClinicUnderItsCentreOnly() throws Exception {
        String admin = Api.token(mvc, "demo-admin-a");
        mvc.perform(post("/api/v1/institutions").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + id("T001") + ",\"code\":\"T001-V09\",\"name\":\"城关新村卫生室\",\"level\":\"PRIMARY\",\"type\":\"VILLAGE_CLINIC\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.parent").value(id("T001")));
        assertThat(jdbc.sql("SELECT path FROM institution WHERE code = 'T001-V09'").query(String.class).single())
                .startsWith(jdbc.sql("SELECT path FROM institution WHERE code = 'T001'").query(String.class).single());
        // under the sibling centre: as if it did not exist
        mvc.perform(post("/api/v1/institutions").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + id("T002") + ",\"code\":\"T002-V09\",\"name\":\"x\",\"level\":\"PRIMARY\",\"type\":\"VILLAGE_CLINIC\"}"))
                .andExpect(status().isNotFound());
        // at the top of the community: only community-wide administrators
        mvc.perform(post("/api/v1/institutions").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"T099\",\"name\":\"x\",\"level\":\"PRIMARY\",\"type\":\"TOWNSHIP_HEALTH_CENTRE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentId"));
        String doctor = Api.token(mvc, "demo-doctor-a");
        mvc.perform(post("/api/v1/institutions").header("Authorization", Api.bearer(doctor)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + id("T001") + ",\"code\":\"T001-V10\",\"name\":\"x\",\"level\":\"PRIMARY\",\"type\":\"VILLAGE_CLINIC\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffWithALoginCanBeDisabledAndThenNeitherLogsInNorUsesItsToken() throws Exception {
        String admin = Api.token(mvc, "demo-admin-b");
        mvc.perform(post("/api/v1/staff").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + id("T002") + ",\"name\":\"李医生\",\"role\":\"COMMUNITY_ADMIN\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/staff").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + id("T002") + ",\"name\":\"李医生\",\"role\":\"DOCTOR\",\"username\":\"li-t002\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        String created = mvc.perform(post("/api/v1/staff").header("Authorization", Api.bearer(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + id("T002") + ",\"name\":\"李医生\",\"role\":\"DOCTOR\",\"title\":\"主治医师\",\"username\":\"li-t002\",\"password\":\"Welcome2026x\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").value("li-t002"))
                .andReturn().getResponse().getContentAsString();
        long staffId = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        String token = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"li-t002\",\"password\":\"Welcome2026x\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String bearer = Api.bearer(com.jayway.jsonpath.JsonPath.read(token, "$.token"));
        mvc.perform(get("/api/v1/patients").header("Authorization", bearer)).andExpect(status().isOk());

        String otherAdmin = Api.token(mvc, "demo-admin-a");
        mvc.perform(post("/api/v1/staff/" + staffId + "/enabled").header("Authorization", Api.bearer(otherAdmin))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/staff/" + staffId + "/enabled").header("Authorization", Api.bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/patients").header("Authorization", bearer)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"li-t002\",\"password\":\"Welcome2026x\"}")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'staff' AND entity_id = :id")
                .param("id", String.valueOf(staffId)).query(Long.class).single()).isEqualTo(2); // created, disabled
    }

    @Test
    void consoleFormsRegisterAPatientAndAddStaffAndInstitutions() throws Exception {
        MockHttpSession s = (MockHttpSession) mvc.perform(formLogin("/login").user("demo-inst-admin").password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
        mvc.perform(get("/patients/new").session(s)).andExpect(status().isOk()).andExpect(content().string(containsString("居民身份证号")));
        mvc.perform(post("/patients/new").session(s).with(csrf()).param("institutionId", String.valueOf(id("H001")))
                        .param("name", "赵登记").param("idNumber", "110105194912310021").param("insuranceType", "EMPLOYEE"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("校验码错误")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("110105194912310021"))));
        String first17 = "99010419700315004";
        String idNumber = first17 + IdNumber.checkCharacter(first17);
        mvc.perform(post("/patients/new").session(s).with(csrf()).param("institutionId", String.valueOf(id("H001")))
                        .param("name", "赵登记").param("idNumber", idNumber).param("insuranceType", "EMPLOYEE").param("phone", "13912345678"))
                .andExpect(redirectedUrl("/patients"));
        mvc.perform(post("/staff").session(s).with(csrf()).param("institutionId", String.valueOf(id("H001")))
                .param("name", "钱护士").param("role", "NURSE")).andExpect(redirectedUrl("/staff"));
        mvc.perform(get("/staff").session(s)).andExpect(content().string(containsString("钱护士")));
        mvc.perform(post("/institutions").session(s).with(csrf()).param("parentId", String.valueOf(id("H001")))
                .param("code", "H001-N").param("name", "示范县人民医院北院区").param("level", "LEVEL_2").param("type", "CAMPUS"))
                .andExpect(redirectedUrl("/institutions"));
        mvc.perform(get("/institutions").session(s)).andExpect(content().string(containsString("北院区")));
        assertThat(jdbc.sql("SELECT id_number_masked FROM patient WHERE name = '赵登记'").query(String.class).single())
                .isEqualTo(IdNumber.mask(idNumber));
    }
}
