package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 下转后续治疗计划: who may plan and when, closing tasks, overdue on a given day, and whose worklist shows them. */
@DemoPlatformTest
class CarePlanTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CarePlans plans;

    ReferralFixture f;
    long hospital;
    long townshipA;
    LocalDate today;

    @BeforeEach
    void fixture() {
        f = new ReferralFixture(mvc, jdbc);
        hospital = f.institution("H001");
        townshipA = f.institution("T001");
        today = LocalDate.now(TestResults.CHINA);
    }

    private long acceptedDown(int k) throws Exception {
        long id = f.created("demo-doctor", f.patient("H001", k), townshipA, "DOWN", "");
        f.action("demo-doctor-a", id, "accept", null).andExpect(status().isOk());
        return id;
    }

    private String task(String type, String description, LocalDate due, Long staff) {
        return "{\"type\":\"" + type + "\",\"description\":\"" + description + "\",\"dueDate\":\"" + due + "\""
                + (staff == null ? "" : ",\"assignedStaffId\":" + staff) + "}";
    }

    private String plan(String... tasks) {
        return "{\"tasks\":[" + String.join(",", tasks) + "]}";
    }

    private long staffId(String username) {
        return jdbc.sql("SELECT id FROM staff WHERE username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aCarePlanBelongsToAnAcceptedDownwardReferral() throws Exception {
        long submitted = f.created("demo-doctor", f.patient("H001", 20), townshipA, "DOWN", "");
        String body = plan(task("VISIT", "出院后首次随访，测血压", today.plusDays(3), null));
        f.postJson("demo-doctor", "/api/v1/referrals/" + submitted + "/care-plan", body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        long up = f.created("demo-doctor-a", f.patient("T001", 20), hospital, "UP", "");
        f.action("demo-doctor", up, "accept", null).andExpect(status().isOk());
        f.postJson("demo-doctor", "/api/v1/referrals/" + up + "/care-plan", body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"));

        long down = acceptedDown(21);
        f.postJson("demo-doctor-b", "/api/v1/referrals/" + down + "/care-plan", body).andExpect(status().isNotFound());
        f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(task("VISIT", "x", today.minusDays(1), null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tasks[0].dueDate"));
        f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(task("VISIT", "x", today, staffId("demo-doctor"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tasks[0].assignedStaffId"));
        f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", "{\"tasks\":[]}").andExpect(status().isBadRequest());
        f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan("{\"type\":\"VISIT\",\"description\":\"\"}"))
                .andExpect(status().isBadRequest());
        assertThat(count("SELECT COUNT(*) FROM care_task WHERE referral_id = " + down)).isZero();

        // the sending hospital doctor writes the plan; the receiving doctor adds to it
        f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(
                        task("VISIT", "出院后首次随访，测血压", today.plusDays(3), staffId("demo-doctor-a")),
                        task("REHAB", "偏瘫肢体康复训练", today.plusDays(14), null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].type").value("VISIT"))
                .andExpect(jsonPath("$[0].status").value("OPEN"))
                .andExpect(jsonPath("$[0].institutionId").value(townshipA))
                .andExpect(jsonPath("$[0].assignedStaffId").value(staffId("demo-doctor-a")))
                .andExpect(jsonPath("$[0].patientIdNumber").value(org.hamcrest.Matchers.containsString("*")))
                .andExpect(jsonPath("$[0].patientName").value(org.hamcrest.Matchers.endsWith("*")));
        f.postJson("demo-doctor-a", "/api/v1/referrals/" + down + "/care-plan", plan(task("TEST", "复查血常规", today.plusDays(7), null)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.length()").value(3));
        f.get("demo-doctor-a", "/api/v1/referrals/" + down + "/care-plan").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type").value(org.hamcrest.Matchers.contains("VISIT", "TEST", "REHAB")));
        f.get("demo-doctor-b", "/api/v1/referrals/" + down + "/care-plan").andExpect(status().isNotFound());
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'care-task' AND action = 'CREATE' AND patient_id = "
                + f.patient("H001", 21))).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'care-plan' AND action = 'READ' AND entity_id = '" + down + "'"))
                .isEqualTo(1);
    }

    @Test
    void theReceiverCompletesATaskOnceTheSenderMayCancelOne() throws Exception {
        long down = acceptedDown(22);
        String created = f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(
                        task("VISIT", "首次随访", today.plusDays(3), null), task("MEDICATION_REVIEW", "评估降压药", today.plusDays(5), null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(created, "$[*].id");
        long visit = ids.get(0).longValue();
        long review = ids.get(1).longValue();

        f.postJson("demo-doctor", "/api/v1/care-tasks/" + visit + "/done", "{\"note\":\"x\"}").andExpect(status().isForbidden());
        f.postJson("demo-doctor-b", "/api/v1/care-tasks/" + visit + "/done", "{\"note\":\"x\"}").andExpect(status().isNotFound());
        f.postJson("demo-doctor-a", "/api/v1/care-tasks/" + visit + "/done", "{\"note\":\"血压 132/84，继续用药\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE")).andExpect(jsonPath("$.closedBy").value("demo-doctor-a"))
                .andExpect(jsonPath("$.closingNote").value("血压 132/84，继续用药")).andExpect(jsonPath("$.closedAt").isNotEmpty());
        f.postJson("demo-doctor-a", "/api/v1/care-tasks/" + visit + "/done", "{\"note\":\"again\"}").andExpect(status().isConflict());
        f.postJson("demo-doctor-a", "/api/v1/care-tasks/" + visit + "/cancel", "{\"reason\":\"x\"}").andExpect(status().isConflict());

        f.postJson("demo-doctor", "/api/v1/care-tasks/" + review + "/cancel", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        f.postJson("demo-doctor", "/api/v1/care-tasks/" + review + "/cancel", "{\"reason\":\"已停用该药\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        f.postJson("demo-doctor-a", "/api/v1/care-tasks/" + review + "/done", null).andExpect(status().isConflict());
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'care-task' AND action = 'UPDATE' AND entity_id IN ('"
                + visit + "', '" + review + "')")).isEqualTo(2);
    }

    @Test
    void overdueDependsOnTheDayAndOverdueTasksComeFirst() throws Exception {
        long down = acceptedDown(23);
        String created = f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(
                        task("REHAB", "第二次康复评估", today.plusDays(10), null), task("VISIT", "首次随访", today.plusDays(2), null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(created, "$[*].id");
        long visit = ids.get(0).longValue(); // the plan is ordered by due date
        long rehab = ids.get(1).longValue();

        var principal = f.principal("demo-doctor-a");
        List<CareTaskView> now = CurrentUser.runAs(principal, () -> plans.worklist(CareTaskStatus.OPEN, false, today));
        assertThat(now).filteredOn(t -> t.referralId() == down).extracting(CareTaskView::overdue).containsOnly(false);

        LocalDate later = today.plusDays(5);
        List<CareTaskView> then = CurrentUser.runAs(principal, () -> plans.worklist(CareTaskStatus.OPEN, false, later));
        CareTaskView v = then.stream().filter(t -> t.id() == visit).findFirst().orElseThrow();
        assertThat(v.overdue()).isTrue();
        assertThat(then.stream().filter(t -> t.id() == rehab).findFirst().orElseThrow().overdue()).isFalse();
        // every overdue task before every task that is not
        int lastOverdue = -1;
        int firstOnTime = Integer.MAX_VALUE;
        for (int i = 0; i < then.size(); i++) {
            if (then.get(i).overdue()) {
                lastOverdue = i;
            } else {
                firstOnTime = Math.min(firstOnTime, i);
            }
        }
        assertThat(lastOverdue).isLessThan(firstOnTime);
        List<CareTaskView> overdueOnly = CurrentUser.runAs(principal, () -> plans.worklist(null, true, later));
        assertThat(overdueOnly).extracting(CareTaskView::id).contains(visit).doesNotContain(rehab);
        assertThat(overdueOnly).allMatch(CareTaskView::overdue);

        // through the API, today: a task whose due date has passed
        jdbc.sql("UPDATE care_task SET due_date = :d WHERE id = :id").param("d", today.minusDays(1)).param("id", visit).update();
        String body = f.get("demo-doctor-a", "/api/v1/care-tasks?overdue=true").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<Number> overdueIds = JsonPath.read(body, "$[*].id");
        assertThat(overdueIds.stream().map(Number::longValue)).contains(visit).doesNotContain(rehab);
        f.get("demo-doctor-a", "/api/v1/care-tasks?status=DONE").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].status").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("DONE"))));
    }

    @Test
    void theWorklistShowsOnlyTheCallersInstitutionAndItsSubtree() throws Exception {
        long down = acceptedDown(24);
        String created = f.postJson("demo-doctor", "/api/v1/referrals/" + down + "/care-plan", plan(task("VISIT", "首次随访", today.plusDays(1),
                        null))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$[0].id")).longValue();
        assertThat(worklistIds("demo-doctor-a")).contains(id);
        assertThat(worklistIds("demo-admin")).doesNotContain(id); // the community admin works at the county hospital
        assertThat(worklistIds("demo-doctor-b")).doesNotContain(id);
        assertThat(worklistIds("demo-village-a")).doesNotContain(id);
        assertThat(worklistIds("demo-doctor")).doesNotContain(id); // the sender reads the plan on the referral, not its worklist
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                                .user("demo-doctor-a").password(org.openhqd.platform.support.Api.PASSWORD))
                .andReturn().getRequest().getSession();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/care-tasks?overdue=false").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("/referrals/" + down)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/referrals/" + down).session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("id=\"care-plan\"")));
    }

    @Test
    void theDemoYearHasCarePlansWithDoneAndOverdueTasks() {
        assertThat(count("SELECT COUNT(*) FROM care_task t JOIN referral r ON r.id = t.referral_id WHERE r.direction = 'UP'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM care_task t JOIN referral r ON r.id = t.referral_id WHERE r.status NOT IN "
                + "('ACCEPTED', 'SCHEDULED', 'ARRIVED', 'COMPLETED')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM care_task WHERE created_by = 'demo' AND status = 'DONE' AND closed_at IS NOT NULL"))
                .isGreaterThan(10);
        assertThat(count("SELECT COUNT(*) FROM care_task WHERE created_by = 'demo' AND status = 'OPEN' AND due_date < CURRENT_DATE"))
                .isGreaterThan(0);
        assertThat(count("SELECT COUNT(*) FROM care_task WHERE created_by = 'demo' AND status = 'OPEN' AND due_date >= CURRENT_DATE"))
                .isGreaterThan(0);
    }

    private List<Long> worklistIds(String user) throws Exception {
        String body = f.get(user, "/api/v1/care-tasks").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(body, "$[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
