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
import java.math.BigDecimal;
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
 * Hand-computed clearings over the {@link CommunityFixture} spend (900,000 actual, members H001
 * 600,000, T001 150,000, T002 50,000), in years no other test uses:
 * <ul>
 *   <li>2003 surplus: FIXED budget 1,000,000 − 900,000 − audit deduction 10,000 = 90,000; score 85 of 90
 *     (floor 60) retains 90,000 × 85/90 = 85,000, 5,000 returns to the fund. Weighted keys 50/30/20:
 *     H 0.5·600/800 + 0.3·10,000/20,000 + 0.2·90/250 = 59.7 % → 50,745.00; T001 0.5·150/800 + 0.3·6,000/20,000
 *     + 0.2·80/250 = 24.775 % → 21,058.75; T002 0.5·50/800 + 0.3·4,000/20,000 + 0.2·80/250 = 15.525 % → 13,196.25
 *     (primaries 40.3 % ≥ the 40 % minimum: no adjustment).</li>
 *   <li>2004 overspend within the band: FIXED 800,000 − 900,000 = −100,000; band 15 % = 120,000, so all of it is
 *     reasonable; the fund bears 60 % = 60,000, the community 40,000, by fixed shares 60/25/15:
 *     −24,000.00, −10,000.00, −6,000.00.</li>
 *   <li>2005 overspend beyond the band: PER_CAPITA 1,000 × 1,000 − 10 % reserve − 50,000 premium − 50,000
 *     carve-outs = 800,000; − 900,000 − deduction 20,000 = −120,000; band 10 % = 80,000 reasonable, fund 50 % of it
 *     = 40,000; the community bears 40,000 + 40,000 beyond the band = 80,000, by workload only:
 *     H 75 % −60,000.00, T001 18.75 % −15,000.00, T002 6.25 % −5,000.00.</li>
 * </ul>
 */
