package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.PersonalDataCipher;
import org.openhqd.platform.support.Clinics;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DemoPlatformTest
class MobileConsoleTest {

    /** A masked identity number as the console shows it: any of them on /m would be a leak. */
    static final Pattern MASKED = Pattern.compile("\\d{3}\\*{11}\\d{3}[\\dX]");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    record Person(long id, String name, String idNumber, String phoneLast4) {
    }

    Person person(long id) {
        var row = jdbc.sql("SELECT name, id_number_enc, phone FROM patient WHERE id = :p").param("p", id).query().singleRow();
        String phone = (String) row.get("phone");
        return new Person(id, (String) row.get("name"), cipher.decrypt((String) row.get("id_number_enc")),
                phone.substring(phone.length() - 4));
    }

    /** Each test its own client address: the verification limit counts per address too. */
    ResultActions perform(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        }));
    }

    String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    ResultActions verify(MockHttpSession s, String address, String name, String id, String last4, Long slot) throws Exception {
        MockHttpServletRequestBuilder r = post("/m/verify").session(s).with(csrf()).param("name", name).param("idNumber", id)
                .param("phoneLast4", last4);
        if (slot != null) {
            r.param("slot", slot.toString());
        }
        return perform(r, address);
    }

    List<Long> slots(String department, int days) {
        Clinics c = new Clinics(jdbc);
        return c.session(c.institution("H001"), c.department("H001", department), null, LocalDate.now(Clinics.CHINA).plusDays(days),
                LocalTime.of(19, 0), 2, Map.of("APP", 3, "WINDOW", 2));
    }

    @Test
    void publicPagesListFreeTimesWithoutLoginAndWithoutPatientData() throws Exception {
        Clinics c = new Clinics(jdbc);
        LocalDate day = LocalDate.now(Clinics.CHINA).plusDays(2);
        List<Long> slots = slots("0402", 2);
        c.appointment(slots.get(1), c.patient("H001", 30), "APP", "BOOKED", null); // a booked number: its patient must not show
        long hospital = c.institution("H001");
        long dept = c.department("H001", "0402");
        assertThat(body(perform(get("/m"), "10.1.0.1").andExpect(status().isOk()))).contains("示范县人民医院").contains("mobile.css");
        assertThat(body(perform(get("/m").param("institution", String.valueOf(hospital)), "10.1.0.1"))).contains("神经外科专业");
        String times = body(perform(get("/m").param("institution", String.valueOf(hospital)).param("department", String.valueOf(dept))
                .param("date", day.toString()), "10.1.0.1").andExpect(status().isOk()));
        assertThat(times).contains("19:00").contains("19:30").contains("余 3 个").contains("余 2 个")
                .contains("/m/book?slot=" + slots.get(0));
        assertThat(MASKED.matcher(times).find()).isFalse();
        assertThat(times).doesNotContain(c.name(c.patient("H001", 30)));
        String form = body(perform(get("/m/book").param("slot", slots.get(0).toString()), "10.1.0.1").andExpect(status().isOk()));
        assertThat(form).contains("实名验证").contains("name=\"_csrf\"").contains("19:00");
    }

    @Test
    void verificationFailsWithOneGenericMessageAndIsRateLimited() throws Exception {
        Clinics c = new Clinics(jdbc);
        Person p = person(c.patient("T001", 5));
        MockHttpSession s = new MockHttpSession();
        String address = "10.2.0.1";
        perform(post("/m/verify").session(s).param("name", p.name()).param("idNumber", p.idNumber()).param("phoneLast4", p.phoneLast4()),
                address).andExpect(status().isForbidden()); // no CSRF token
        String wrongPhone = body(verify(s, address, p.name(), p.idNumber(), p.phoneLast4().equals("0000") ? "1111" : "0000", null)
                .andExpect(status().isOk()));
        String wrongName = body(verify(s, address, p.name() + "某", p.idNumber(), p.phoneLast4(), null));
        String unknownId = body(verify(s, address, p.name(), "11010519491231002X", p.phoneLast4(), null));
        for (String page : List.of(wrongPhone, wrongName, unknownId)) {
            assertThat(page).contains("验证未通过，请核对后重试").doesNotContain(p.idNumber()).doesNotContain("身份证号错误");
        }
        verify(s, address, "x", "bad", "12", null);
        verify(s, address, "y", "bad", "12", null);
        // five failures: now even the right answer is refused, from this session and from this address
        String blocked = body(verify(s, address, p.name(), p.idNumber(), p.phoneLast4(), null).andExpect(status().isTooManyRequests()));
        assertThat(blocked).contains("验证失败次数过多");
        assertThat(body(perform(get("/m/mine").session(s), address))).contains("verify-form");
        verify(new MockHttpSession(), address, p.name(), p.idNumber(), p.phoneLast4(), null).andExpect(status().isTooManyRequests());
        verify(new MockHttpSession(), "10.2.0.2", p.name(), p.idNumber(), p.phoneLast4(), null).andExpect(redirectedUrl("/m/mine"));
    }

    @Test
    void verifiedPatientBooksThroughTheAppChannelSeesAndCancelsOnlyOwnAppointments() throws Exception {
        Clinics c = new Clinics(jdbc);
        List<Long> slots = slots("0404", 3);
        Person p = person(c.patient("T001", 7)); // registered at a township centre, booking at the county hospital
        long someoneElse = c.appointment(slots.get(1), c.patient("T001", 8), "APP", "BOOKED", null);
        MockHttpSession s = new MockHttpSession();
        String address = "10.3.0.1";
        verify(s, address, " " + p.name() + " ", p.idNumber().toLowerCase(), p.phoneLast4(), slots.get(0))
                .andExpect(redirectedUrl("/m/book?slot=" + slots.get(0)));
        assertThat(body(perform(get("/m/book").session(s).param("slot", slots.get(0).toString()), address))).contains("确认预约")
                .doesNotContain("verify-form");
        perform(post("/m/book").session(s).param("slot", slots.get(0).toString()).param("requestId", "m-test-1"), address)
                .andExpect(status().isForbidden());
        String booked = body(perform(post("/m/book").session(s).with(csrf()).param("slot", slots.get(0).toString())
                .param("requestId", "m-test-1"), address).andExpect(status().isOk()));
        LocalDate day = LocalDate.now(Clinics.CHINA).plusDays(3);
        assertThat(booked).contains("预约成功").contains("第 1 号").contains("建议就诊时间 " + day + " 19:00").contains("示范县人民医院");
        assertThat(MASKED.matcher(booked).find()).isFalse();
        // the same request again (a double tap): the same appointment, no second number
        assertThat(body(perform(post("/m/book").session(s).with(csrf()).param("slot", slots.get(0).toString())
                .param("requestId", "m-test-1"), address))).contains("第 1 号");
        long own = jdbc.sql("SELECT id FROM appointment WHERE patient_id = :p AND slot_id = :s AND channel = 'APP' "
                + "AND booked_by = 'patient-self-service'").param("p", p.id()).param("s", slots.get(0)).query(Long.class).single();
        assertThat(c.booked(slots.get(0), "APP")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'patient-self-service' AND action = 'CREATE' "
                        + "AND entity_id = :id AND actor_institution_id = :h")
                .param("id", String.valueOf(own)).param("h", c.institution("H001")).query(Long.class).single()).isEqualTo(1);

        String mine = body(perform(get("/m/mine").session(s), address).andExpect(status().isOk()));
        assertThat(mine).contains("示范县人民医院").contains("第 1 号").contains("取消预约").doesNotContain(p.idNumber())
                .doesNotContain(c.masked(p.id()));
        assertThat(MASKED.matcher(mine).find()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'patient-self-service' AND action = 'READ' AND patient_id = :p")
                .param("p", p.id()).query(Long.class).single()).isGreaterThanOrEqualTo(2); // verification and the list

        // someone else's appointment: not found, untouched
        perform(post("/m/cancel").session(s).with(csrf()).param("appointmentId", String.valueOf(someoneElse)), address)
                .andExpect(redirectedUrl("/m/mine"));
        assertThat(c.status(someoneElse)).isEqualTo("BOOKED");
        String cancelled = body(perform(post("/m/cancel").session(s).with(csrf()).param("appointmentId", String.valueOf(own)), address)
                .andExpect(redirectedUrl("/m/mine")));
        assertThat(c.status(own)).isEqualTo("CANCELLED");
        assertThat(c.booked(slots.get(0), "APP")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'patient-self-service' AND action = 'UPDATE' "
                + "AND entity_id = :id").param("id", String.valueOf(own)).query(Long.class).single()).isEqualTo(1);

        // ending the verification forgets the patient
        perform(post("/m/end").session(s).with(csrf()), address).andExpect(redirectedUrl("/m"));
        assertThat(body(perform(get("/m/mine").session(s), address))).contains("verify-form").doesNotContain("第 1 号");
        assertThat(cancelled).isEmpty(); // a redirect has no body
    }
}
