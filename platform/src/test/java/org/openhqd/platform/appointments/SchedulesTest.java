package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Templates, generation and the exceptions to them, eligibility, limits, rescheduling, waitlist, return-to-public. */
@DemoPlatformTest
class SchedulesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PoolReturn poolReturn;

    long hospital() {
        return jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
    }

    long department(String code) {
        return jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = :c").param("h", hospital()).param("c", code)
                .query(Long.class).single();
    }

    long staff(String username) {
        return jdbc.sql("SELECT id FROM staff WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** County hospital patients nobody else in the tests uses (the demo books only member institutions' patients). */
    long patient(int k) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' "
                + "ORDER BY p.id LIMIT 1 OFFSET " + (300 + k)).query(Long.class).single();
    }

    long adult(int k) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' "
                + "AND p.birth_date < DATE '1990-01-01' ORDER BY p.id LIMIT 1 OFFSET " + (300 + k)).query(Long.class).single();
    }

    String token(String user) throws Exception {
        return Api.bearer(Api.token(mvc, user));
    }

    long extra(String token, String dept, LocalDate date, String block, String start, String end, int minutes, int numbers, String pools,
               String eligibility, Long doctor) throws Exception {
        String body = "{\"institutionId\":" + hospital() + ",\"departmentId\":" + department(dept) + ",\"doctorId\":" + doctor
                + ",\"date\":\"" + date + "\",\"block\":\"" + block + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"clinicType\":\"GENERAL\",\"slotMinutes\":" + minutes + ",\"numbersPerSlot\":" + numbers
                + (eligibility == null ? "" : ",\"eligibility\":" + eligibility) + ",\"pools\":" + pools + "}";
        String json = mvc.perform(post("/api/v1/sessions").header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    List<Long> slots(long session) {
        return jdbc.sql("SELECT id FROM slot WHERE session_id = :s ORDER BY starts_at").param("s", session).query(Long.class).list();
    }

    ResultActions book(String token, long slot, long patient, String channel, String referral) throws Exception {
        return mvc.perform(post("/api/v1/appointments").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"" + channel + "\""
                        + (referral == null ? "" : ",\"referralId\":\"" + referral + "\"") + "}"));
    }

    long id(ResultActions r) throws Exception {
        return ((Number) JsonPath.read(r.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    LocalDate today() {
        return LocalDate.now(CHINA);
    }

    String templateBody(String dept, Long doctor, DayOfWeek day, String block, String start, String end, int minutes, int numbers,
                        String pools) {
        return "{\"institutionId\":" + hospital() + ",\"departmentId\":" + department(dept) + ",\"doctorId\":" + doctor
                + ",\"resourceName\":\"测试门诊\",\"weekday\":\"" + day + "\",\"block\":\"" + block + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\",\"clinicType\":\"GENERAL\",\"slotMinutes\":" + minutes + ",\"numbersPerSlot\":" + numbers
                + ",\"releaseDays\":7,\"releaseTime\":\"07:00\",\"validFrom\":\"" + today() + "\",\"pools\":" + pools + "}";
    }

    @Test
    void templatesAreValidatedAndScoped() throws Exception {
        String admin = token("demo-inst-admin");
        String pools = "[{\"channel\":\"APP\",\"numbers\":3},{\"channel\":\"WINDOW\",\"numbers\":2}]";
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", null, DayOfWeek.MONDAY, "EVENING", "18:00", "20:00", 30, 6, pools)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pools"));
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", null, DayOfWeek.MONDAY, "EVENING", "18:00", "20:00", 45, 5, pools)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slotMinutes"));
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", null, DayOfWeek.MONDAY, "EVENING", "20:00", "18:00", 30, 5, pools)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("end"));
        // a township's administrator cannot plan the county hospital's clinics
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", token("demo-admin-a")).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", null, DayOfWeek.MONDAY, "EVENING", "18:00", "20:00", 30, 5, pools)))
                .andExpect(status().isNotFound());
        // doctors do not plan schedules
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", token("demo-doctor")).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", null, DayOfWeek.MONDAY, "EVENING", "18:00", "20:00", 30, 5, pools)))
                .andExpect(status().isForbidden());
    }

    @Test
    void generationMakesSessionsSlotsAndPoolsOnceAndReportsClashes() throws Exception {
        String admin = token("demo-inst-admin");
        LocalDate date = today().plusDays(5);
        long doctor = staff("demo-dept-head");
        String pools = "[{\"channel\":\"APP\",\"numbers\":3},{\"channel\":\"WINDOW\",\"numbers\":1},"
                + "{\"channel\":\"REFERRAL\",\"numbers\":1,\"releaseDaysEarlier\":1,\"returnDays\":1,\"returnTime\":\"17:00\"}]";
        String created = mvc.perform(post("/api/v1/schedule-templates").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0305", doctor, date.getDayOfWeek(), "EVENING", "18:00", "20:00", 20, 5, pools)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.pools.length()").value(3))
                .andReturn().getResponse().getContentAsString();
        long template = ((Number) JsonPath.read(created, "$.id")).longValue();
        // the same doctor in a second template of the same block: it clashes
        mvc.perform(post("/api/v1/schedule-templates").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content(templateBody("0306", doctor, date.getDayOfWeek(), "EVENING", "18:30", "20:00", 30, 5,
                                "[{\"channel\":\"APP\",\"numbers\":5}]")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/schedules/generate").header("Authorization", admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.clashes.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(post("/api/v1/schedules/generate").header("Authorization", admin)).andExpect(jsonPath("$.created").value(0));
        long session = jdbc.sql("SELECT id FROM clinic_session WHERE template_id = :t AND session_date = :d").param("t", template)
                .param("d", date).query(Long.class).single();
        assertThat(slots(session)).hasSize(6);   // 18:00–20:00 in 20-minute slots
        Instant publicRelease = date.minusDays(7).atTime(7, 0).atZone(CHINA).toInstant();
        assertThat(jdbc.sql("SELECT release_at FROM slot_pool p JOIN slot s ON s.id = p.slot_id WHERE s.session_id = :s AND p.channel = 'APP' "
                + "LIMIT 1").param("s", session).query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(publicRelease);
        assertThat(jdbc.sql("SELECT release_at FROM slot_pool p JOIN slot s ON s.id = p.slot_id WHERE s.session_id = :s "
                + "AND p.channel = 'REFERRAL' LIMIT 1").param("s", session).query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(publicRelease.minus(java.time.Duration.ofDays(1)));
        assertThat(jdbc.sql("SELECT return_at FROM slot_pool p JOIN slot s ON s.id = p.slot_id WHERE s.session_id = :s "
                + "AND p.channel = 'REFERRAL' LIMIT 1").param("s", session).query(java.sql.Timestamp.class).single().toInstant())
                .isEqualTo(date.minusDays(1).atTime(17, 0).atZone(CHINA).toInstant());
    }

    @Test
    void aHolidayStopsTheDaysSessionsAndNoneAreGeneratedForIt() throws Exception {
        String admin = token("demo-inst-admin");
        LocalDate date = today().plusDays(6);
        long before = jdbc.sql("SELECT COUNT(*) FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                + "WHERE i.code = 'H001' AND cs.session_date = :d AND cs.status = 'OPEN'").param("d", date).query(Long.class).single();
        assertThat(before).isPositive();
        mvc.perform(post("/api/v1/holidays").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"institutionId\":" + hospital() + ",\"date\":\"" + date + "\",\"name\":\"测试假日\"}")).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                + "WHERE i.code = 'H001' AND cs.session_date = :d AND cs.status = 'OPEN'").param("d", date).query(Long.class).single()).isZero();
        long sessions = jdbc.sql("SELECT COUNT(*) FROM clinic_session WHERE session_date = :d").param("d", date).query(Long.class).single();
        mvc.perform(post("/api/v1/schedules/generate").header("Authorization", admin)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinic_session WHERE session_date = :d").param("d", date).query(Long.class).single())
                .isEqualTo(sessions);
        // a community-wide holiday needs a community administrator
        mvc.perform(post("/api/v1/holidays").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"" + date + "\",\"name\":\"x\"}")).andExpect(status().isForbidden());
    }

    @Test
    void substitutionKeepsTheNumbersAndTellsThePatients() throws Exception {
        String admin = token("demo-inst-admin");
        long session = extra(admin, "0305", today().plusDays(2), "EVENING", "18:00", "19:00", 30, 2,
                "[{\"channel\":\"APP\",\"numbers\":2}]", null, null);
        long appointment = id(book(token("demo-doctor"), slots(session).get(0), patient(1), "APP", null).andExpect(status().isCreated()));
        long substitute = staff("demo-dept-head");
        mvc.perform(post("/api/v1/sessions/" + session + "/substitute").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"doctorId\":" + substitute + ",\"reason\":\"原医生参加培训\"}")).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT doctor_id FROM clinic_session WHERE id = :s").param("s", session).query(Long.class).single())
                .isEqualTo(substitute);
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE id = :a").param("a", appointment).query(String.class).single())
                .isEqualTo("BOOKED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_notice WHERE appointment_id = :a AND kind = 'SUBSTITUTION'")
                .param("a", appointment).query(Long.class).single()).isEqualTo(1);
        // the SMS integration collects it and marks it sent; a township's integration never sees it
        String notices = mvc.perform(get("/api/v1/notices?limit=500").header("Authorization", admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(notices, "$[?(@.appointmentId == " + appointment + ")].id");
        assertThat(ids).hasSize(1);
        mvc.perform(get("/api/v1/notices?limit=500").header("Authorization", token("demo-admin-a")))
                .andExpect(jsonPath("$[?(@.appointmentId == " + appointment + ")]").isEmpty());
        mvc.perform(post("/api/v1/notices/" + ids.get(0) + "/sent").header("Authorization", token("demo-admin-a")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notices/" + ids.get(0) + "/sent").header("Authorization", admin)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/notices/" + ids.get(0) + "/sent").header("Authorization", admin)).andExpect(status().isNotFound());
    }

    @Test
    void addOnNumbersAreApprovedByTheSessionsDoctorAndGoBeyondCapacity() throws Exception {
        String admin = token("demo-inst-admin");
        long session = extra(admin, "0306", today().plusDays(3), "EVENING", "18:00", "18:30", 30, 1,
                "[{\"channel\":\"APP\",\"numbers\":1}]", null, staff("demo-doctor"));
        long slot = slots(session).get(0);
        book(token("demo-nurse"), slot, patient(2), "APP", null).andExpect(status().isCreated());
        book(token("demo-nurse"), slot, patient(3), "APP", null).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/slots/" + slot + "/add-on").header("Authorization", token("demo-nurse"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"patientId\":" + patient(3) + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/slots/" + slot + "/add-on").header("Authorization", token("demo-doctor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"patientId\":" + patient(3) + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("ADD_ON")).andExpect(jsonPath("$.sequenceNumber").value(2));
        assertThat(jdbc.sql("SELECT capacity || '/' || booked FROM slot_pool WHERE slot_id = :s AND channel = 'ADD_ON'").param("s", slot)
                .query(String.class).single()).isEqualTo("1/1");
        // the public API cannot book the ADD_ON channel by itself
        book(token("demo-doctor"), slot, patient(4), "ADD_ON", null).andExpect(status().isBadRequest());
    }

    @Test
    void eligibilityByAgeSexAndReferral() throws Exception {
        String admin = token("demo-inst-admin");
        String doctor = token("demo-doctor");
        long children = extra(admin, "07", today().plusDays(2), "EVENING", "18:00", "19:00", 30, 2,
                "[{\"channel\":\"APP\",\"numbers\":1},{\"channel\":\"REFERRAL\",\"numbers\":1}]", "{\"maxAge\":14}", null);
        book(doctor, slots(children).get(0), adult(5), "APP", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("patientId"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("14")));
        long women = extra(admin, "05", today().plusDays(2), "EVENING", "18:00", "19:00", 30, 2,
                "[{\"channel\":\"APP\",\"numbers\":1},{\"channel\":\"REFERRAL\",\"numbers\":1}]", "{\"sex\":\"2\"}", null);
        long man = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' AND p.sex = '1' "
                + "ORDER BY p.id LIMIT 1 OFFSET 350").query(Long.class).single();
        long woman = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' AND p.sex = '2' "
                + "ORDER BY p.id LIMIT 1 OFFSET 350").query(Long.class).single();
        book(doctor, slots(women).get(0), man, "APP", null).andExpect(status().isConflict());
        // the referral pool needs the referral it is booked for
        book(doctor, slots(women).get(0), woman, "REFERRAL", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("referralId"));
        book(doctor, slots(women).get(0), woman, "REFERRAL", "REF-2026-0001").andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT referral_ref FROM appointment WHERE patient_id = :p AND channel = 'REFERRAL'").param("p", woman)
                .query(String.class).single()).isEqualTo("REF-2026-0001");
    }

    @Test
    void aPatientHasAtMostFiveOpenAppointments() throws Exception {
        String admin = token("demo-inst-admin");
        String doctor = token("demo-doctor");
        long patient = patient(10);
        String[] departments = {"0301", "0302", "0303", "0304", "0401", "0403"};
        for (int i = 0; i < departments.length; i++) {
            long session = extra(admin, departments[i], today().plusDays(4), "EVENING", "18:00", "18:30", 30, 1,
                    "[{\"channel\":\"APP\",\"numbers\":1}]", null, null);
            var result = book(doctor, slots(session).get(0), patient, "APP", null);
            if (i < 5) {
                result.andExpect(status().isCreated());
            } else {
                result.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("5")));
            }
        }
    }

    @Test
    void reschedulingTakesTheNewNumberFirstAndFreesTheOld() throws Exception {
        String admin = token("demo-inst-admin");
        String doctor = token("demo-doctor");
        long session = extra(admin, "0307", today().plusDays(2), "EVENING", "18:00", "19:30", 30, 1,
                "[{\"channel\":\"APP\",\"numbers\":1}]", null, null);
        List<Long> slots = slots(session);
        long a = id(book(doctor, slots.get(0), patient(20), "APP", null).andExpect(status().isCreated()));
        book(doctor, slots.get(1), patient(21), "APP", null).andExpect(status().isCreated());
        // into a full slot: refused, the old appointment stays
        mvc.perform(post("/api/v1/appointments/" + a + "/reschedule").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"slotId\":" + slots.get(1) + "}")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT status FROM appointment WHERE id = :a").param("a", a).query(String.class).single()).isEqualTo("BOOKED");
        // into a free slot of the same day and department: the limit does not count the old one
        String moved = mvc.perform(post("/api/v1/appointments/" + a + "/reschedule").header("Authorization", doctor)
                        .header("Idempotency-Key", "move-1").contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slots.get(2) + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long b = ((Number) JsonPath.read(moved, "$.id")).longValue();
        mvc.perform(post("/api/v1/appointments/" + a + "/reschedule").header("Authorization", doctor)
                        .header("Idempotency-Key", "move-1").contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slots.get(2) + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(b));
        assertThat(jdbc.sql("SELECT status || ' ' || rescheduled_to FROM appointment WHERE id = :a").param("a", a).query(String.class).single())
                .isEqualTo("RESCHEDULED " + b);
        assertThat(jdbc.sql("SELECT booked FROM slot_pool WHERE slot_id = :s AND channel = 'APP'").param("s", slots.get(0))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theWaitlistIsPromotedWhenANumberFreesUp() throws Exception {
        String admin = token("demo-inst-admin");
        String doctor = token("demo-doctor");
        long session = extra(admin, "0401", today().plusDays(3), "EVENING", "19:00", "19:30", 30, 1,
                "[{\"channel\":\"APP\",\"numbers\":1}]", null, null);
        long slot = slots(session).get(0);
        // numbers are free: book instead of waiting
        mvc.perform(post("/api/v1/waitlist").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + session + ",\"patientId\":" + patient(30) + ",\"channel\":\"APP\"}")).andExpect(status().isConflict());
        long first = id(book(doctor, slot, patient(30), "APP", null).andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/waitlist").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":" + session + ",\"patientId\":" + patient(31) + ",\"channel\":\"APP\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITING"));
        String third = mvc.perform(post("/api/v1/waitlist").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":" + session + ",\"patientId\":" + patient(32) + ",\"channel\":\"APP\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/waitlist").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + session + ",\"patientId\":" + patient(31) + ",\"channel\":\"APP\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/appointments/" + first + "/cancel").header("Authorization", doctor)).andExpect(status().isNoContent());
        // the first waiting patient got the number, was told, and the second still waits
        long promoted = jdbc.sql("SELECT a.id FROM appointment a WHERE a.slot_id = :s AND a.patient_id = :p AND a.status = 'BOOKED'")
                .param("s", slot).param("p", patient(31)).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_notice WHERE appointment_id = :a AND kind = 'WAITLIST_PROMOTED'")
                .param("a", promoted).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/sessions/" + session + "/waitlist").header("Authorization", doctor)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PROMOTED")).andExpect(jsonPath("$[0].appointmentId").value(promoted))
                .andExpect(jsonPath("$[1].status").value("WAITING"));
        mvc.perform(delete("/api/v1/waitlist/" + JsonPath.read(third, "$.id")).header("Authorization", doctor)).andExpect(status().isNoContent());
        // a township doctor does not see the county hospital's patients on the list
        mvc.perform(get("/api/v1/sessions/" + session + "/waitlist").header("Authorization", token("demo-doctor-a")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void reservedNumbersReturnToThePublicPoolAtTheirTime() throws Exception {
        String admin = token("demo-inst-admin");
        String doctor = token("demo-doctor");
        LocalDate date = today().plusDays(3);
        long session = extra(admin, "0402", date, "EVENING", "18:00", "18:30", 30, 3,
                "[{\"channel\":\"APP\",\"numbers\":1},{\"channel\":\"REFERRAL\",\"numbers\":2,\"returnDays\":1,\"returnTime\":\"17:00\"}]",
                null, null);
        long slot = slots(session).get(0);
        book(doctor, slot, patient(40), "APP", null).andExpect(status().isCreated());
        book(doctor, slot, patient(41), "REFERRAL", "REF-X").andExpect(status().isCreated());
        mvc.perform(post("/api/v1/waitlist").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\":" + session + ",\"patientId\":" + patient(42) + ",\"channel\":\"APP\"}")).andExpect(status().isCreated());
        Instant returnAt = LocalDateTime.of(date.minusDays(1), java.time.LocalTime.of(17, 0)).atZone(CHINA).toInstant();
        poolReturn.returnDue(returnAt.minusSeconds(1));
        assertThat(jdbc.sql("SELECT capacity FROM slot_pool WHERE slot_id = :s AND channel = 'REFERRAL'").param("s", slot)
                .query(Integer.class).single()).isEqualTo(2);
        poolReturn.returnDue(returnAt);
        assertThat(jdbc.sql("SELECT capacity || '/' || booked || '/' || returned FROM slot_pool WHERE slot_id = :s AND channel = 'REFERRAL'")
                .param("s", slot).query(String.class).single()).isEqualTo("1/1/1");
        // the returned number went to the app pool and straight to the waiting patient
        assertThat(jdbc.sql("SELECT capacity || '/' || booked FROM slot_pool WHERE slot_id = :s AND channel = 'APP'").param("s", slot)
                .query(String.class).single()).isEqualTo("2/2");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE slot_id = :s AND patient_id = :p AND status = 'BOOKED'")
                .param("s", slot).param("p", patient(42)).query(Long.class).single()).isEqualTo(1);
        assertThat(poolReturn.returnDue(returnAt.plusSeconds(60))).isZero();   // once only
    }
}
