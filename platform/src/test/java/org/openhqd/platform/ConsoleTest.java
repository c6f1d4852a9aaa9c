package org.openhqd.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class ConsoleTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    @Test
    void anonymousVisitorsAreSentToTheChineseLoginPage() throws Exception {
        mvc.perform(get("/patients")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("登录")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void wrongPasswordStaysOnLogin() throws Exception {
        mvc.perform(formLogin("/login").user("demo-doctor").password("nope")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void directorHomeShowsTilesAndChartData() throws Exception {
        MockHttpSession s = login("demo-admin");
        mvc.perform(get("/").session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("院长驾驶舱")))
                .andExpect(content().string(containsString("医共体管理员")))
                .andExpect(content().string(containsString("data-labels")))
                .andExpect(content().string(containsString("echarts.min.js")))
                .andExpect(content().string(containsString("href=\"/appointments/indicators\"")));
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void pagesListScopedDataInChineseWithMaskedIdentities() throws Exception {
        MockHttpSession s = login("demo-doctor-a");
        mvc.perform(get("/institutions").session(s)).andExpect(content().string(containsString("乡镇卫生院")));
        mvc.perform(get("/patients").session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号（脱敏）")))
                .andExpect(content().string(containsString("990***********")));
        mvc.perform(get("/audit").session(s)).andExpect(status().isForbidden());
    }

    @Test
    void departmentIsCreatedOnlyWithCsrfAndByAnAdministrator() throws Exception {
        MockHttpSession admin = login("demo-admin-a");
        mvc.perform(post("/departments").session(admin).param("institutionId", "4").param("code", "0701").param("name", "小儿内科"))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/departments").session(admin).with(csrf()).param("institutionId", "4").param("code", "0701")
                        .param("name", "小儿内科"))
                .andExpect(redirectedUrl("/departments"));
        mvc.perform(get("/departments").session(admin)).andExpect(content().string(containsString("小儿内科")));
        MockHttpSession doctor = login("demo-doctor-a");
        mvc.perform(post("/departments").session(doctor).with(csrf()).param("institutionId", "4").param("code", "0702")
                .param("name", "不应创建")).andExpect(status().isForbidden());
        mvc.perform(get("/departments").session(doctor)).andExpect(content().string(not(containsString("不应创建"))));
    }

    @Test
    void auditorSearchesTheAuditTrail() throws Exception {
        login("demo-doctor");
        MockHttpSession auditor = login("demo-auditor");
        mvc.perform(get("/audit").session(auditor).param("action", "LOGIN_SUCCESS").param("actor", "demo-doctor"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录成功")))
                .andExpect(content().string(containsString("demo-doctor")));
        mvc.perform(get("/patients").session(auditor)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").session(auditor).param("action", "LOGIN_SUCCESS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id,time,actor,action")))
                .andExpect(content().string(containsString("LOGIN_SUCCESS")));
        mvc.perform(get("/audit").session(auditor).param("action", "EXPORT")).andExpect(content().string(containsString("导出")));
    }
}
