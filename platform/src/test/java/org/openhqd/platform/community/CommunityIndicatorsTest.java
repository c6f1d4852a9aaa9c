package org.openhqd.platform.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The county indicators over the {@link CommunityFixture} settlements of 2003 and 2004 (identical)
 * and visit totals of March 2003 — H001 internal medicine 60, T001 general practice 30, T002 TCM 10:
 * <ul>
 *   <li>MC07 primary visits (30 + 10) / 100 = 40 %; MC12 TCM 10 / 100 = 10 %;</li>
 *   <li>MC08 in-county fund 820,000 / 900,000 = 91.11 %; MC09 primary fund (150,000 + 50,000) / 820,000 = 24.39 %;</li>
 *   <li>MC10 in-county inpatient cost (500,000 + 300,000 + 120,000 + 25,000) / 4 = 236,250; MC11 4 / 5 = 80 %;
 *     MC15 6 / 7 cases = 85.71 %;</li>
 *   <li>by month, MC08 January (400,000 + 100,000 + 50,000) / 630,000 = 87.30 %, February 100 %, March no data.</li>
 * </ul>
 */
@DemoPlatformTest
class CommunityIndicatorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static boolean loaded;

    @BeforeEach
    void fixture() throws Exception {
        if (loaded) {
            return;
        }
        CommunityFixture f = new CommunityFixture(mvc, jdbc);
        f.importSettlements(2003);
        f.importSettlements(2004);
        mvc.perform(post("/api/v1/outpatient/visit-counts").header("Authorization", Api.bearer(Api.token(mvc, "demo-admin")))
                .contentType("text/csv").content("institution_code,department_code,date,visits\n"
                        + "H001,0301,2003-03-01,60\nT001,02,2003-03-01,30\nT002,50,2003-03-02,10\n")).andExpect(status().isOk());
        loaded = true;
    }

    private String indicators(String user, int year) throws Exception {
        return mvc.perform(get("/api/v1/community/indicators?year=" + year).header("Authorization", Api.bearer(Api.token(mvc, user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> indicator(String json, String id) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$.indicators[?(@.id == '" + id + "')]");
        assertThat(rows).as(id).hasSize(1);
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> year(String json, String id) {
        return (Map<String, Object>) indicator(json, id).get("year");
    }

    private static void expect(Map<String, Object> v, Double numerator, Double denominator, Double value, String status) {
        assertThat(v.get("numerator") == null ? null : ((Number) v.get("numerator")).doubleValue()).as("numerator of %s", v).isEqualTo(numerator);
        assertThat(v.get("denominator") == null ? null : ((Number) v.get("denominator")).doubleValue()).as("denominator of %s", v)
                .isEqualTo(denominator);
        assertThat(v.get("value") == null ? null : ((Number) v.get("value")).doubleValue()).as("value of %s", v).isEqualTo(value);
        assertThat(v.get("status")).as("status of %s", v).isEqualTo(status);
    }

    @Test
    void computedIndicatorsAreExactlyTheHandComputedOnes() throws Exception {
        String json = indicators("demo-admin", 2003);
        assertThat((String) JsonPath.read(json, "$.definitionsVersion")).isEqualTo("2026.1");
        expect(year(json, "MC07"), 40.0, 100.0, 40.0, "OK");
        expect(year(json, "MC12"), 10.0, 100.0, 10.0, "OK");
        expect(year(json, "MC08"), 820000.0, 900000.0, 91.11, "OK");
        expect(year(json, "MC09"), 200000.0, 820000.0, 24.39, "OK");
        expect(year(json, "MC10"), 945000.0, 4.0, 236250.0, "OK");
        expect(year(json, "MC11"), 4.0, 5.0, 80.0, "OK");
        expect(year(json, "MC15"), 6.0, 7.0, 85.71, "OK");
        assertThat(indicator(json, "MC10").get("growthPct")).as("no 2002 settlements").isNull();
        List<Map<String, Object>> jan = JsonPath.read(json, "$.indicators[?(@.id == 'MC08')].monthly[?(@.period == '2003-01')]");
        expect(jan.get(0), 550000.0, 630000.0, 87.3, "OK");
        List<Map<String, Object>> feb = JsonPath.read(json, "$.indicators[?(@.id == 'MC08')].monthly[?(@.period == '2003-02')]");
        expect(feb.get(0), 270000.0, 270000.0, 100.0, "OK");
        List<Map<String, Object>> mar = JsonPath.read(json, "$.indicators[?(@.id == 'MC08')].monthly[?(@.period == '2003-03')]");
        assertThat(mar.get(0).get("status")).isEqualTo("NO_DATA");
        List<Map<String, Object>> visitsMarch = JsonPath.read(json, "$.indicators[?(@.id == 'MC07')].monthly[?(@.period == '2003-03')]");
        expect(visitsMarch.get(0), 40.0, 100.0, 40.0, "OK");

        String next = indicators("demo-admin", 2004);
        expect(year(next, "MC10"), 945000.0, 4.0, 236250.0, "OK");
        assertThat(((Number) indicator(next, "MC10").get("growthPct")).doubleValue()).isEqualTo(0.0);
        assertThat(year(next, "MC07").get("status")).as("no 2004 visit totals").isEqualTo("NO_DATA");
    }

    @Test
    void referralIndicatorsComeFromTheReferralModuleAndQualitativeOnesAreNotFigures() throws Exception {
        // 2003 has no referrals: counted, and zero (the referral module provides the counts)
        String json = indicators("demo-admin", 2003);
        expect(year(json, "MC16"), 0.0, null, 0.0, "OK");
        expect(year(json, "MC01"), null, null, null, "QUALITATIVE");
        assertThat(indicator(json, "MC16").get("platform")).isEqualTo("REFERRAL");
        // this year: the demo's arrived upward referrals are counted
        int thisYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        Map<String, Object> up = year(indicators("demo-admin", thisYear), "MC16");
        assertThat(up.get("status")).isEqualTo("OK");
        assertThat(((Number) up.get("numerator")).longValue()).isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM referral WHERE direction = 'UP' AND status IN ('ARRIVED', 'COMPLETED') AND arrived_at >= :from "
                        + "AND arrived_at < :to AND community_id = (SELECT community_id FROM institution WHERE code = 'H001')")
                .param("from", java.time.LocalDate.of(thisYear, 1, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime())
                .param("to", java.time.LocalDate.of(thisYear + 1, 1, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime())
                .query(Long.class).single()).isPositive();
    }

    @Test
    void externalFiguresAreImportedAllOrNothingWithTheirSource() throws Exception {
        String admin = Api.token(mvc, "demo-admin");
        String bad = "indicator_id,period,value,source\nMC04,2003,1.8,人事派驻台账\nMC08,2003,90,医保局\nMC14,2003-13,12.5,死因监测\n";
        String body = mvc.perform(post("/api/v1/community/indicator-figures").header("Authorization", Api.bearer(admin))
                        .contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactly("3:indicator_id", "4:period");
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains("第 3 行 indicator_id").contains("line 3, field indicator_id");
        expect(year(indicators("demo-admin", 2003), "MC04"), null, null, null, "NEEDS_IMPORT");

        mvc.perform(post("/api/v1/community/indicator-figures").header("Authorization", Api.bearer(admin)).contentType("text/csv")
                .content("indicator_id,period,value,source\nMC04,2003,1.8,人事派驻台账\nMC13,2003-02,4.25,公卫慢病档案\n"))
                .andExpect(status().isOk());
        String json = indicators("demo-admin", 2003);
        Map<String, Object> mc04 = year(json, "MC04");
        expect(mc04, null, null, 1.8, "IMPORTED");
        assertThat(mc04.get("source")).isEqualTo("人事派驻台账");
        List<Map<String, Object>> feb = JsonPath.read(json, "$.indicators[?(@.id == 'MC13')].monthly[?(@.period == '2003-02')]");
        expect(feb.get(0), null, null, 4.25, "IMPORTED");

        mvc.perform(multipart("/community/indicators/figures")
                        .file(new MockMultipartFile("file", "f.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .session(login("demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("importProblems"));
    }

    @Test
    void townshipStaffSeeDefinitionsButNoCountyFigures() throws Exception {
        String token = Api.token(mvc, "demo-admin-a");
        mvc.perform(get("/api/v1/community/indicators?year=2003").header("Authorization", Api.bearer(token)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/community/indicator-figures").header("Authorization", Api.bearer(token)).contentType("text/csv")
                .content("indicator_id,period,value,source\nMC04,2003,9,x\n")).andExpect(status().isForbidden());
        MockHttpSession township = login("demo-admin-a");
        mvc.perform(get("/community/indicators?year=2003").session(township)).andExpect(status().isOk())
                .andExpect(content().string(containsString("医保基金县域内支出占比")))
                .andExpect(content().string(not(containsString("91.11"))))
                .andExpect(content().string(not(containsString("mc-trend"))));
        mvc.perform(get("/community/indicators/export.csv?year=2003").session(township)).andExpect(status().isForbidden());
        indicators("demo-quality", 2003); // the lead hospital's quality office sees the county figures
    }

    @Test
    void pageShowsValuesTrendAndDefinitionsAndTheExportIsAudited() throws Exception {
        MockHttpSession admin = login("demo-admin");
        mvc.perform(get("/community/indicators?year=2003").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("91.11 %")))
                .andExpect(content().string(containsString("待转诊模块")))
                .andExpect(content().string(containsString("data-months=\"[&quot;2003-01&quot;")))
                .andExpect(content().string(containsString("/js/community-indicators.js")))
                .andExpect(content().string(containsString("href=\"/community/indicators\"")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/js/community-indicators.js")).andExpect(status().isOk());
        long before = exports();
        String csv = mvc.perform(get("/community/indicators/export.csv?year=2003").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("definitions_version,indicator_id,name,platform,unit,period,numerator,denominator,value,status")
                .contains("2026.1,MC08,医保基金县域内支出占比（不含药店）,COMPUTED,%,2003,820000,900000,91.11,OK")
                .contains("2026.1,MC08,医保基金县域内支出占比（不含药店）,COMPUTED,%,2003-01,550000,630000,87.3,OK");
        assertThat(exports()).isEqualTo(before + 1);
        mvc.perform(get("/community/indicators").session(login("demo-auditor"))).andExpect(status().isForbidden());
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND entity = 'community_indicator' "
                + "AND actor = 'demo-admin'").query(Long.class).single();
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }
}
