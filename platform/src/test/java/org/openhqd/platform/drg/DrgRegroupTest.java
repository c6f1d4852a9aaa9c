package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.GroupOutcome;
import org.openhqd.quality.QcReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@DemoPlatformTest
class DrgRegroupTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseStore store;
    @Autowired
    DrgSchemes schemes;
    DrgCaseFixture fixture;
    final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new DrgCaseFixture(jdbc, tx, store, schemes);
    }

    /** A new campus of the county hospital (inside the hospital's scope), with no cases yet. */
    private long campus(String code) {
        long hospital = fixture.institutionId("H001");
        var h = jdbc.sql("SELECT community_id, path FROM institution WHERE id = :i").param("i", hospital)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        jdbc.sql("INSERT INTO institution (community_id, parent_id, code, name, level, type, path, created_at) "
                        + "VALUES (:c, :p, :code, :name, 'LEVEL_2', 'CAMPUS', '/', CURRENT_TIMESTAMP)")
                .param("c", h[0]).param("p", hospital).param("code", code).param("name", "示范县人民医院" + code + "院区").update();
        long id = fixture.institutionId(code);
        jdbc.sql("UPDATE institution SET path = :p WHERE id = :i").param("p", (String) h[1] + id + "/").param("i", id).update();
        return id;
    }

    private MockHttpServletResponse call(String user, MockHttpServletRequestBuilder request) throws Exception {
        String token = tokens.computeIfAbsent(user, u -> {
            try {
                return Api.token(mvc, u);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return mvc.perform(request.header("Authorization", Api.bearer(token))).andReturn().getResponse();
    }

    private String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private String awaitFinished(long run) throws Exception {
        for (int i = 0; i < 600; i++) {
            String s = body(call("demo-insurance", get("/api/v1/drg/regroup/" + run)));
            String status = JsonPath.read(s, "$.status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not finish");
    }

    @Test
    void regroupingFromBeijingToChsRecordsTheChangesAndTheHistory() throws Exception {
        long inst = campus("H001-R");
        // the institution's scheme: beijing-2022 (audited)
        MockHttpServletResponse set = call("demo-insurance", put("/api/v1/drg/settings/scheme").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"beijing-2022\"}"));
        assertThat(set.getStatus()).as(body(set)).isEqualTo(200);
        assertThat((String) JsonPath.read(body(set), "$.scheme_id")).isEqualTo("beijing-2022");
        assertThat(schemes.schemeIdFor(inst)).isEqualTo("beijing-2022");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_setting' AND entity_id = :i AND action = 'UPDATE'")
                .param("i", Long.toString(inst)).query(Long.class).single()).isEqualTo(1);

        List<DischargeRecord> records = fixture.store("H001-R", "beijing-2022", 909, "RG-R-", 250, 2025);
        var chs = schemes.engine("chs-drg-1.1");
        var beijing = schemes.engine("beijing-2022");
        Map<String, GroupOutcome> before = new HashMap<>();
        Map<String, QcReport> after = new HashMap<>();
        long expectedChanges = 0;
        long expectedFindings = 0;
        for (DischargeRecord r : records) {
            GroupOutcome b = beijing.checker().check(r).group();
            QcReport a = chs.checker().check(r);
            before.put(r.caseId(), b);
            after.put(r.caseId(), a);
            expectedFindings += a.findings().size();
            if (!b.status().equals(a.group().status()) || !b.drg().equals(a.group().drg())) {
                expectedChanges++;
            }
        }
        assertThat(expectedChanges).isPositive();

        MockHttpServletResponse started = call("demo-insurance", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"chs-drg-1.1\"}"));
        assertThat(started.getStatus()).as(body(started)).isEqualTo(202);
        long run = ((Number) JsonPath.read(body(started), "$.id")).longValue();
        assertThat(started.getHeader("Location")).isEqualTo("/api/v1/drg/regroup/" + run);
        String done = awaitFinished(run);
        assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("FINISHED");
        assertThat(((Number) JsonPath.read(done, "$.cases_total")).longValue()).isEqualTo(250);
        assertThat(((Number) JsonPath.read(done, "$.cases_done")).longValue()).isEqualTo(250);
        assertThat(((Number) JsonPath.read(done, "$.cases_changed")).longValue()).isEqualTo(expectedChanges);
        assertThat((String) JsonPath.read(done, "$.from_schemes")).contains("beijing-2022");
        assertThat((String) JsonPath.read(done, "$.to_scheme_id")).isEqualTo("chs-drg-1.1");
        assertThat((String) JsonPath.read(done, "$.to_scheme_version")).isEqualTo(chs.version());
        // a scheme other than the configured one became the institution's
        assertThat(schemes.schemeIdFor(inst)).isEqualTo("chs-drg-1.1");

        // every case now carries the chs-drg-1.1 grouping, QC counts and findings
        jdbc.sql("SELECT case_id, scheme_id, scheme_version, group_status, drg, qc_errors + qc_warnings + qc_infos FROM drg_case "
                        + "WHERE institution_id = :i").param("i", inst)
                .query((rs, n) -> {
                    QcReport a = after.get(rs.getString(1));
                    assertThat(rs.getString(2)).isEqualTo("chs-drg-1.1");
                    assertThat(rs.getString(3)).isEqualTo(chs.version());
                    assertThat(rs.getString(4)).isEqualTo(a.group().status());
                    assertThat(Objects.toString(rs.getString(5), "")).isEqualTo(a.group().drg());
                    assertThat(rs.getInt(6)).isEqualTo(a.findings().size());
                    return null;
                }).list();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding WHERE institution_id = :i").param("i", inst).query(Long.class).single())
                .isEqualTo(expectedFindings);

        // the history: one change row per moved case, old → new
        List<Map<String, Object>> changes = JsonPath.read(body(call("demo-insurance", get("/api/v1/drg/regroup/" + run + "/changes?size=500"))),
                "$.changes");
        assertThat(changes).hasSize((int) expectedChanges);
        for (Map<String, Object> c : changes) {
            String caseId = (String) c.get("case_id");
            assertThat(c.get("old_scheme_id")).isEqualTo("beijing-2022");
            assertThat(c.get("old_status")).isEqualTo(before.get(caseId).status());
            assertThat(Objects.toString(c.get("old_drg"), "")).isEqualTo(before.get(caseId).drg());
            assertThat(Objects.toString(c.get("new_drg"), "")).isEqualTo(after.get(caseId).group().drg());
        }
        // the run's DrgCasesChanged reaches the payment step: every case whose new DRG has a weight in the community's
        // active chs-drg-1.1 set is priced again (the moved ones lost their figures in the run)
        String unpriced = "SELECT COUNT(*) FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE c.institution_id = :i "
                + "AND c.group_status = 'ok' AND c.rw IS NULL AND EXISTS (SELECT 1 FROM drg_weight_active a JOIN drg_weight_row w "
                + "ON w.set_id = a.set_id WHERE a.community_id = i.community_id AND a.scheme_id = 'chs-drg-1.1' AND w.drg = c.drg "
                + "AND w.rw IS NOT NULL)";
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_weight_active a JOIN institution i ON i.community_id = a.community_id "
                + "WHERE i.id = :i AND a.scheme_id = 'chs-drg-1.1'").param("i", inst).query(Long.class).single())
                .as("the demo's automatic weight set").isEqualTo(1);
        long waited = System.nanoTime();
        while (jdbc.sql(unpriced).param("i", inst).query(Long.class).single() > 0) {
            assertThat(System.nanoTime() - waited).as("cases still unpriced after the run").isLessThan(30_000_000_000L);
            Thread.sleep(100);
        }

        String page = mvc.perform(get("/drg/regroup/" + run).session(session("demo-insurance"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("drgr-changes", (String) changes.get(0).get("case_id"), "beijing-2022 · ", "已完成")
                .doesNotContain("hx-trigger");
        String list = mvc.perform(get("/drg/regroup").session(session("demo-insurance"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("drgr-runs", "示范县人民医院H001-R院区", "drgr-start");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_case' AND action = 'UPDATE' AND detail LIKE :d")
                .param("d", "%(run " + run + ")").query(Long.class).single()).isEqualTo(1);

        // resumable: the run marked interrupted half-way continues from there
        long mid = jdbc.sql("SELECT id FROM drg_case WHERE institution_id = :i ORDER BY id LIMIT 1 OFFSET 124").param("i", inst)
                .query(Long.class).single();
        jdbc.sql("UPDATE drg_regroup_run SET status = 'INTERRUPTED', cases_done = 125, last_case_row_id = :m WHERE id = :r")
                .param("m", mid).param("r", run).update();
        MockHttpServletResponse resumed = call("demo-insurance", post("/api/v1/drg/regroup/" + run + "/resume"));
        assertThat(resumed.getStatus()).as(body(resumed)).isEqualTo(202);
        assertThat(((Number) JsonPath.read(awaitFinished(run), "$.cases_done")).longValue()).isEqualTo(250);
        // a finished run is not resumed
        assertThat(call("demo-insurance", post("/api/v1/drg/regroup/" + run + "/resume")).getStatus()).isEqualTo(409);

        // regrouping with the configured scheme changes nothing
        MockHttpServletResponse again = call("demo-insurance", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + "}"));
        long run2 = ((Number) JsonPath.read(body(again), "$.id")).longValue();
        assertThat(((Number) JsonPath.read(awaitFinished(run2), "$.cases_changed")).longValue()).isZero();

        // the settings say how many stored cases are not grouped with the institution's scheme and version
        assertThat(outdated(inst)).isZero();
        assertThat(call("demo-insurance", put("/api/v1/drg/settings/scheme").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"beijing-2022\"}")).getStatus()).isEqualTo(200);
        assertThat(outdated(inst)).isEqualTo(250);
        assertThat(mvc.perform(get("/drg/settings").session(session("demo-insurance"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("drgs-outdated", "待重新分组");
        jdbc.sql("UPDATE drg_case SET scheme_version = 'old' WHERE institution_id = :i AND id IN (SELECT id FROM drg_case "
                + "WHERE institution_id = :i ORDER BY id LIMIT 10)").param("i", inst).update();
        assertThat(call("demo-insurance", put("/api/v1/drg/settings/scheme").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"chs-drg-1.1\"}")).getStatus()).isEqualTo(200);
        assertThat(outdated(inst)).as("an older version of the same scheme").isEqualTo(10);
    }

    private long outdated(long institution) throws Exception {
        List<Number> n = JsonPath.read(body(call("demo-insurance", get("/api/v1/drg/settings"))),
                "$.institutions[?(@.institution_id == " + institution + ")].cases_outdated");
        assertThat(n).hasSize(1);
        return n.get(0).longValue();
    }

    @Test
    void badRequestsScopeAndRoles() throws Exception {
        long inst = campus("H001-S");
        assertThat(call("demo-insurance", put("/api/v1/drg/settings/scheme").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"my-own\"}")).getStatus()).isEqualTo(400);
        MockHttpServletResponse bad = call("demo-insurance", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"nope\"}"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(body(bad), "$.errors[0].field")).isEqualTo("scheme");
        // a township administrator can neither set nor regroup the hospital's campus
        assertThat(call("demo-admin-a", put("/api/v1/drg/settings/scheme").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + ",\"scheme\":\"chs-drg-1.1\"}")).getStatus()).isEqualTo(404);
        assertThat(call("demo-admin-a", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + "}")).getStatus()).isEqualTo(404);
        // a department head reads but does not manage
        assertThat(call("demo-dept-head", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"institution_id\":" + inst + "}")).getStatus()).isEqualTo(403);
        assertThat(call("demo-dept-head", get("/api/v1/drg/settings")).getStatus()).isEqualTo(200);
        // one run per institution at a time
        jdbc.sql("INSERT INTO drg_regroup_run (institution_id, from_schemes, to_scheme_id, to_scheme_version, status, cases_total, "
                + "started_by, started_at) VALUES (:i, '', 'chs-drg-1.1', 'x', 'RUNNING', 0, 'test', CURRENT_TIMESTAMP)").param("i", inst).update();
        long running = jdbc.sql("SELECT MAX(id) FROM drg_regroup_run WHERE institution_id = :i").param("i", inst).query(Long.class).single();
        try {
            assertThat(call("demo-insurance", post("/api/v1/drg/regroup").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"institution_id\":" + inst + "}")).getStatus()).isEqualTo(409);
            assertThat(call("demo-admin-a", get("/api/v1/drg/regroup/" + running)).getStatus()).isEqualTo(404);
            assertThat(call("demo-admin-a", get("/api/v1/drg/regroup/" + running + "/changes")).getStatus()).isEqualTo(404);
            String page = mvc.perform(get("/drg/regroup/" + running).session(session("demo-insurance"))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("hx-trigger=\"every 2s\"", "进行中");
        } finally {
            jdbc.sql("UPDATE drg_regroup_run SET status = 'FAILED' WHERE id = :r").param("r", running).update();
        }
        // the settings page: a form per institution for a manager, none for a reader
        String settings = mvc.perform(get("/drg/settings").session(session("demo-insurance"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(settings).contains("drgs-institutions", "beijing-2022", "name=\"scheme\"");
        String readOnly = mvc.perform(get("/drg/settings").session(session("demo-dept-head"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnly).contains("drgs-institutions").doesNotContain("name=\"scheme\"");
    }

    private final Map<String, org.springframework.mock.web.MockHttpSession> sessions = new HashMap<>();

    private org.springframework.mock.web.MockHttpSession session(String username) throws Exception {
        var s = sessions.get(username);
        if (s == null) {
            s = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                                    .user(username).password(Api.PASSWORD))
                    .andReturn().getRequest().getSession(false);
            sessions.put(username, s);
        }
        return s;
    }
}
