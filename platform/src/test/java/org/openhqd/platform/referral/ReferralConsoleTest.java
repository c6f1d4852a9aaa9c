package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The 转诊 console pages: inbox with accept/reject (CSRF), detail with timeline and the schedule form, new referral. */
@DemoPlatformTest
class ReferralConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void receiverAcceptsFromTheInboxAndSchedulesOnTheDetailPage() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long patient = f.patient("T001", 15);
        long id = f.created("demo-doctor-a", patient, f.institution("H001"), "UP", "");
        String masked = jdbc.sql("SELECT id_number_masked FROM patient WHERE id = :p").param("p", patient).query(String.class).single();
        MockHttpSession hospital = login("demo-doctor");
        mvc.perform(get("/referrals").session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(containsString("转入（本机构接收）")))
                .andExpect(content().string(containsString("/referrals/" + id + "/accept")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/referrals\"")));
        mvc.perform(post("/referrals/" + id + "/accept").session(hospital)).andExpect(status().isForbidden()); // no CSRF token
        assertThat(f.status(id)).isEqualTo("SUBMITTED");
        mvc.perform(post("/referrals/" + id + "/accept").session(hospital).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id));
        assertThat(f.status(id)).isEqualTo("ACCEPTED");
        mvc.perform(post("/referrals/" + id + "/accept").session(hospital).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + id)); // shown as an error on the page, the state stays
        mvc.perform(get("/referrals/" + id).session(hospital)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已接收")))
                .andExpect(content().string(containsString("预约转诊号源")))
                .andExpect(content().string(containsString("I20.000")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("demo-doctor")));
        mvc.perform(get("/referrals/" + id).session(login("demo-doctor-b"))).andExpect(status().isNotFound());
    }

    @Test
    void senderCreatesAReferralWithTheForm() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        MockHttpSession township = login("demo-doctor-a");
        mvc.perform(get("/referrals/new").session(township)).andExpect(status().isOk())
                .andExpect(content().string(containsString("示范县人民医院")));
        long patient = f.patient("T001", 16);
        mvc.perform(post("/referrals").session(township).with(csrf()).param("patientId", String.valueOf(patient))
                        .param("toInstitutionId", String.valueOf(f.institution("H001"))).param("direction", "UP")
                        .param("reason", "疑似脑卒中").param("diagnoses", "I63.900，I10.x00"))
                .andExpect(redirectedUrlPattern("/referrals/*"));
        long id = jdbc.sql("SELECT MAX(id) FROM referral WHERE patient_id = :p").param("p", patient).query(Long.class).single();
        assertThat(jdbc.sql("SELECT code FROM referral_diagnosis WHERE referral_id = :id ORDER BY position").param("id", id)
                .query(String.class).list()).containsExactly("I63.900", "I10.x00");
        mvc.perform(post("/referrals").session(township).with(csrf()).param("patientId", String.valueOf(patient))
                        .param("toInstitutionId", String.valueOf(f.institution("T002"))).param("direction", "UP")
                        .param("reason", "x").param("diagnoses", "I63.900"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("higher level")))
                .andExpect(content().string(not(containsString("Whitelabel"))));
    }
}
