package org.openhqd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Outside demo mode nobody can log in until the one-time setup token printed at start is used. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"hqd.demo=false", "hqd.data-dir=target/test-data-setup",
        "spring.datasource.url=jdbc:h2:mem:hqd-setup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class FirstStartTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.openhqd.platform.organization.FirstStart firstStart;

    @Test
    void theOneTimeTokenCreatesTheFirstAdministratorOnce(CapturedOutput output) throws Exception {
        firstStart.run(null); // a restart prints a fresh token; the old one no longer works
        Matcher m = Pattern.compile("setup token ([0-9a-f]{36})").matcher(output.getAll());
        String token = null;
        while (m.find()) {
            token = m.group(1);
        }
        assertThat(token).as("token printed at start").isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single()).isZero();
        mvc.perform(get("/setup")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("设置令牌")));

        mvc.perform(post("/setup").with(csrf()).param("token", "wrong").param("communityName", "测试医共体")
                        .param("hospitalName", "测试县医院").param("username", "root-admin").param("password", "Secret12345"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("令牌无效")));
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("communityName", "测试医共体")
                        .param("hospitalName", "测试县医院").param("username", "root-admin").param("password", "short"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("至少 10 位")));
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("communityName", "测试医共体")
                        .param("hospitalName", "测试县医院").param("username", "root-admin").param("password", "Secret12345"))
                .andExpect(redirectedUrl("/login"));

        mvc.perform(formLogin("/login").user("root-admin").password("Secret12345")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SETUP'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT password_hash FROM staff WHERE username = 'root-admin'").query(String.class).single())
                .startsWith("{bcrypt}");
    }
}
