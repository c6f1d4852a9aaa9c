package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class NoShowConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoShowPolicyEngine engine;
    @Autowired
    Clock clock;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void thePageShowsRulesAndMaskedPenaltiesAndAdministratorsDecideAppeals() throws Exception {
        var fx = new NoShowFixtures(jdbc);
        long patient = fx.patient("H001", 220);
        long dept = fx.department("H001", 8);
        Instant now = clock.instant();
        long last = 0;
        for (int i = 3; i >= 1; i--) {
            last = fx.noShow("H001", dept, patient, now.minus(Duration.ofDays(i)));
        }
        engine.evaluate(last, now);
        long id = jdbc.sql("SELECT id FROM no_show_penalty WHERE patient_id = :p").param("p", patient).query(Long.class).single();
        jdbc.sql("UPDATE no_show_penalty SET status = 'APPEALED', appeal_reason = '出差' WHERE id = :id").param("id", id).update();
        String masked = jdbc.sql("SELECT id_number_masked FROM patient WHERE id = :p").param("p", patient).query(String.class).single();

        MockHttpSession doctor = login("demo-doctor");
        mvc.perform(get("/no-show").session(doctor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("爽约与黑名单管理")))
                .andExpect(content().string(containsString("近 180 天")))
                .andExpect(content().string(containsString("暂停预约至当月月底")))
                .andExpect(content().string(containsString("参照各院")))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("申诉中")))
                .andExpect(content().string(containsString("href=\"/no-show\"")))
                .andExpect(content().string(not(containsString("/no-show/penalties/" + id + "/decide"))));
        mvc.perform(post("/no-show/penalties/" + id + "/decide").session(doctor).with(csrf()).param("accept", "true").param("reason", "x"))
                .andExpect(status().isForbidden());

        MockHttpSession admin = login("demo-inst-admin");
        String page = mvc.perform(get("/no-show").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/no-show/penalties/" + id + "/decide")))
                .andReturn().getResponse().getContentAsString();
        // never a full identity number
        assertThat(page).doesNotContainPattern("\\d{17}[0-9X]");
        mvc.perform(post("/no-show/penalties/" + id + "/decide").session(admin).with(csrf()).param("accept", "true").param("reason", ""))
                .andExpect(redirectedUrl("/no-show"));
        assertThat(penaltyStatus(id)).isEqualTo("APPEALED");
        mvc.perform(post("/no-show/penalties/" + id + "/decide").session(admin).with(csrf()).param("accept", "true").param("reason", "出差属实"))
                .andExpect(redirectedUrl("/no-show"));
        assertThat(penaltyStatus(id)).isEqualTo("LIFTED");

        mvc.perform(post("/no-show/whitelist").session(admin).with(csrf()).param("patientId", String.valueOf(patient)).param("reason", "化疗"))
                .andExpect(redirectedUrl("/no-show"));
        mvc.perform(get("/no-show").session(admin)).andExpect(content().string(containsString("化疗")));
        mvc.perform(post("/no-show/whitelist/" + patient + "/remove").session(admin).with(csrf()).param("reason", "疗程结束"))
                .andExpect(redirectedUrl("/no-show"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM no_show_whitelist WHERE patient_id = :p AND removed_at IS NOT NULL").param("p", patient)
                .query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/no-show").session(login("demo-auditor"))).andExpect(status().isForbidden());
    }

    String penaltyStatus(long id) {
        return jdbc.sql("SELECT status FROM no_show_penalty WHERE id = :id").param("id", id).query(String.class).single();
    }
}
