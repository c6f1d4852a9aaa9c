package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The referral dashboard's page, API and export over the fixture community of
 * {@link ReferralStatisticsFixture}: the figures reach every output, townships see only their own
 * referrals, and an export is audited.
 */
@DemoPlatformTest
class ReferralDashboardTest {

    private static final String RANGE = "?from=2003-03&to=2003-04";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ReferralStatisticsFixture f;

    @BeforeEach
    void fixture() {
        f = new ReferralStatisticsFixture(jdbc);
    }

    @Test
    void theApiGivesTheFiguresOfTheCallersCommunity() throws Exception {
        mvc.perform(get("/api/v1/referrals/statistics" + RANGE + "&level=institution").header("Authorization", token("rds-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.definitionsVersion").value("2026.1"))
                .andExpect(jsonPath("$.total.figures.submitted.up").value(8))
                .andExpect(jsonPath("$.total.figures.arrived.down").value(2))
                .andExpect(jsonPath("$.total.figures.acceptanceRate.percent").value(72.7))
                .andExpect(jsonPath("$.total.figures.acceptanceHours.p90").value(20.4))
                .andExpect(jsonPath("$.total.figures.arrivalDays.median").value(2.5))
                .andExpect(jsonPath("$.topDiseases[0].category").value("I63"))
                .andExpect(jsonPath("$.downReferralRates[0].ratePercent").value(28.6))
                .andExpect(content().string(containsString(ReferralStatisticsFixture.T2)));
        mvc.perform(get("/api/v1/referrals/statistics" + RANGE + "&level=province").header("Authorization", token("rds-admin")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/referrals/statistics?from=2003-05&to=2003-01").header("Authorization", token("rds-admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aTownshipSeesItsOwnReferralsAndNothingOfItsSibling() throws Exception {
        String t1 = body(mvc.perform(get("/api/v1/referrals/statistics" + RANGE).header("Authorization", token("rds-doctor-t1"))));
        assertThat(t1).contains(ReferralStatisticsFixture.T1, ReferralStatisticsFixture.V1, ReferralStatisticsFixture.HOSPITAL)
                .doesNotContain(ReferralStatisticsFixture.T2, "N18");
        String t2 = body(mvc.perform(get("/api/v1/referrals/statistics" + RANGE).header("Authorization", token("rds-doctor-t2"))));
        assertThat(t2).contains(ReferralStatisticsFixture.T2).doesNotContain(ReferralStatisticsFixture.T1, ReferralStatisticsFixture.V1,
                "I63", "J18");
        MockHttpSession session = login("rds-doctor-t2");
        assertThat(body(mvc.perform(get("/referrals/dashboard" + RANGE).session(session))))
                .contains(ReferralStatisticsFixture.T2, "N18").doesNotContain(ReferralStatisticsFixture.T1, ReferralStatisticsFixture.V1);
        assertThat(body(mvc.perform(get("/referrals/dashboard/export.csv" + RANGE).session(session))))
                .contains(ReferralStatisticsFixture.T2).doesNotContain(ReferralStatisticsFixture.T1, ReferralStatisticsFixture.V1);
        // another community's admin sees none of it
        assertThat(body(mvc.perform(get("/api/v1/referrals/statistics" + RANGE).header("Authorization", token("demo-admin")))))
                .doesNotContain(ReferralStatisticsFixture.T1, ReferralStatisticsFixture.T2, ReferralStatisticsFixture.HOSPITAL);
    }

    @Test
    void thePageShowsTableTopDiseasesChartDataAndDefinitions() throws Exception {
        mvc.perform(get("/referrals/dashboard" + RANGE).session(login("rds-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("转诊统计")))
                .andExpect(content().string(containsString(ReferralStatisticsFixture.V1)))
                .andExpect(content().string(containsString("I63.900 ×2")))
                .andExpect(content().string(containsString("28.6%")))
                .andExpect(content().string(containsString("72.7%")))
                .andExpect(content().string(containsString("下转患者人次数"))) // the MC17 reference in the definitions
                .andExpect(content().string(containsString("data-months=\"[&quot;2003-03&quot;,&quot;2003-04&quot;]\"")))
                .andExpect(content().string(containsString("data-up-arrived=\"[6,1]\"")))
                .andExpect(content().string(containsString("/js/referral-dashboard.js")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/js/referral-dashboard.js")).andExpect(status().isOk());
        mvc.perform(get("/referrals").session(login("rds-admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/referrals/dashboard\"")));
        mvc.perform(get("/referrals/dashboard").session(login("demo-auditor"))).andExpect(status().isForbidden());
    }

    @Test
    void theExportIsAuditedAndCarriesTheFigures() throws Exception {
        long before = exports();
        String csv = body(mvc.perform(get("/referrals/dashboard/export.csv" + RANGE + "&level=institution").session(login("rds-admin")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("referral-dashboard-2003-03-2003-04.csv"))));
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(csv).startsWith("\uFEFFdefinitions_version,view,month")
                // the whole scope over the range: submitted 8/3, accepted 6/2, rejected 1/1, expired 1/0, arrived 7/2,
                // acceptance 8 of 11, hours n=10 5.0/20.4, days n=8 2.5/5.8
                .contains("2026.1,COMMUNITY,2003-03..2003-04,,,8,3,6,2,1,1,1,0,7,2,8,11,72.7,10,5.0,20.4,8,2.5,5.8\n")
                .contains("2026.1,2003-03..2003-04,,,1,I63,3,9,33.3,I63.900,2\n")
                .contains("2026.1,2003-03..2003-04," + f.hospital + "," + ReferralStatisticsFixture.HOSPITAL + ",2,7,28.6\n");
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND entity = 'referral_statistics' "
                + "AND actor = 'rds-admin'").query(Long.class).single();
    }

    private String token(String user) throws Exception {
        return Api.bearer(Api.token(mvc, user));
    }

    private MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(Api.PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    private static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
