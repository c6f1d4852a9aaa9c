package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.PersonalDataCipher;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.Clinics;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class DeskConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    String page(MockHttpSession s, String url) throws Exception {
        return mvc.perform(get(url).session(s)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String fullIdNumber(long patient) {
        return cipher.decrypt(jdbc.sql("SELECT id_number_enc FROM patient WHERE id = :p").param("p", patient).query(String.class).single());
    }

    @Test
    void deskFindsThePatientBooksThroughTheWindowChecksInAndCancels() throws Exception {
        Clinics c = new Clinics(jdbc);
        LocalDate day = LocalDate.now(Clinics.CHINA).plusDays(3);
        long dept = c.department("H001", "0301");
        List<Long> slots = c.session(c.institution("H001"), dept, null, day, LocalTime.of(18, 0), 2, Map.of("WINDOW", 2, "APP", 3));
        long session = c.sessionOf(slots.get(0));
        long patient = c.patient("H001", 20);
        long other = c.patient("H001", 21);
        String fullId = fullIdNumber(patient);
        MockHttpSession nurse = login("demo-nurse");
        String base = "/appointments/desk?date=" + day + "&department=" + dept + "&session=" + session;

        // the slot list shows free numbers per channel; the search is a POST that does not echo the ID number
        String board = page(nurse, base);
        assertThat(board).contains("desk-slots").contains("18:00–18:30").contains("窗口");
        mvc.perform(post("/appointments/desk/search").session(nurse).param("q", fullId)).andExpect(status().isForbidden());
        String found = mvc.perform(post("/appointments/desk/search").session(nurse).with(csrf()).param("q", fullId.toLowerCase())
                        .param("date", day.toString()).param("department", String.valueOf(dept)).param("session", String.valueOf(session)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains(c.name(patient)).contains(c.masked(patient)).doesNotContain(fullId)
                .contains("patient=" + patient);
        assertThat(mvc.perform(post("/appointments/desk/search").session(nurse).with(csrf()).param("q", c.name(patient)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(c.masked(patient));

        // book through the window: without a CSRF token refused, with it booked as number 1
        mvc.perform(post("/appointments/desk/book").session(nurse).param("slotId", slots.get(0).toString())
                .param("patientId", String.valueOf(patient)).param("requestId", "r1").param("date", day.toString()))
                .andExpect(status().isForbidden());
        String back = mvc.perform(post("/appointments/desk/book").session(nurse).with(csrf()).param("slotId", slots.get(0).toString())
                        .param("patientId", String.valueOf(patient)).param("requestId", "desk-test-1").param("date", day.toString())
                        .param("department", String.valueOf(dept)).param("session", String.valueOf(session)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).contains("patient=" + patient).contains("session=" + session);
        var flash = mvc.perform(get(back).session(nurse)).andReturn();
        assertThat(flash.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("预约成功：第 1 号，建议就诊时间 18:00");
        assertThat(c.booked(slots.get(0), "WINDOW")).isEqualTo(1);
        long booked = jdbc.sql("SELECT id FROM appointment WHERE patient_id = :p AND slot_id = :s AND channel = 'WINDOW' "
                + "AND booked_by = 'demo-nurse'").param("p", patient).param("s", slots.get(0)).query(Long.class).single();

        // the same patient again that day in that department: the Chinese message, no stack trace
        String again = mvc.perform(post("/appointments/desk/book").session(nurse).with(csrf()).param("slotId", slots.get(1).toString())
                        .param("patientId", String.valueOf(patient)).param("requestId", "desk-test-2").param("date", day.toString())
                        .param("department", String.valueOf(dept)).param("session", String.valueOf(session)))
                .andReturn().getResponse().getRedirectedUrl();
        String refused = page(nurse, again);
        assertThat(refused).contains("该患者当天在该科室已有预约").doesNotContain("Exception").doesNotContain("at org.");

        // a second patient, then the queue: check in the first, cancel the second
        mvc.perform(post("/appointments/desk/book").session(nurse).with(csrf()).param("slotId", slots.get(0).toString())
                .param("patientId", String.valueOf(other)).param("requestId", "desk-test-3").param("date", day.toString()));
        long second = jdbc.sql("SELECT id FROM appointment WHERE patient_id = :p AND slot_id = :s").param("p", other)
                .param("s", slots.get(0)).query(Long.class).single();
        assertThat(c.booked(slots.get(0), "WINDOW")).isEqualTo(2);
        String queue = page(nurse, base);
        assertThat(queue).contains("desk-queue").contains(c.masked(patient)).contains(c.masked(other)).contains("已预约")
                .doesNotContain(fullId);
        mvc.perform(post("/appointments/desk/check-in").session(nurse).with(csrf()).param("appointmentId", String.valueOf(booked))
                .param("date", day.toString()).param("department", String.valueOf(dept)).param("session", String.valueOf(session)))
                .andExpect(redirectedUrl(base));
        assertThat(c.status(booked)).isEqualTo("CHECKED_IN");
        mvc.perform(post("/appointments/desk/cancel").session(nurse).with(csrf()).param("appointmentId", String.valueOf(second))
                .param("date", day.toString()).param("department", String.valueOf(dept)).param("session", String.valueOf(session)))
                .andExpect(redirectedUrl(base));
        assertThat(c.status(second)).isEqualTo("CANCELLED");
        assertThat(c.booked(slots.get(0), "WINDOW")).isEqualTo(1);
        String after = page(nurse, base);
        // checked in first, with its status; the cancelled one after it
        assertThat(after.indexOf(c.masked(patient))).isLessThan(after.indexOf(c.masked(other)));
        assertThat(after).contains("已报到").contains("已取消");

        // every patient shown was an audited read by the nurse
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-nurse' AND action = 'READ' AND patient_id = :p")
                .param("p", patient).query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-nurse' AND action = 'READ' AND patient_id = :p "
                + "AND detail LIKE 'search by ID number'").param("p", patient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deskIsScopedAndClosedToRolesWithoutPatientCare() throws Exception {
        Clinics c = new Clinics(jdbc);
        long hospitalPatient = c.patient("H001", 22);
        MockHttpSession township = login("demo-nurse-a");
        String result = mvc.perform(post("/appointments/desk/search").session(township).with(csrf())
                        .param("q", fullIdNumber(hospitalPatient)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).contains("未找到患者").doesNotContain(c.masked(hospitalPatient));
        assertThat(page(township, "/appointments/desk")).doesNotContain("示范县人民医院");
        mvc.perform(get("/appointments/desk").session(login("demo-auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/appointments/desk").session(login("demo-insurance"))).andExpect(status().isForbidden());
        assertThat(page(login("demo-nurse"), "/")).contains("/appointments/desk").doesNotContain("/appointments/doctor");
    }
}
