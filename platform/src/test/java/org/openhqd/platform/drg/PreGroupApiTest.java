package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Finding;
import org.openhqd.quality.QualityChecker;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class PreGroupApiTest {

    static final DrgGrouper CHS = DrgGrouper.of(SchemeCatalog.builtIn().get("chs-drg-1.1"));

    @Autowired
    MockMvc mvc;
    String token;

    @BeforeEach
    void login() throws Exception {
        token = Api.token(mvc, "demo-doctor");
    }

    private MockHttpServletResponse post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .header("Authorization", Api.bearer(token)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }

    /** The case CSV rows (case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures[,…]). */
    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = PreGroupApiTest.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                out.add(lines[i].split(",", -1));
            }
            return out;
        }
    }

    static String json(String[] r) {
        return "{\"case_id\":\"" + r[0] + "\",\"sex\":\"" + r[1] + "\",\"age\":\"" + r[2] + "\",\"age_days\":\"" + r[3]
                + "\",\"birth_weight\":\"" + r[4] + "\",\"dept\":\"" + r[5] + "\",\"los\":\"" + r[6] + "\",\"discharge_type\":\""
                + r[7] + "\",\"diagnoses\":" + codes(r[8]) + ",\"procedures\":" + codes(r[9]) + "}";
    }

    static String codes(String cell) {
        if (cell.isEmpty()) {
            return "[]";
        }
        return "[\"" + String.join("\",\"", cell.split("\\|", -1)) + "\"]";
    }

    static InpatientCase kase(String[] r) {
        return new InpatientCase(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                r[8].isEmpty() ? List.of() : List.of(r[8].split("\\|", -1)), r[9].isEmpty() ? List.of() : List.of(r[9].split("\\|", -1)));
    }

    @Test
    void oneCaseGroupsAsTheEngineDoesWithTheExplanation() throws Exception {
        List<String[]> rows = rows("chs-drg-1.1-sample-cases.csv");
        List<String[]> expected = rows("chs-drg-1.1-sample-expected.csv");
        assertThat(rows).hasSize(30);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            MockHttpServletResponse res = post("/api/v1/drg/group", json(r));
            String body = res.getContentAsString(StandardCharsets.UTF_8);
            assertThat(res.getStatus()).as(body).isEqualTo(200);
            GroupingResult g = CHS.group(kase(r));
            assertThat((String) JsonPath.read(body, "$.case_id")).isEqualTo(r[0]);
            assertThat((String) JsonPath.read(body, "$.status")).isEqualTo(g.status().word()).isEqualTo(expected.get(i)[1]);
            assertThat((String) JsonPath.read(body, "$.mdc")).isEqualTo(g.mdc()).isEqualTo(expected.get(i)[2]);
            assertThat((String) JsonPath.read(body, "$.adrg")).isEqualTo(g.adrg()).isEqualTo(expected.get(i)[3]);
            assertThat((String) JsonPath.read(body, "$.drg")).isEqualTo(g.drg()).isEqualTo(expected.get(i)[4]);
            assertThat((String) JsonPath.read(body, "$.drg_name")).isEqualTo(g.drgName()).isNotEmpty();
            assertThat((String) JsonPath.read(body, "$.scheme")).isEqualTo("chs-drg-1.1");
            assertThat((String) JsonPath.read(body, "$.scheme_version")).isNotEmpty();
            List<String> kinds = JsonPath.read(body, "$.explanation.steps[*].kind");
            assertThat(kinds).contains("MDC", "RESULT");
            assertThat((String) JsonPath.read(body, "$.explanation.zh")).contains("→");
            assertThat((String) JsonPath.read(body, "$.explanation.en")).isNotEmpty();
            assertThat((List<?>) JsonPath.read(body, "$.findings")).isNotNull();
        }
    }

    @Test
    void aBatchGroupsEveryCaseInOrder() throws Exception {
        List<String[]> rows = rows("chs-drg-1.1-conformance-cases.csv");
        List<String[]> expected = rows("chs-drg-1.1-conformance-expected.csv");
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            body.append(i == 0 ? "" : ",").append(json(rows.get(i)));
        }
        MockHttpServletResponse res = post("/api/v1/drg/group/batch", body.append("]").toString());
        String out = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(res.getStatus()).as(out).isEqualTo(200);
        List<Map<String, Object>> results = JsonPath.read(out, "$");
        assertThat(results).hasSize(400);
        java.util.Set<String> statuses = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            GroupingResult g = CHS.group(kase(rows.get(i)));
            Map<String, Object> r = results.get(i);
            assertThat(r.get("case_id")).isEqualTo(rows.get(i)[0]);
            assertThat(r.get("status")).isEqualTo(g.status().word()).isEqualTo(expected.get(i)[1]);
            assertThat(blank(r.get("drg"))).isEqualTo(g.drg()).isEqualTo(expected.get(i)[4]);
            assertThat(blank(r.get("adrg"))).isEqualTo(g.adrg());
            statuses.add(g.status().word());
        }
        assertThat(statuses).contains("ok", "ungroupable", "invalid");
    }

    private static String blank(Object o) {
        return o == null ? "" : (String) o;
    }

    @Test
    void findingsCarryTheFixAndTheGroupIfFixed() throws Exception {
        var scheme = SchemeCatalog.builtIn().get("chs-drg-1.1");
        QualityChecker checker = QualityChecker.of(DrgGrouper.of(scheme));
        var generator = new DischargeGenerator(scheme, 11, "H001", "P", 2025);
        DischargeRecord r = null;
        Finding changing = null;
        for (int i = 0; i < 5000 && changing == null; i++) {
            r = generator.next();
            changing = checker.check(r).findings().stream()
                    .filter(f -> f.regrouping() != null && f.regrouping().changesGroup()).findFirst().orElse(null);
        }
        assertThat(changing).isNotNull();
        String body = post("/api/v1/drg/group", PreGroupJson.of(r)).getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> found = JsonPath.read(body, "$.findings[?(@.rule_id == '" + changing.ruleId() + "')]");
        assertThat(found).isNotEmpty();
        Map<String, Object> f = found.get(0);
        assertThat(f.get("changes_group")).isEqualTo(true);
        assertThat((String) f.get("fix_zh")).isEqualTo(changing.regrouping().fixZh());
        assertThat((String) f.get("message_en")).isEqualTo(changing.messageEn());
        @SuppressWarnings("unchecked")
        Map<String, Object> fixed = (Map<String, Object>) f.get("group_if_fixed");
        assertThat(fixed.get("status")).isEqualTo(changing.regrouping().after().status());
        assertThat(blank(fixed.get("drg"))).isEqualTo(changing.regrouping().after().drg());
        assertThat((Integer) JsonPath.read(body, "$.qc.group_changing")).isPositive();
        // the QC rules about the identity number are not reported: pre-grouping has none
        assertThat(body).doesNotContain("patient_id_number");
    }

    @Test
    void anUnknownSchemeIsA400NamingTheField() throws Exception {
        MockHttpServletResponse res = post("/api/v1/drg/group", "{\"case_id\":\"1\",\"scheme\":\"chs-drg-9\",\"diagnoses\":[\"K35.800\"]}");
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat(res.getContentType()).startsWith("application/problem+json");
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("scheme");
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains("未知分组方案").contains("chs-drg-1.1");
        // the other built-in scheme is accepted
        res = post("/api/v1/drg/group", "{\"case_id\":\"1\",\"scheme\":\"beijing-2022\",\"sex\":\"1\",\"age\":\"30\",\"los\":\"3\","
                + "\"discharge_type\":\"1\",\"diagnoses\":[\"K35.800\"],\"procedures\":[\"47.0900\"]}");
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(res.getContentAsString(StandardCharsets.UTF_8), "$.scheme")).isEqualTo("beijing-2022");
    }

    @Test
    void malformedJsonIsA400ProblemWithoutAStackTrace() throws Exception {
        for (String bad : List.of("{\"case_id\": \"1\", ", "[1, 2", "not json", "", "{\"a\":1} {}", "\"text\"")) {
            MockHttpServletResponse res = post("/api/v1/drg/group", bad);
            String body = res.getContentAsString(StandardCharsets.UTF_8);
            assertThat(res.getStatus()).as(bad).isEqualTo(400);
            assertThat(res.getContentType()).startsWith("application/problem+json");
            assertThat(body).doesNotContain("at org.", "at tools.", "Exception");
            assertThat((String) JsonPath.read(body, "$.detail")).contains(" / ");
        }
        String body = post("/api/v1/drg/group", "{\"case_id\": \"1\",\n \"sex\": }").getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.detail")).contains("JSON 格式错误").contains("line 2");
        // wrong shapes name the field
        body = post("/api/v1/drg/group", "{\"sex\": {\"a\": 1}, \"diagnoses\": \"K35.8\", \"procedures\": [47.09], \"colour\": \"red\"}")
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> fields = JsonPath.read(body, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("sex", "diagnoses", "procedures[0]", "colour");
    }

    @Test
    void anIdentityNumberIsRefusedAndNeverEchoed() throws Exception {
        MockHttpServletResponse res = post("/api/v1/drg/group",
                "{\"case_id\":\"1\",\"patient_id_number\":\"330102198001010012\",\"diagnoses\":[\"K35.800\"]}");
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("patient_id_number");
        assertThat(body).contains("证件号码").doesNotContain("330102198001010012").doesNotContain("0012");
        res = post("/api/v1/drg/group/batch", "[{\"case_id\":\"1\"},{\"case_id\":\"2\",\"id_number\":\"330102198001010012\"}]");
        body = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("[1].id_number");
        assertThat(body).doesNotContain("330102198001010012");
    }

    @Test
    void aBatchIsBoundedAndAllOrNothing() throws Exception {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i <= 1000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"case_id\":\"").append(i).append("\"}");
        }
        MockHttpServletResponse res = post("/api/v1/drg/group/batch", big.append("]").toString());
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat((String) JsonPath.read(res.getContentAsString(StandardCharsets.UTF_8), "$.detail")).contains("1000");
        res = post("/api/v1/drg/group/batch", "[{\"case_id\":\"1\"},{\"case_id\":\"2\",\"scheme\":\"nope\"},{\"diagnoses\":[1]}]");
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        assertThat(res.getStatus()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(body, "$.errors[*].field")).containsExactlyInAnyOrder("[2].diagnoses[0]", "[1].scheme");
        assertThat(post("/api/v1/drg/group/batch", "{\"case_id\":\"1\"}").getStatus()).isEqualTo(400);
        assertThat(post("/api/v1/drg/group/batch", "[]").getStatus()).isEqualTo(400);
    }

    @Test
    void onlyRolesThatPreGroupMayCallIt() throws Exception {
        String nurse = Api.token(mvc, "demo-nurse");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/drg/group")
                        .header("Authorization", Api.bearer(nurse)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/drg/group")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpoints() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Map<String, Object>) JsonPath.read(doc, "$.paths['/api/v1/drg/group'].post")).containsKey("requestBody");
        assertThat((Map<String, Object>) JsonPath.read(doc, "$.paths['/api/v1/drg/group/batch'].post")).containsKey("requestBody");
        assertThat(doc).contains("PreGroupCase", "PreGroupResult", "group_if_fixed", "drg_name", "case_id");
    }
}
