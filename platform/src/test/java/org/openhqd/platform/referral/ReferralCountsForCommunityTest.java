package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.community.ReferralCounts;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** MC16/MC17 count arrived referrals only, by direction and arrival day. */
@DemoPlatformTest
class ReferralCountsForCommunityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralCounts counts;

    @Test
    void onlyArrivedReferralsCountByDirection() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long hospital = f.institution("H001");
        long community = jdbc.sql("SELECT community_id FROM institution WHERE id = :h").param("h", hospital).query(Long.class).single();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ReferralCounts.Counts before = counts.count(community, today, today.plusDays(1)).orElseThrow();

        long arrived = ReferralFixture.id(f.create("demo-doctor-a", f.patient("T001", 40), hospital, "UP", "").andExpect(status().isCreated()));
        f.action("demo-doctor", arrived, "accept", null).andExpect(status().isOk());
        f.action("demo-doctor", arrived, "arrive", null).andExpect(status().isOk());
        long onlyAccepted = ReferralFixture.id(f.create("demo-doctor-a", f.patient("T001", 41), hospital, "UP", "").andExpect(status().isCreated()));
        f.action("demo-doctor", onlyAccepted, "accept", null).andExpect(status().isOk());

        ReferralCounts.Counts after = counts.count(community, today, today.plusDays(1)).orElseThrow();
        assertThat(after.up()).isEqualTo(before.up() + 1);   // the accepted one is not a completed referral
        assertThat(after.down()).isEqualTo(before.down());
        // the day after is another period
        assertThat(counts.count(community, today.plusDays(1), today.plusDays(2)).orElseThrow()).isEqualTo(new ReferralCounts.Counts(0, 0));
    }
}
