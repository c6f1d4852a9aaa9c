package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** MDT teams book all-or-nothing; patients need a referral; the visit record holds opinion and follow-up. */
@DemoPlatformTest
class MdtTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MdtClinics clinics;

    long hospital() {
        return jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
    }

    long department(String code) {
        return jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = :c").param("h", hospital()).param("c", code)
                .query(Long.class).single();
    }

    /** Doctors of the county hospital's department, not used by other tests' MDT teams. */
    List<Long> doctors(String code) {
        return jdbc.sql("SELECT id FROM staff WHERE department_id = :d AND role = 'DOCTOR' ORDER BY id").param("d", department(code))
                .query(Long.class).list();
    }

    long staff(String username) {
        return jdbc.sql("SELECT id FROM staff WHERE username = :u").param("u", username).query(Long.class).single();
    }

    long team(String token, String name, long chief, long... others) throws Exception {
        StringBuilder members = new StringBuilder("[{\"staffId\":" + chief + ",\"role\":\"呼吸内科\"}");
        for (long o : others) {
            members.append(",{\"staffId\":").append(o).append(",\"role\":\"胸外科\"}");
        }
        members.append("]");
        String json = mvc.perform(post("/api/v1/mdt/teams").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"institutionId\":" + hospital() + ",\"departmentId\":" + department("0301") + ",\"name\":\"" + name
                                + "\",\"focus\":\"肺结节\",\"chiefId\":" + chief + ",\"members\":" + members + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    String sessionBody(LocalDate date) {
        return "{\"date\":\"" + date + "\",\"block\":\"EVENING\",\"start\":\"18:00\",\"end\":\"19:00\",\"slotMinutes\":60,"
                + "\"room\":\"MDT 诊室\",\"pools\":[{\"channel\":\"CLINIC\",\"numbers\":1},{\"channel\":\"REFERRAL\",\"numbers\":1}]}";
    }

    @Test
    void aTeamBooksAllMembersOrNothing() throws Exception {
        String head = Api.bearer(Api.token(mvc, "demo-dept-head"));
        List<Long> a = doctors("0302");
        List<Long> b = doctors("0303");
        long first = team(head, "消化 MDT", a.get(0), a.get(1), b.get(0));
        long second = team(head, "肝胆 MDT", b.get(1), b.get(0));   // shares b0 with the first team
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(4);
        String session = mvc.perform(post("/api/v1/mdt/teams/" + first + "/sessions").header("Authorization", head)
                        .contentType(MediaType.APPLICATION_JSON).content(sessionBody(date)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long sessionId = ((Number) JsonPath.read(session, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_participant WHERE session_id = :s").param("s", sessionId).query(Long.class).single())
                .isEqualTo(3);
        // the second team needs b0, who is in the first team's session: refused, and b1 is not left booked
        mvc.perform(post("/api/v1/mdt/teams/" + second + "/sessions").header("Authorization", head)
                        .contentType(MediaType.APPLICATION_JSON).content(sessionBody(date)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("participants"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_participant WHERE staff_id = :s AND session_date = :d AND block = 'EVENING'")
                .param("s", b.get(1)).param("d", date).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinic_session WHERE mdt_team_id = :t").param("t", second).query(Long.class).single()).isZero();
    }

    @Autowired
    MdtTeams teams;

    @Test
    void concurrentTeamsSharingAMemberGetOneSessionBetweenThem() throws Exception {
        MdtRace.run(teams, clinics, jdbc, "0401", "0403", 5, 4);
    }

    @Test
    void patientsNeedAReferralAndTheVisitRecordHoldsOpinionAndFollowUp() throws Exception {
        String head = Api.bearer(Api.token(mvc, "demo-dept-head"));
        long chief = staff("demo-doctor");
        List<Long> others = doctors("0304");
        long team = team(head, "胸部肿瘤 MDT", chief, others.get(0), others.get(1));
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(6);
        String session = mvc.perform(post("/api/v1/mdt/teams/" + team + "/sessions").header("Authorization", head)
                        .contentType(MediaType.APPLICATION_JSON).content(sessionBody(date)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long sessionId = ((Number) JsonPath.read(session, "$.id")).longValue();
        long slot = jdbc.sql("SELECT id FROM slot WHERE session_id = :s").param("s", sessionId).query(Long.class).single();
        long patient = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' "
                + "ORDER BY p.id LIMIT 1 OFFSET 500").query(Long.class).single();
        String doctor = Api.bearer(Api.token(mvc, "demo-doctor"));
        mvc.perform(post("/api/v1/appointments").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"CLINIC\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("referralId"));
        String booked = mvc.perform(post("/api/v1/appointments").header("Authorization", doctor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slotId\":" + slot + ",\"patientId\":" + patient + ",\"channel\":\"CLINIC\",\"referralId\":\"R-1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long appointment = ((Number) JsonPath.read(booked, "$.id")).longValue();
        String opinion = "{\"attendeeIds\":[" + chief + "," + others.get(0) + "],\"opinion\":\"建议胸腔镜下肺叶切除，术后辅助化疗\"}";
        // before the patient came: no opinion
        mvc.perform(put("/api/v1/mdt/visits/" + appointment + "/opinion").header("Authorization", doctor)
                .contentType(MediaType.APPLICATION_JSON).content(opinion)).andExpect(status().isConflict());
        jdbc.sql("UPDATE appointment SET status = 'SEEN' WHERE id = :a").param("a", appointment).update();
        // only the chief (or coordinator) records the joint opinion
        mvc.perform(put("/api/v1/mdt/visits/" + appointment + "/opinion").header("Authorization", head)
                .contentType(MediaType.APPLICATION_JSON).content(opinion)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/mdt/visits/" + appointment + "/opinion").header("Authorization", doctor)
                        .contentType(MediaType.APPLICATION_JSON).content(opinion))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opinion").value("建议胸腔镜下肺叶切除，术后辅助化疗"))
                .andExpect(jsonPath("$.attendees").value(org.hamcrest.Matchers.containsString("胸外科")));
        mvc.perform(put("/api/v1/mdt/visits/" + appointment + "/follow-up").header("Authorization", doctor)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"followUp\":\"术后 1 月复查，恢复良好\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.followUp").value("术后 1 月复查，恢复良好"));
        mvc.perform(get("/api/v1/mdt/visits/" + appointment).header("Authorization", Api.bearer(Api.token(mvc, "demo-doctor-a"))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'mdt_record' AND entity_id = :a").param("a", String.valueOf(appointment))
                .query(Long.class).single()).isEqualTo(2);
    }
}
