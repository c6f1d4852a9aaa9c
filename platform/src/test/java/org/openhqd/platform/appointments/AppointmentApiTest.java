package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class AppointmentApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appointments appointments;

    @Test
    void demoHasBookableSlotsInTheComingWeekAndBookingIsIdempotent() throws Exception {
        String token = Api.token(mvc, "demo-doctor");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        String slots = mvc.perform(get("/api/v1/slots").param("date", tomorrow.toString()).header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").isNumber()).andExpect(jsonPath("$[0].start").exists())
                .andExpect(jsonPath("$[0].capacity").value(6))
                .andReturn().getResponse().getContentAsString();
        List<Integer> ids = JsonPath.read(slots, "$[*].id");
        assertThat(ids).hasSizeGreaterThan(100);
        // the demo has booked some numbers already: take a slot of internal medicine (no age or sex limit) still untouched
        List<Integer> untouched = JsonPath.read(slots, "$[?(@.available == 3 && @.departmentName == '呼吸内科专业')].id");
        assertThat(untouched).isNotEmpty();
        long slot = untouched.stream().mapToLong(Integer::longValue)
                .filter(s -> jdbc.sql("SELECT next_number FROM slot WHERE id = :s").param("s", s).query(Integer.class).single() == 1)
                .findFirst().orElseThrow();
        List<Long> patients = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = 'H001' "
                + "ORDER BY p.id DESC LIMIT 5").query(Long.class).list();
        long patient = patients.get(0);
        String body = "{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"APP\"}";
        int nextNumber = jdbc.sql("SELECT next_number FROM slot WHERE id = :s").param("s", slot).query(Integer.class).single();
        String first = mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token))
                        .header("Idempotency-Key", "k-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sequenceNumber").value(nextNumber))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token))
                        .header("Idempotency-Key", "k-1").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value((Integer) JsonPath.read(first, "$.id")));
        mvc.perform(get("/api/v1/slots").param("date", tomorrow.toString()).header("Authorization", Api.bearer(token)))
                .andExpect(jsonPath("$[?(@.id == " + slot + ")].available").value(2));
        // the same patient again, same day and department, through another channel: refused
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).header("Idempotency-Key", "k-dup")
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("APP", "WINDOW")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("patientId"));
        // the other two APP numbers, then the pool is full: 409 problem
        for (int i = 1; i <= 2; i++) {
            mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).header("Idempotency-Key", "k-" + (i + 1))
                    .contentType(MediaType.APPLICATION_JSON).content(body.replace(":" + patient + ",", ":" + patients.get(i) + ",")))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).header("Idempotency-Key", "k-4")
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(":" + patient + ",", ":" + patients.get(3) + ",")))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")));
        // the window pool still has its own numbers
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).header("Idempotency-Key", "k-5")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("APP", "WINDOW").replace(":" + patient + ",", ":" + patients.get(4) + ",")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.sequenceNumber").value(nextNumber + 3));
        // cancelling returns the number to its pool
        long id = ((Number) JsonPath.read(first, "$.id")).longValue();
        mvc.perform(post("/api/v1/appointments/" + id + "/cancel").header("Authorization", Api.bearer(token))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/slots").param("date", tomorrow.toString()).header("Authorization", Api.bearer(token)))
                .andExpect(jsonPath("$[?(@.id == " + slot + ")].available").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'appointment' AND action = 'CREATE' "
                        + "AND detail LIKE :d").param("d", "slot " + slot + " %")
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'appointment' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPatientOutsideTheScopeCannotBeBooked() throws Exception {
        String token = Api.token(mvc, "demo-doctor-a");
        long slot = jdbc.sql("SELECT MAX(slot_id) FROM slot_pool WHERE channel = 'REFERRAL' AND release_at <= CURRENT_TIMESTAMP "
                + "AND booked < capacity").query(Long.class).single();
        long hospitalPatient = jdbc.sql("SELECT MIN(p.id) FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = 'H001'")
                .query(Long.class).single();
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slotId\":" + slot + ",\"patientId\":" + hospitalPatient + ",\"channel\":\"REFERRAL\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void noNumberIsGivenTwiceAndNoPoolIsExceededUnderARace() throws Exception {
        BookingRace.run(appointments, jdbc, 8, 60);
    }
}
