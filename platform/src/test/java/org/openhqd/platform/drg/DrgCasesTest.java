package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.openhqd.quality.DischargeRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@DemoPlatformTest
class DrgCasesTest {

    List<DischargeRecord> east;

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
    long eastId;

    @BeforeEach
    void cases() {
        fixture = new DrgCaseFixture(jdbc, tx, store, schemes);
        eastId = fixture.institutionId("H001-E");
        // the east campus: no other test stores cases there
        east = fixture.storeOnce("H001-E", "chs-drg-1.1", 606, "CT-E-", 300, 2025);
        fixture.storeOnce("T001", "chs-drg-1.1", 607, "CT-T-", 40, 2025);
    }

    private String api(String user, String url) throws Exception {
        MockHttpServletResponse r = apiResponse(user, url);
        assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse apiResponse(String user, String url) throws Exception {
        String token = tokens.get(user);
        if (token == null) {
            token = Api.token(mvc, user);
            tokens.put(user, token);
        }
        return mvc.perform(get(url).header("Authorization", Api.bearer(token))).andReturn().getResponse();
    }

    private final Map<String, String> tokens = new java.util.HashMap<>();

    private long count(String where, Object... args) {
        var q = jdbc.sql("SELECT COUNT(*) FROM drg_case c WHERE c.institution_id = " + eastId + " AND " + where);
        for (int i = 0; i < args.length; i++) {
            q = q.param(i + 1, args[i]);
        }
        return q.query(Long.class).single();
    }

    /** Every case id of a filtered list, walking the keyset pages. */
    private List<Long> walk(String user, String query) throws Exception {
        List<Long> ids = new ArrayList<>();
        String after = "";
        for (int pages = 0; pages < 50; pages++) {
            String body = api(user, "/api/v1/drg/cases?institution=" + eastId + "&size=37" + query + after);
            List<Integer> page = JsonPath.read(body, "$.cases[*].id");
            page.forEach(i -> ids.add(i.longValue()));
            Object next = JsonPath.read(body, "$.next");
            if (next == null) {
                return ids;
            }
            after = "&after=" + next;
        }
        throw new AssertionError("too many pages");
    }

    @Test
    void theListPagesThroughEveryCaseNewestFirst() throws Exception {
        List<Long> ids = walk("demo-insurance", "");
        // other tests of the shared context may store cases on the campus too: compare with the table
        assertThat(ids).hasSize((int) count("1 = 1")).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String body = api("demo-insurance", "/api/v1/drg/cases?institution=" + eastId);
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo((int) count("1 = 1"));
        assertThat((Boolean) JsonPath.read(body, "$.capped")).isFalse();
        Map<String, Object> first = JsonPath.read(body, "$.cases[0]");
        assertThat(first).containsKeys("case_id", "patient_id_masked", "department", "attending_doctor", "discharge_time", "los",
                "drg", "drg_name", "rw", "total_cost", "expected_payment", "profit_loss", "outlier", "qc_errors", "qc_group_changes");
        assertThat((String) first.get("patient_id_masked")).matches("\\d{3}\\*{11}[0-9X]{4}");
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        DischargeRecord r = east.get(0);
        assertThat(walk("demo-insurance", "&department=" + r.department())).hasSize((int) count("c.department = ?", r.department()));
        assertThat(walk("demo-insurance", "&doctor=" + r.attendingDoctor()))
                .hasSize((int) count("c.attending_doctor = ?", r.attendingDoctor())).isNotEmpty();
        assertThat(walk("demo-insurance", "&coder=编码员周")).hasSize((int) count("c.coder = ?", "编码员周")).isNotEmpty();
        String drg = jdbc.sql("SELECT drg FROM drg_case WHERE institution_id = :i AND drg IS NOT NULL ORDER BY id LIMIT 1")
                .param("i", eastId).query(String.class).single();
        assertThat(walk("demo-insurance", "&drg=" + drg.toLowerCase())).hasSize((int) count("c.drg = ?", drg)).isNotEmpty();
        assertThat(walk("demo-insurance", "&adrg=" + drg.substring(0, 3))).hasSize((int) count("c.adrg = ?", drg.substring(0, 3)));
        assertThat(walk("demo-insurance", "&from=2025-03&to=2025-05"))
                .hasSize((int) count("c.discharge_month BETWEEN '2025-03' AND '2025-05'")).isNotEmpty();
        assertThat(walk("demo-insurance", "&severity=ERROR")).hasSize((int) count("c.qc_errors > 0")).isNotEmpty();
        assertThat(walk("demo-insurance", "&severity=WARNING")).hasSize((int) count("c.qc_errors + c.qc_warnings > 0"));
        assertThat(walk("demo-insurance", "&changing=true")).hasSize((int) count("c.qc_group_changes > 0")).isNotEmpty();
        assertThat(walk("demo-insurance", "&status=ok")).hasSize((int) count("c.group_status = 'ok'")).isNotEmpty();
        assertThat(walk("demo-insurance", "&outlier=HIGH")).isEmpty(); // not priced yet
        String rule = jdbc.sql("SELECT f.rule_id FROM drg_qc_finding f WHERE f.institution_id = :i GROUP BY f.rule_id "
                + "ORDER BY COUNT(*) DESC LIMIT 1").param("i", eastId).query(String.class).single();
        List<Long> withRule = walk("demo-insurance", "&rule=" + rule);
        assertThat(withRule).isNotEmpty().hasSize((int) count("c.id IN (SELECT case_row_id FROM drg_qc_finding WHERE rule_id = ?)", rule));
        // the analytics pages' link: institution, department, doctor, drg, from, to
        assertThat(walk("demo-insurance", "&department=" + r.department() + "&doctor=" + r.attendingDoctor() + "&from=2025-01&to=2025-12"))
                .hasSize((int) count("c.department = ? AND c.attending_doctor = ?", r.department(), r.attendingDoctor()));
    }

    @Test
    void badFiltersAreA400NamingEachParameter() throws Exception {
        MockHttpServletResponse r = apiResponse("demo-insurance", "/api/v1/drg/cases?from=2025-13&status=lost&severity=x&institution=h1");
        assertThat(r.getStatus()).isEqualTo(400);
        List<String> fields = JsonPath.read(r.getContentAsString(StandardCharsets.UTF_8), "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("from", "status", "severity", "institution");
        String page = mvc.perform(get("/drg/cases?from=2025-13").session(session("demo-insurance")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("月份应为 yyyy-MM");
    }

    @Test
    void theCasePageShowsTheRecordMaskedTheExplanationAndFindingsAndIsAudited() throws Exception {
        long id = jdbc.sql("SELECT id FROM drg_case WHERE institution_id = :i AND qc_group_changes > 0 ORDER BY id LIMIT 1")
                .param("i", eastId).query(Long.class).single();
        String caseId = jdbc.sql("SELECT case_id FROM drg_case WHERE id = :id").param("id", id).query(String.class).single();
        DischargeRecord r = east.stream().filter(x -> x.caseId().equals(caseId)).findFirst().orElseThrow();
        long audits = audits(id);
        String page = mvc.perform(get("/drg/cases/" + id).session(session("demo-quality")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(caseId, IdNumber.mask(r.patientIdNumber()), "分组过程", "drgc-steps", "修正后分组", " → ", "未计算",
                r.diagnoses().get(0).code());
        assertThat(page).doesNotContain(r.patientIdNumber()).doesNotContain("drgc-version-note");
        assertThat(audits(id)).isEqualTo(audits + 1);

        String body = api("demo-quality", "/api/v1/drg/cases/" + id);
        assertThat(body).doesNotContain(r.patientIdNumber());
        assertThat((String) JsonPath.read(body, "$.record.patient_id_number")).isEqualTo(IdNumber.mask(r.patientIdNumber()));
        assertThat((String) JsonPath.read(body, "$.record.case_id")).isEqualTo(caseId);
        assertThat((String) JsonPath.read(body, "$.grouping.scheme_id")).isEqualTo("chs-drg-1.1");
        assertThat((Boolean) JsonPath.read(body, "$.explained.group_differs")).isFalse();
        assertThat((Boolean) JsonPath.read(body, "$.explained.version_differs")).isFalse();
        assertThat((List<?>) JsonPath.read(body, "$.explained.explanation.steps")).isNotEmpty();
        assertThat((Boolean) JsonPath.read(body, "$.payment.computed")).isFalse();
        List<Boolean> changes = JsonPath.read(body, "$.findings[*].changes_group");
        assertThat(changes).contains(true);
        assertThat(audits(id)).isEqualTo(audits + 2);
    }

    @Test
    void aStoredVersionOtherThanTheEnginesIsSaid() throws Exception {
        long id = jdbc.sql("SELECT MIN(id) FROM drg_case WHERE institution_id = :i").param("i", eastId).query(Long.class).single();
        jdbc.sql("UPDATE drg_case SET scheme_version = '0.9' WHERE id = :id").param("id", id).update();
        try {
            String page = mvc.perform(get("/drg/cases/" + id).session(session("demo-insurance")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("drgc-version-note", "入库时分组器版本为 0.9");
        } finally {
            String v = schemes.engine("chs-drg-1.1").version();
            jdbc.sql("UPDATE drg_case SET scheme_version = :v WHERE id = :id").param("v", v).param("id", id).update();
        }
    }

    @Test
    void aTownshipUserSeesNothingOfTheHospital() throws Exception {
        long id = jdbc.sql("SELECT MIN(id) FROM drg_case WHERE institution_id = :i").param("i", eastId).query(Long.class).single();
        assertThat(apiResponse("demo-admin-a", "/api/v1/drg/cases/" + id).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/drg/cases/" + id).session(session("demo-admin-a"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        String body = api("demo-admin-a", "/api/v1/drg/cases?institution=" + eastId);
        assertThat((Integer) JsonPath.read(body, "$.total")).isZero();
        String own = api("demo-admin-a", "/api/v1/drg/cases");
        List<String> caseIds = JsonPath.read(own, "$.cases[*].case_id");
        List<String> townshipCaseIds = jdbc.sql("SELECT c.case_id FROM drg_case c JOIN institution i ON i.id = c.institution_id "
                + "WHERE i.path LIKE (SELECT path FROM institution WHERE code = 'T001') || '%'").query(String.class).list();
        assertThat(caseIds).isNotEmpty().anyMatch(c -> c.startsWith("CT-T-")).allMatch(townshipCaseIds::contains);
        // roles that do not read DRG data
        assertThat(apiResponse("demo-nurse", "/api/v1/drg/cases").getStatus()).isEqualTo(403);
        assertThat(apiResponse("demo-doctor", "/api/v1/drg/cases/" + id).getStatus()).isEqualTo(403);
    }

    @Test
    void theConsoleListFiltersAndPagesWithHtmx() throws Exception {
        String page = mvc.perform(get("/drg/cases?institution=" + eastId + "&severity=WARNING").session(session("demo-insurance")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("drgc-cases", "hx-get=\"/drg/cases?institution=" + eastId + "&amp;severity=WARNING&amp;after=",
                "CT-E-", "未计算", "示范县人民医院东院区");
        Set<String> masked = new HashSet<>();
        east.forEach(r -> masked.add(r.patientIdNumber()));
        masked.forEach(n -> assertThat(page).doesNotContain(n));
    }

    private long audits(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_case' AND entity_id = :id AND action = 'READ'")
                .param("id", Long.toString(id)).query(Long.class).single();
    }

    private final Map<String, org.springframework.mock.web.MockHttpSession> sessions = new java.util.HashMap<>();

    /** A console session of a demo account (form login, as a person would). */
    org.springframework.mock.web.MockHttpSession session(String username) throws Exception {
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
