package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Finding;
import org.openhqd.quality.QualityChecker;
import org.openhqd.quality.RuleSet;
import org.openhqd.quality.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@DemoPlatformTest
class DrgQualityTest {

    List<DischargeRecord> west;

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
    long westId;
    String token;
    MockHttpSession session;

    @BeforeEach
    void cases() throws Exception {
        DrgCaseFixture fixture = new DrgCaseFixture(jdbc, tx, store, schemes);
        westId = fixture.institutionId("H001-W");
        // the west campus: no other test stores cases there
        west = fixture.storeOnce("H001-W", "chs-drg-1.1", 808, "QT-W-", 400, 2024);
        token = Api.token(mvc, "demo-quality");
        session = (MockHttpSession) mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/login").user("demo-quality").password(Api.PASSWORD)).andReturn().getRequest().getSession(false);
    }

    private String api(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).header("Authorization", Api.bearer(token))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The findings of the generated set, checked again here: what the summaries must count. */
    private List<Finding> expectedFindings() {
        QualityChecker checker = schemes.engine("chs-drg-1.1").checker();
        return west.stream().flatMap(r -> checker.check(r).findings().stream()).toList();
    }

    @Test
    void summariesCountByRuleDepartmentAndCoder() throws Exception {
        List<Finding> expected = expectedFindings();
        String body = api("/api/v1/drg/findings/summary?institution=" + westId);
        assertThat((Integer) JsonPath.read(body, "$.cases_checked")).isEqualTo(400);
        assertThat(((Number) JsonPath.read(body, "$.findings")).longValue()).isEqualTo(expected.size());
        Map<String, Long> byRule = new HashMap<>();
        Map<String, Long> changingByRule = new HashMap<>();
        for (Finding f : expected) {
            byRule.merge(f.ruleId(), 1L, Long::sum);
            if (f.regrouping() != null && f.regrouping().changesGroup()) {
                changingByRule.merge(f.ruleId(), 1L, Long::sum);
            }
        }
        List<Map<String, Object>> rules = JsonPath.read(body, "$.by_rule");
        assertThat(rules).hasSize(byRule.size());
        for (Map<String, Object> r : rules) {
            String id = (String) r.get("rule_id");
            assertThat(((Number) r.get("findings")).longValue()).as(id).isEqualTo(byRule.get(id));
            assertThat(((Number) r.get("group_changing")).longValue()).as(id).isEqualTo(changingByRule.getOrDefault(id, 0L));
            assertThat((String) r.get("message_zh")).isNotEmpty();
        }
        // by department and by coder: each finding counted under its case's department and coder
        Map<String, Long> byDepartment = new HashMap<>();
        Map<String, Long> byCoder = new HashMap<>();
        QualityChecker checker = schemes.engine("chs-drg-1.1").checker();
        for (DischargeRecord r : west) {
            int n = checker.check(r).findings().size();
            if (n > 0) {
                byDepartment.merge(r.department(), (long) n, Long::sum);
                byCoder.merge(r.coder(), (long) n, Long::sum);
            }
        }
        List<Map<String, Object>> departments = JsonPath.read(body, "$.by_department");
        assertThat(departments).hasSize(byDepartment.size());
        departments.forEach(d -> assertThat(((Number) d.get("findings")).longValue()).isEqualTo(byDepartment.get((String) d.get("name"))));
        List<Map<String, Object>> coders = JsonPath.read(body, "$.by_coder");
        assertThat(coders).hasSize(byCoder.size());
        coders.forEach(c -> assertThat(((Number) c.get("findings")).longValue()).isEqualTo(byCoder.get((String) c.get("name"))));

        // a period and a department (counted from the findings alone) and the same with a grouping status (joined
        // to the cases): each against the findings of the records it selects
        String department = west.get(0).department();
        for (String status : new String[] {null, "ok"}) {
            long want = 0;
            for (DischargeRecord r : west) {
                var report = checker.check(r);
                String month = CaseValues.dateTime(r.dischargeTime()) == null ? null
                        : CaseValues.dateTime(r.dischargeTime()).toLocalDate().toString().substring(0, 7);
                if (r.department().equals(department) && month != null && month.compareTo("2024-03") >= 0
                        && month.compareTo("2024-08") <= 0 && (status == null || status.equals(report.group().status()))) {
                    want += report.findings().size();
                }
            }
            // (MockMvc encodes the URL template itself)
            String part = api("/api/v1/drg/findings/summary?institution=" + westId + "&from=2024-03&to=2024-08&department="
                    + department + (status == null ? "" : "&status=" + status));
            assertThat(((Number) JsonPath.read(part, "$.findings")).longValue()).as("status " + status).isEqualTo(want).isPositive();
            List<String> names = JsonPath.read(part, "$.by_department[*].name");
            assertThat(names).containsOnly(department);
        }

        // the severity filter: errors only
        String errors = api("/api/v1/drg/findings/summary?institution=" + westId + "&severity=ERROR");
        List<String> severities = JsonPath.read(errors, "$.by_rule[*].severity");
        assertThat(severities).isNotEmpty().containsOnly("ERROR");
        assertThat(((Number) JsonPath.read(errors, "$.findings")).longValue())
                .isEqualTo(expected.stream().filter(f -> f.severity() == Severity.ERROR).count());
    }