@DemoPlatformTest
class BundledPaymentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static boolean loaded;
    static long h;
    static long t1;
    static long t2;

    @BeforeEach
    void fixture() throws Exception {
        if (loaded) {
            return;
        }
        CommunityFixture f = new CommunityFixture(mvc, jdbc);
        h = f.institution("H001");
        t1 = f.institution("T001");
        t2 = f.institution("T002");
        for (int year : new int[] {2003, 2004, 2005}) {
            f.importSettlements(year);
        }
        f.settings("""
                {"year":2003,"budgetRule":"FIXED","budgetAmount":1000000,"auditDeduction":10000,
                 "retentionRule":"SCORE_SCALED","assessmentScore":85,"retentionFullScore":90,"retentionFloorScore":60,
                 "retentionCapPct":20,"overspendBandPct":10,"insurerSharePct":50,
                 "distributionRule":"WEIGHTED_KEYS","weightWorkloadPct":50,"weightPopulationPct":30,"weightScorePct":20,
                 "primaryMinPct":40,"members":[
                   {"institutionId":%d,"attributedPopulation":10000,"assessmentScore":90,"fixedSharePct":0},
                   {"institutionId":%d,"attributedPopulation":6000,"assessmentScore":80,"fixedSharePct":0},
                   {"institutionId":%d,"attributedPopulation":4000,"assessmentScore":80,"fixedSharePct":0}]}"""
                .formatted(h, t1, t2));
        f.settings("""
                {"year":2004,"budgetRule":"FIXED","budgetAmount":800000,"retentionRule":"FULL",
                 "overspendBandPct":15,"insurerSharePct":60,"distributionRule":"FIXED_SHARES","members":[
                   {"institutionId":%d,"attributedPopulation":0,"assessmentScore":0,"fixedSharePct":60},
                   {"institutionId":%d,"attributedPopulation":0,"assessmentScore":0,"fixedSharePct":25},
                   {"institutionId":%d,"attributedPopulation":0,"assessmentScore":0,"fixedSharePct":15}]}"""
                .formatted(h, t1, t2));
        f.settings("""
                {"year":2005,"budgetRule":"PER_CAPITA","insuredPopulation":1000,"perCapitaAmount":1000,"riskReservePct":10,
                 "criticalIllnessPremium":50000,"carveOuts":50000,"communitySharePct":100,"auditDeduction":20000,
                 "retentionRule":"FULL","overspendBandPct":10,"insurerSharePct":50,
                 "distributionRule":"WEIGHTED_KEYS","weightWorkloadPct":100,"primaryMinPct":30}""");
        loaded = true;
    }

    private String report(String user, int year) throws Exception {
        return mvc.perform(get("/api/v1/community/bundled-payment?year=" + year).header("Authorization", Api.bearer(Api.token(mvc, user))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static BigDecimal step(String json, String key) {
        List<Object> v = JsonPath.read(json, "$.steps[?(@.key == '" + key + "')].amount");
        assertThat(v).as("step %s", key).hasSize(1);
        return new BigDecimal(String.valueOf(v.get(0)));
    }

    private static BigDecimal share(String json, long institution) {
        List<Object> v = JsonPath.read(json, "$.shares[?(@.institutionId == " + institution + ")].amount");
        assertThat(v).as("share of %s", institution).hasSize(1);
        return new BigDecimal(String.valueOf(v.get(0)));
    }

    private static void amount(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void surplusIsRetainedByScoreAndSplitByWeightedKeys() throws Exception {
        String json = report("demo-admin", 2003);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("COMPLETE");
        assertThat((String) JsonPath.read(json, "$.view")).isEqualTo("WHOLE_COMMUNITY");
        amount(step(json, "budget"), "1000000.00");
        amount(step(json, "memberSpend"), "800000.00");
        amount(step(json, "otherInCountySpend"), "20000.00");
        amount(step(json, "outOfCountySpend"), "80000.00");
        amount(step(json, "actualSpend"), "900000.00");
        amount(step(json, "balance"), "90000.00");
        amount(step(json, "retained"), "85000.00");
        amount(step(json, "returnedToFund"), "5000.00");
        amount(step(json, "retentionCap"), "200000.00");
        amount(step(json, "distributable"), "85000.00");
        amount(share(json, h), "50745.00");
        amount(share(json, t1), "21058.75");
        amount(share(json, t2), "13196.25");
        amount(share(json, new CommunityFixture(mvc, jdbc).institution("T003")), "0.00");
        assertThat(JsonPath.<List<String>>read(json, "$.steps[?(@.key == 'balance')].formula").get(0))
                .isEqualTo("1000000.00 − 900000.00 − 10000.00");
        List<String> formula = JsonPath.read(json, "$.shares[?(@.institutionId == " + t1 + ")].formula");
        assertThat(formula.get(0)).contains("workload 50% × 150000/800000").contains("population 30% × 6000/20000")
                .contains("score 20% × 80/250").contains("= 24.7750%");
        List<String> providers = JsonPath.read(json, "$.outsideProviders[*].providerName");
        assertThat(providers).containsExactly("市第一人民医院");
    }

    @Test
    void overspendWithinTheBandIsSharedWithTheFund() throws Exception {
        String json = report("demo-admin", 2004);
        amount(step(json, "balance"), "-100000.00");
        amount(step(json, "overspend"), "100000.00");
        amount(step(json, "reasonableBand"), "120000.00");
        amount(step(json, "reasonableOverspend"), "100000.00");
        amount(step(json, "unreasonableOverspend"), "0.00");
        amount(step(json, "fundBears"), "60000.00");
        amount(step(json, "communityBears"), "40000.00");
        amount(step(json, "distributable"), "-40000.00");
        amount(share(json, h), "-24000.00");
        amount(share(json, t1), "-10000.00");
        amount(share(json, t2), "-6000.00");
        List<Object> retained = JsonPath.read(json, "$.steps[?(@.key == 'retained')]");
        assertThat(retained).isEmpty();
    }

    @Test
    void overspendBeyondTheBandIsBorneByTheCommunity() throws Exception {
        String json = report("demo-admin", 2005);
        amount(step(json, "pooledIncome"), "1000000.00");
        amount(step(json, "riskReserve"), "100000.00");
        amount(step(json, "availableFund"), "800000.00");
        amount(step(json, "budget"), "800000.00");
        amount(step(json, "balance"), "-120000.00");
        amount(step(json, "reasonableOverspend"), "80000.00");
        amount(step(json, "unreasonableOverspend"), "40000.00");
        amount(step(json, "fundBears"), "40000.00");
        amount(step(json, "communityBears"), "80000.00");
        amount(share(json, h), "-60000.00");
        amount(share(json, t1), "-15000.00");
        amount(share(json, t2), "-5000.00");
        // the primary minimum applies to a surplus only: an overspend is borne by workload
        assertThat(JsonPath.<List<String>>read(json, "$.shares[?(@.institutionId == " + t2 + ")].formula").get(0))
                .doesNotContain("minimum");
    }

    @Test
    void aBadSettlementFileIsRejectedWholeNamingLineAndField() throws Exception {
        String csv = SettlementCsv.HEADER + "\n"
                + "BAD-1,P0100,H001,,Y,INPATIENT,2006-03-01,1000,800\n"
                + "BAD-2,110101199001011234,T001,,Y,OUTPATIENT,2006-03-02,100,50\n"
                + "BAD-3,P0102,T001,,N,OUTPATIENT,2006-03-02,100,150\n";
        String body = mvc.perform(post("/api/v1/community/settlements").header("Authorization", Api.bearer(Api.token(mvc, "demo-admin")))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.detail")).contains("未导入任何数据").contains("nothing was imported");
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field"))
                .containsExactly("3:insured_ref", "4:in_county", "4:fund_payment");
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains("第 3 行 insured_ref").contains("line 3, field insured_ref")
                .contains("身份证号").contains("identity number");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insurance_settlement WHERE settlement_id LIKE 'BAD-%'").query(Long.class).single())
                .as("the good line was not imported either").isZero();

        mvc.perform(multipart("/community/bundled-payment/settlements")
                        .file(new MockMultipartFile("file", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(login("demo-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("importProblems"));
    }

    @Test
    void townshipStaffSeeTheTotalsAndOnlyTheirOwnShare() throws Exception {
        String json = report("demo-admin-a", 2003);
        assertThat((String) JsonPath.read(json, "$.view")).isEqualTo("OWN_SHARE");
        List<Integer> visible = JsonPath.read(json, "$.shares[*].institutionId");
        assertThat(visible).containsExactly((int) t1);
        amount(share(json, t1), "21058.75");
        amount(step(json, "balance"), "90000.00");
        assertThat((Object) JsonPath.read(json, "$.settings")).isNull();
        assertThat((List<?>) JsonPath.read(json, "$.outsideProviders")).isEmpty();
        String sibling = jdbc.sql("SELECT name FROM institution WHERE id = :i").param("i", t2).query(String.class).single();
        String hospital = jdbc.sql("SELECT name FROM institution WHERE id = :i").param("i", h).query(String.class).single();
        assertThat(json).doesNotContain(sibling).doesNotContain(hospital).doesNotContain("市第一人民医院");
        mvc.perform(get("/community/bundled-payment?year=2003").session(login("demo-doctor-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("21058.75")))
                .andExpect(content().string(not(containsString(sibling))))
                .andExpect(content().string(not(containsString("13196.25"))));

        // a village clinic is not a member of its own: no share at all, and never its centre's
        String village = report("demo-village-a", 2003);
        assertThat((List<?>) JsonPath.read(village, "$.shares")).isEmpty();

        String token = Api.token(mvc, "demo-admin-a");
        mvc.perform(get("/api/v1/community/bundled-payment/settings?year=2003").header("Authorization", Api.bearer(token)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/community/settlements").header("Authorization", Api.bearer(token)).contentType("text/csv")
                .content(CommunityFixture.settlements(2007))).andExpect(status().isForbidden());
        mvc.perform(get("/community/bundled-payment").session(login("demo-auditor"))).andExpect(status().isForbidden());
    }

    @Test
    void theLeadHospitalsInsuranceOfficeSeesTheWholeCommunity() throws Exception {
        String json = report("demo-insurance", 2003);
        assertThat((String) JsonPath.read(json, "$.view")).isEqualTo("WHOLE_COMMUNITY");
        List<Integer> members = JsonPath.read(json, "$.shares[*].institutionId");
        assertThat(members).contains((int) h, (int) t1, (int) t2);
    }

    @Test
    void pageShowsTheCalculationSheetAndSavesSettingsFromTheForm() throws Exception {
        MockHttpSession admin = login("demo-admin");
        mvc.perform(get("/community/bundled-payment?year=2003").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("医保打包付费模拟")))
                .andExpect(content().string(containsString("医共体留用结余")))
                .andExpect(content().string(containsString("1000000.00 − 900000.00 − 10000.00")))
                .andExpect(content().string(containsString("50745.00")))
                .andExpect(content().string(containsString("name=\"population_" + t1 + "\"")))
                .andExpect(content().string(containsString("href=\"/community/bundled-payment\"")));
        mvc.perform(post("/community/bundled-payment/settings").session(admin).with(csrf()).param("year", "2008")
                        .param("budgetRule", "FIXED").param("budgetAmount", "abc").param("retentionRule", "FULL")
                        .param("distributionRule", "FIXED_SHARES"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("settingsProblem", containsString("budgetAmount")));
        mvc.perform(post("/community/bundled-payment/settings").session(admin).with(csrf()).param("year", "2008")
                        .param("budgetRule", "FIXED").param("budgetAmount", "500000").param("retentionRule", "FULL")
                        .param("distributionRule", "FIXED_SHARES").param("fixed_" + h, "70").param("fixed_" + t1, "30"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("saved"));
        String json = report("demo-admin", 2008);
        amount(step(json, "budget"), "500000.00");
        amount(share(json, h), "350000.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'payment_settings' AND entity_id LIKE '%/2008'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }
}
