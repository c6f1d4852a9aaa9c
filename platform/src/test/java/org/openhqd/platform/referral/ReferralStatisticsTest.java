package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.outpatient.MonthRange;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of the referral statistics against values worked out by hand from the fourteen
 * referrals of {@link ReferralStatisticsFixture} (March–April 2003, Beijing time). The comments
 * give the referrals (R1–R14) each figure is made of.
 */
@DemoPlatformTest
class ReferralStatisticsTest {

    private static final MonthRange MARCH_APRIL = new MonthRange(YearMonth.of(2003, 3), YearMonth.of(2003, 4));

    @Autowired
    ReferralStatistics statistics;
    @Autowired
    JdbcClient jdbc;

    ReferralStatisticsFixture f;

    @BeforeEach
    void fixture() {
        f = new ReferralStatisticsFixture(jdbc);
    }

    @Test
    void percentilesInterpolateBetweenTheClosestRanksAsPostgresPercentileContDoes() {
        assertThat(Percentiles.of(List.of(), 0.5)).isNull();
        assertThat(Percentiles.of(List.of(7.0), 0.9)).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of(4.0, 1.0, 3.0, 2.0), 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.of(List.of(24.0, 1.0, 2.0, 3.0, 4.0, 6.0, 10.0, 20.0), 0.9)).isCloseTo(21.2, within());
        assertThat(Percentiles.of(List.of(2.0, 8.0), 0.9)).isCloseTo(7.4, within());
    }

    @Test
    void theCommunityFiguresPerMonthAndOverTheRange() {
        ReferralDashboard d = statistics.dashboard(DataScope.community(f.community), MARCH_APRIL, DashboardLevel.INSTITUTION);
        assertThat(d.definitionsVersion()).isEqualTo("2026.1");
        assertThat(d.trend()).extracting(ReferralDashboard.Row::month).containsExactly("2003-03", "2003-04");

        ReferralFigures march = d.trend().get(0).figures();
        // submitted: R1 R2 R3 R4 R6 R8 R9 up, R10 R11 down; not the draft R13, not the retro-entered R7, not R14 (February)
        assertThat(march.submitted()).isEqualTo(new ReferralFigures.Counts(7, 2, 9));
        assertThat(march.accepted()).isEqualTo(new ReferralFigures.Counts(5, 1, 6)); // R1 R2 R4 R8 R9, R10
        assertThat(march.rejected()).isEqualTo(new ReferralFigures.Counts(1, 1, 2)); // R3, R11
        assertThat(march.expired()).isEqualTo(new ReferralFigures.Counts(1, 0, 1)); // R6
        assertThat(march.arrived()).isEqualTo(new ReferralFigures.Counts(6, 1, 7)); // R1 R2 R7 R8 R9 R14, R10
        assertThat(march.acceptanceRate()).isEqualTo(new ReferralFigures.Rate(6, 9, 66.7));
        // hours 1 2 3 4 6 10 20 24 (R4 R1 R11 R9 R2 R10 R8 R3): median (4+6)/2, P90 at rank 6.3 = 20 + 0.3 × 4
        assertThat(march.acceptanceHours()).isEqualTo(new ReferralFigures.Durations(8, 5.0, 21.2));
        // days 1 2 2 3 3 4 (R9 R1 R10 R8 R14 R2): median (2+3)/2, P90 at rank 4.5 = 3 + 0.5 × 1
        assertThat(march.arrivalDays()).isEqualTo(new ReferralFigures.Durations(6, 2.5, 3.5));

        ReferralFigures april = d.trend().get(1).figures();
        assertThat(april.submitted()).isEqualTo(new ReferralFigures.Counts(1, 1, 2)); // R5 (07:00 Beijing, still March in UTC), R12
        assertThat(april.accepted()).isEqualTo(new ReferralFigures.Counts(1, 1, 2));
        assertThat(april.rejected().total()).isZero();
        assertThat(april.arrived()).isEqualTo(new ReferralFigures.Counts(1, 1, 2));
        assertThat(april.acceptanceRate()).isEqualTo(new ReferralFigures.Rate(2, 2, 100.0));
        assertThat(april.acceptanceHours()).isEqualTo(new ReferralFigures.Durations(2, 5.0, 7.4)); // 2 8
        assertThat(april.arrivalDays()).isEqualTo(new ReferralFigures.Durations(2, 6.0, 9.2)); // 2 10

        ReferralFigures total = d.total().figures();
        assertThat(total.submitted()).isEqualTo(new ReferralFigures.Counts(8, 3, 11));
        assertThat(total.accepted()).isEqualTo(new ReferralFigures.Counts(6, 2, 8));
        assertThat(total.rejected()).isEqualTo(new ReferralFigures.Counts(1, 1, 2));
        assertThat(total.expired()).isEqualTo(new ReferralFigures.Counts(1, 0, 1));
        assertThat(total.arrived()).isEqualTo(new ReferralFigures.Counts(7, 2, 9));
        assertThat(total.acceptanceRate()).isEqualTo(new ReferralFigures.Rate(8, 11, 72.7));
        // 1 2 2 3 4 6 8 10 20 24: the retro-entered R7 (0.5 h) would pull both down
        assertThat(total.acceptanceHours()).isEqualTo(new ReferralFigures.Durations(10, 5.0, 20.4));
        // 1 2 2 2 3 3 4 10: P90 at rank 6.3 = 4 + 0.3 × 6
        assertThat(total.arrivalDays()).isEqualTo(new ReferralFigures.Durations(8, 2.5, 5.8));
    }

    @Test
    void eachInstitutionAsSenderAndAsReceiver() {
        ReferralDashboard d = statistics.dashboard(DataScope.community(f.community), MARCH_APRIL, DashboardLevel.INSTITUTION);

        ReferralFigures t1Sent = row(d, ReferralDashboard.View.SENDING, f.t1, null);
        assertThat(t1Sent.submitted()).isEqualTo(new ReferralFigures.Counts(6, 0, 6)); // R1–R6
        assertThat(t1Sent.accepted().up()).isEqualTo(4); // R1 R2 R4 R5
        assertThat(t1Sent.arrived()).isEqualTo(new ReferralFigures.Counts(5, 0, 5)); // R1 R2 R5 R7 R14
        assertThat(t1Sent.acceptanceRate()).isEqualTo(new ReferralFigures.Rate(4, 6, 66.7));
        assertThat(t1Sent.acceptanceHours()).isEqualTo(new ReferralFigures.Durations(5, 6.0, 17.6)); // 1 2 6 8 24
        assertThat(t1Sent.arrivalDays()).isEqualTo(new ReferralFigures.Durations(4, 2.5, 3.7)); // 2 2 3 4

        ReferralFigures t1Received = row(d, ReferralDashboard.View.RECEIVING, f.t1, null);
        assertThat(t1Received.submitted()).isEqualTo(new ReferralFigures.Counts(0, 1, 1)); // R10
        assertThat(t1Received.arrived()).isEqualTo(new ReferralFigures.Counts(0, 1, 1));

        ReferralFigures hospitalReceived = row(d, ReferralDashboard.View.RECEIVING, f.hospital, "2003-03");
        assertThat(hospitalReceived.submitted()).isEqualTo(new ReferralFigures.Counts(7, 0, 7));
        assertThat(hospitalReceived.arrived()).isEqualTo(new ReferralFigures.Counts(6, 0, 6));
        assertThat(d.rows()).filteredOn(r -> r.view() == ReferralDashboard.View.SENDING && r.month() == null)
                .extracting(ReferralDashboard.Row::institutionName)
                .containsExactlyInAnyOrder(ReferralStatisticsFixture.HOSPITAL, ReferralStatisticsFixture.T1, ReferralStatisticsFixture.V1,
                        ReferralStatisticsFixture.T2);

        // 下转率: the county hospital's completed down-referrals (R10, R12) ÷ completed up-referrals it received
        assertThat(d.downReferralRates()).extracting(ReferralDashboard.DownReferralRate::institutionId,
                        ReferralDashboard.DownReferralRate::month, ReferralDashboard.DownReferralRate::downSent,
                        ReferralDashboard.DownReferralRate::upReceived, ReferralDashboard.DownReferralRate::ratePercent)
                .containsExactly(tuple(null, null, 2L, 7L, 28.6), tuple(null, "2003-03", 1L, 6L, 16.7),
                        tuple(null, "2003-04", 1L, 1L, 100.0),
                        tuple(f.hospital, null, 2L, 7L, 28.6), tuple(f.hospital, "2003-03", 1L, 6L, 16.7),
                        tuple(f.hospital, "2003-04", 1L, 1L, 100.0));
    }

    @Test
    void topReferredUpDiseasesByCategoryForTheCommunityAndEachSender() {
        ReferralDashboard d = statistics.dashboard(DataScope.community(f.community), MARCH_APRIL, DashboardLevel.INSTITUTION);
        // nine upward referrals sent: R1 R2 R3 R4 R5 R6 R7 (retro-entered, by arrival) R8 R9; not R14 (February) nor the draft
        assertThat(d.topDiseases()).filteredOn(t -> t.sendingInstitutionId() == null)
                .extracting(ReferralDashboard.DiseaseRank::rank, ReferralDashboard.DiseaseRank::category,
                        ReferralDashboard.DiseaseRank::count, ReferralDashboard.DiseaseRank::outOf,
                        ReferralDashboard.DiseaseRank::sharePercent)
                .containsExactly(tuple(1, "I63", 3L, 9L, 33.3), tuple(2, "I21", 2L, 9L, 22.2), tuple(3, "J18", 2L, 9L, 22.2),
                        tuple(4, "K35", 1L, 9L, 11.1), tuple(5, "N18", 1L, 9L, 11.1));
        assertThat(d.topDiseases().get(0).codes()).containsExactly(new ReferralDashboard.CodeCount("I63.900", 2),
                new ReferralDashboard.CodeCount("I63.901", 1));
        assertThat(d.topDiseases()).filteredOn(t -> Long.valueOf(f.t1).equals(t.sendingInstitutionId()))
                .extracting(ReferralDashboard.DiseaseRank::category, ReferralDashboard.DiseaseRank::count,
                        ReferralDashboard.DiseaseRank::sharePercent)
                .containsExactly(tuple("I63", 3L, 42.9), tuple("I21", 2L, 28.6), tuple("J18", 1L, 14.3), tuple("K35", 1L, 14.3));
        assertThat(d.topDiseases()).filteredOn(t -> Long.valueOf(f.v1).equals(t.sendingInstitutionId()))
                .extracting(ReferralDashboard.DiseaseRank::category, ReferralDashboard.DiseaseRank::sharePercent)
                .containsExactly(tuple("J18", 100.0));
        assertThat(d.topDiseases()).noneMatch(t -> Long.valueOf(f.hospital).equals(t.sendingInstitutionId())); // sends only downward
    }

    @Test
    void communityLevelHasOnlyTheWholeScope() {
        ReferralDashboard d = statistics.dashboard(DataScope.community(f.community), MARCH_APRIL, DashboardLevel.COMMUNITY);
        assertThat(d.level()).isEqualTo("community");
        assertThat(d.rows()).allMatch(r -> r.view() == ReferralDashboard.View.COMMUNITY && r.institutionId() == null).hasSize(3);
        assertThat(d.topDiseases()).allMatch(t -> t.sendingInstitutionId() == null).hasSize(5);
        assertThat(d.downReferralRates()).allMatch(r -> r.institutionId() == null).hasSize(3);
        assertThat(d.total().figures().arrived()).isEqualTo(new ReferralFigures.Counts(7, 2, 9));
    }

    @Test
    void aTownshipSeesOnlyReferralsThatInvolveItsSubtree() {
        // T1 and its village clinic V1: R1–R8, R10, R14; nothing of T2 (R9, R11, R12)
        ReferralDashboard d = statistics.dashboard(DataScope.subtree(f.community, path(f.t1)), MARCH_APRIL, DashboardLevel.INSTITUTION);
        assertThat(d.total().figures().submitted()).isEqualTo(new ReferralFigures.Counts(7, 1, 8));
        assertThat(d.total().figures().arrived()).isEqualTo(new ReferralFigures.Counts(6, 1, 7));
        assertThat(d.rows()).extracting(ReferralDashboard.Row::institutionId).doesNotContain(f.t2);
        assertThat(d.topDiseases()).extracting(ReferralDashboard.DiseaseRank::category).doesNotContain("N18");
        // the county hospital appears as the other side, with only T1's referrals behind it
        assertThat(row(d, ReferralDashboard.View.RECEIVING, f.hospital, null).submitted()).isEqualTo(new ReferralFigures.Counts(7, 0, 7));
        assertThat(d.downReferralRates()).filteredOn(r -> r.month() == null).extracting(ReferralDashboard.DownReferralRate::institutionId,
                ReferralDashboard.DownReferralRate::downSent, ReferralDashboard.DownReferralRate::upReceived)
                .containsExactly(tuple(null, 1L, 6L), tuple(f.hospital, 1L, 6L));
    }

    @Test
    void completedCountsForTheCommunityIndicators() {
        CompletedReferrals c = statistics.counts(f.community, YearMonth.of(2003, 3), YearMonth.of(2003, 4));
        assertThat(c.up()).isEqualTo(7); // R1 R2 R5 R7 R8 R9 R14
        assertThat(c.down()).isEqualTo(2); // R10 R12
        assertThat(c.institutions()).extracting(CompletedReferrals.Institution::institutionId, CompletedReferrals.Institution::upSent,
                        CompletedReferrals.Institution::upReceived, CompletedReferrals.Institution::downSent,
                        CompletedReferrals.Institution::downReceived)
                .containsExactlyInAnyOrder(tuple(f.hospital, 0L, 7L, 2L, 0L), tuple(f.t1, 5L, 0L, 0L, 1L), tuple(f.v1, 1L, 0L, 0L, 0L),
                        tuple(f.t2, 1L, 0L, 0L, 1L));
        // R14 arrived on 2 March: in March, not February; R5 arrived 3 April
        assertThat(statistics.counts(f.community, YearMonth.of(2003, 2), YearMonth.of(2003, 2)).up()).isZero();
        assertThat(statistics.counts(f.community, java.time.LocalDate.of(2003, 4, 1), java.time.LocalDate.of(2003, 4, 3)).up()).isZero();
        assertThat(statistics.counts(f.community, java.time.LocalDate.of(2003, 4, 1), java.time.LocalDate.of(2003, 4, 4)).up()).isEqualTo(1);
    }

    private String path(long institution) {
        return jdbc.sql("SELECT path FROM institution WHERE id = :id").param("id", institution).query(String.class).single();
    }

    private static ReferralFigures row(ReferralDashboard d, ReferralDashboard.View view, long institution, String month) {
        return d.rows().stream().filter(r -> r.view() == view && r.institutionId() == institution
                        && java.util.Objects.equals(r.month(), month))
                .findFirst().orElseThrow(() -> new AssertionError(view + " " + institution + " " + month)).figures();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