    @Test
    void thePageDrillsDownToTheCaseList() throws Exception {
        String page = mvc.perform(get("/drg/quality?institution=" + westId).session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("drgq-by-rule", "drgq-by-department", "drgq-by-coder", "QC-",
                "href=\"/drg/cases?institution=" + westId + "&amp;rule=", "&amp;coder=", "drgq-csv", "drgq-xlsx");
        String rule = jdbc.sql("SELECT rule_id FROM drg_qc_finding WHERE institution_id = :i GROUP BY rule_id ORDER BY COUNT(*) DESC LIMIT 1")
                .param("i", westId).query(String.class).single();
        long cases = jdbc.sql("SELECT COUNT(DISTINCT case_row_id) FROM drg_qc_finding WHERE institution_id = :i AND rule_id = :r")
                .param("i", westId).param("r", rule).query(Long.class).single();
        String list = api("/api/v1/drg/cases?institution=" + westId + "&rule=" + rule);
        assertThat(((Number) JsonPath.read(list, "$.total")).longValue()).isEqualTo(cases);
        String coder = west.get(0).coder();
        String byCoder = api("/api/v1/drg/cases?institution=" + westId + "&coder=" + coder + "&severity=INFO");
        assertThat(((Number) JsonPath.read(byCoder, "$.total")).longValue()).isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND coder = :c AND qc_errors + qc_warnings + qc_infos > 0")
                .param("i", westId).param("c", coder).query(Long.class).single());
    }

    @Test
    void theFindingsListPagesAndIsAudited() throws Exception {
        long total = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding WHERE institution_id = :i").param("i", westId).query(Long.class).single();
        long audits = audits("READ", "drg_qc_finding-list");
        int seen = 0;
        String after = "";
        for (int i = 0; i < 100; i++) {
            String body = api("/api/v1/drg/findings?institution=" + westId + "&size=500" + after);
            seen += ((List<?>) JsonPath.read(body, "$.findings")).size();
            Object next = JsonPath.read(body, "$.next");
            if (next == null) {
                break;
            }
            after = "&after=" + next;
        }
        assertThat(seen).isEqualTo(total);
        assertThat(audits("READ", "drg_qc_finding-list")).isGreaterThan(audits);
    }

    @Test
    void exportsAreAuditedAndMasked() throws Exception {
        long total = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding WHERE institution_id = :i").param("i", westId).query(Long.class).single();
        long audits = audits("EXPORT", "drg_qc_finding");
        MockHttpServletResponse csv = mvc.perform(get("/drg/quality/export.csv?institution=" + westId).session(session))
                .andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcase_row_id,case_id,");
        assertThat(text.split("\n")).hasSize((int) total + 1);
        assertThat(text).contains(IdNumber.mask(west.get(0).patientIdNumber()));
        west.forEach(r -> assertThat(text).doesNotContain(r.patientIdNumber()));
        assertThat(audits("EXPORT", "drg_qc_finding")).isEqualTo(audits + 1);

        MockHttpServletResponse xlsx = mvc.perform(get("/drg/quality/export.xlsx?institution=" + westId + "&severity=WARNING")
                .session(session)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        long warnings = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding WHERE institution_id = :i AND severity IN ('ERROR', 'WARNING')")
                .param("i", westId).query(Long.class).single();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum() + 1).isEqualTo((int) warnings + 2);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("病案号");
            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            west.forEach(r -> assertThat(all.toString()).doesNotContain(r.patientIdNumber()));
        }
        assertThat(audits("EXPORT", "drg_qc_finding")).isEqualTo(audits + 2);
        // a township administrator's export holds nothing of the hospital
        MockHttpSession township = (MockHttpSession) mvc.perform(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestBuilders.formLogin("/login").user("demo-admin-a").password(Api.PASSWORD)).andReturn()
                .getRequest().getSession(false);
        String theirs = mvc.perform(get("/drg/quality/export.csv?institution=" + westId).session(township)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs.split("\n")).hasSize(1);
    }

    @Test
    void theRuleCatalogueListsTheActivePackAndTheSkippedRules() throws Exception {
        int rules = RuleSet.builtIn().rules().size();
        String body = api("/api/v1/drg/qc-rules");
        assertThat((List<?>) JsonPath.read(body, "$.rules")).hasSize(rules);
        assertThat((String) JsonPath.read(body, "$.scheme")).isEqualTo("chs-drg-1.1");
        assertThat((String) JsonPath.read(body, "$.rules[0].basis")).isNotEmpty();
        assertThat(mvc.perform(get("/api/v1/drg/qc-rules?scheme=x").header("Authorization", Api.bearer(token))).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        String page = mvc.perform(get("/drg/quality/rules?scheme=beijing-2022").session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("QC-101", "QC-401", "drgq-skipped", "beijing-2022", "settlement-qc.tsv");
    }

    private long audits(String action, String entity) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a AND entity = :e").param("a", action).param("e", entity)
                .query(Long.class).single();
    }
}
