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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.Clinics;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class DoctorConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
    }

    String page(MockHttpSession s, String url) throws Exception {
        return mvc.perform(get(url).session(s)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Follows a POST's redirect and returns the page with its flash message. */
    String submit(MockHttpSession s, String url, String... params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).session(s).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String target = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return page(s, target);
    }

    @Test
    void doctorCallsInArrivalOrderSeesAndBooksTheFollowUpThroughTheClinicPool() throws Exception {
        Clinics c = new Clinics(jdbc);
        LocalDate today = LocalDate.now(Clinics.CHINA);
        long hospital = c.institution("H001");
        long dept = c.department("H001", "0305");   // a department without demo clinics
        long doctor = c.staff("demo-doctor");
        long slot = c.session(hospital, dept, doctor, today, LocalTime.of(23, 0), 1, Map.of("WINDOW", 6)).get(0);
        List<Long> clinicSlots = c.session(hospital, dept, null, today.plusDays(7), LocalTime.of(19, 0), 1, Map.of("CLINIC", 2));
        long a = c.patient("H001", 25);
        long b = c.patient("H001", 26);
        long booked = c.patient("H001", 27);
        OffsetDateTime now = OffsetDateTime.now();
        long first = c.appointment(slot, a, "WINDOW", "CHECKED_IN", now.minusMinutes(10));
        long earlier = c.appointment(slot, b, "WINDOW", "CHECKED_IN", now.minusMinutes(20));
        long waiting = c.appointment(slot, booked, "WINDOW", "BOOKED", null);
        MockHttpSession session = login("demo-doctor");

        // checked-in patients first, by arrival (b came earlier), then the booked one; no follow-up yet
        String queue = page(session, "/appointments/doctor");
        assertThat(queue).contains("doctor-queue").doesNotContain("id=\"follow-up\"");
        assertThat(queue.indexOf(c.masked(b))).isLessThan(queue.indexOf(c.masked(a)));
        assertThat(queue.indexOf(c.masked(a))).isLessThan(queue.indexOf(c.masked(booked)));
        mvc.perform(post("/appointments/doctor/call").session(session).param("appointmentId", String.valueOf(earlier)))
                .andExpect(status().isForbidden()); // no CSRF token

        String called = submit(session, "/appointments/doctor/call", "appointmentId", String.valueOf(earlier));
        assertThat(called).contains("已叫号").contains("id=\"follow-up\"").contains("诊间预约：" + c.name(b))
                .contains("follow-up-slots").contains(today.plusDays(7).toString().substring(5) + " 19:00");
        assertThat(c.status(earlier)).isEqualTo("CALLED");

        // a day whose slots have no CLINIC pool: the page says so, and booking one is refused
        c.session(hospital, dept, null, today.plusDays(6), LocalTime.of(19, 0), 1, Map.of("WINDOW", 2));
        String noPool = page(session, "/appointments/doctor?followUpDate=" + today.plusDays(6));
        assertThat(noPool).contains("no-clinic-pool").contains("未设诊间预约（CLINIC）号源");
        long demoSlot = jdbc.sql("SELECT MIN(s.id) FROM slot s JOIN clinic_session cs ON cs.id = s.session_id "
                + "WHERE cs.department_id = :d AND cs.session_date = :date").param("d", dept).param("date", today.plusDays(6))
                .query(Long.class).single();
        String refused = submit(session, "/appointments/doctor/follow-up", "appointmentId", String.valueOf(earlier),
                "slotId", String.valueOf(demoSlot), "requestId", "f-0", "followUpDate", today.plusDays(6).toString());
        assertThat(refused).contains("该时段未设诊间预约号源");

        String followUp = submit(session, "/appointments/doctor/follow-up", "appointmentId", String.valueOf(earlier),
                "slotId", String.valueOf(clinicSlots.get(0)), "requestId", "f-1", "followUpDate", today.plusDays(7).toString());
        assertThat(followUp).contains("诊间预约成功：第 1 号，建议就诊时间 19:00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE patient_id = :p AND slot_id = :s AND channel = 'CLINIC' "
                + "AND booked_by = 'demo-doctor'").param("p", b).param("s", clinicSlots.get(0)).query(Long.class).single()).isEqualTo(1);
        assertThat(c.booked(clinicSlots.get(0), "CLINIC")).isEqualTo(1);

        submit(session, "/appointments/doctor/seen", "appointmentId", String.valueOf(earlier));
        assertThat(c.status(earlier)).isEqualTo("SEEN");
        // out of order: seen before called is refused with the Chinese message
        assertThat(submit(session, "/appointments/doctor/seen", "appointmentId", String.valueOf(first)))
                .contains("预约状态不是 CALLED");
        assertThat(c.status(waiting)).isEqualTo("BOOKED");

        // another doctor of the same hospital cannot call this doctor's queue; a nurse has no doctor page
        assertThat(submit(login("demo-dept-head"), "/appointments/doctor/call", "appointmentId", String.valueOf(first)))
                .contains("预约不存在或无权访问");
        assertThat(c.status(first)).isEqualTo("CHECKED_IN");
        mvc.perform(get("/appointments/doctor").session(login("demo-nurse"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo-doctor' AND action = 'READ' AND patient_id = :p")
                .param("p", a).query(Long.class).single()).isGreaterThan(0);
    }
}
