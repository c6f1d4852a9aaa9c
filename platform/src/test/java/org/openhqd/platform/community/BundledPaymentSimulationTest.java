package org.openhqd.platform.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.community.PaymentRules.BudgetRule;
import org.openhqd.platform.community.PaymentRules.DistributionRule;
import org.openhqd.platform.community.PaymentRules.RetentionRule;

/** The simulation on its own: the primary minimum, score floors and caps, and fen-exact rounding. */
class BundledPaymentSimulationTest {

    private static final CommunityMembers.Member H = new CommunityMembers.Member(1, "H", "县医院", false, "/1/");
    private static final CommunityMembers.Member A = new CommunityMembers.Member(2, "A", "甲卫生院", true, "/2/");
    private static final CommunityMembers.Member B = new CommunityMembers.Member(3, "B", "乙卫生院", true, "/3/");
    private static final List<CommunityMembers.Member> MEMBERS = List.of(H, A, B);
    private static final Map<Long, CommunityMembers.Member> MEMBER_OF = Map.of(1L, H, 2L, A, 3L, B);

    private static SpendCell spend(long institution, String fund) {
        return new SpendCell(institution, true, VisitType.INPATIENT, 1, 1, new BigDecimal(fund), new BigDecimal(fund));
    }

    private static PaymentSettings settings(String budget, RetentionRule retention, String score, String cap, String primaryMin) {
        return new PaymentSettings(2030, BudgetRule.FIXED, new BigDecimal(budget), null, null, null, null, null, null, null,
                retention, score == null ? null : new BigDecimal(score), new BigDecimal("90"), new BigDecimal("60"),
                cap == null ? null : new BigDecimal(cap), null, null, DistributionRule.WEIGHTED_KEYS, new BigDecimal("100"), null,
                null, new BigDecimal(primaryMin), List.of());
    }

    private static BigDecimal step(PaymentCalculation c, String key) {
        return c.steps().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().amount();
    }

    private static BigDecimal share(PaymentCalculation c, CommunityMembers.Member m) {
        return c.shares().stream().filter(s -> s.institutionId() == m.id()).findFirst().orElseThrow().amount();
    }

    @Test
    void primaryMembersGetTheirGuaranteedMinimumOfASurplus() {
        // spend 900 + 100 + 0 = 1,000 of a 2,000 budget: surplus 1,000, all retained. By workload the
        // primaries get 10 %; the 30 % minimum scales A to 30 % (B had nothing and stays at 0), H to 70 %.
        PaymentCalculation c = BundledPaymentSimulation.calculate(settings("2000", RetentionRule.FULL, null, null, "30"),
                List.of(spend(1, "900.00"), spend(2, "100.00")), MEMBERS, MEMBER_OF);
        assertThat(step(c, "distributable")).isEqualByComparingTo("1000.00");
        assertThat(share(c, H)).isEqualByComparingTo("700.00");
        assertThat(share(c, A)).isEqualByComparingTo("300.00");
        assertThat(share(c, B)).isEqualByComparingTo("0.00");
    }

    @Test
    void belowTheFloorScoreNothingIsRetainedAndTheCapLimitsTheRest() {
        PaymentCalculation none = BundledPaymentSimulation.calculate(settings("2000", RetentionRule.SCORE_SCALED, "59.9", null, "0"),
                List.of(spend(1, "1000.00")), MEMBERS, MEMBER_OF);
        assertThat(step(none, "retained")).isEqualByComparingTo("0.00");
        assertThat(step(none, "returnedToFund")).isEqualByComparingTo("1000.00");
        PaymentCalculation capped = BundledPaymentSimulation.calculate(settings("2000", RetentionRule.SCORE_SCALED, "95", "10", "0"),
                List.of(spend(1, "1000.00")), MEMBERS, MEMBER_OF);
        assertThat(step(capped, "retentionFactor")).isEqualByComparingTo("100");
        assertThat(step(capped, "retained")).isEqualByComparingTo("200.00");
        assertThat(step(capped, "returnedToFund")).isEqualByComparingTo("800.00");
    }

    @Test
    void fenLeftByRoundingGoToTheLargestRemaindersSoPartsAddUp() {
        // equal workloads: 100.00 in thirds is 33.34 + 33.33 + 33.33, never 99.99 or 100.01
        PaymentCalculation c = BundledPaymentSimulation.calculate(settings("400", RetentionRule.FULL, null, null, "0"),
                List.of(spend(1, "100.00"), spend(2, "100.00"), spend(3, "100.00")), MEMBERS, MEMBER_OF);
        assertThat(c.distributable()).isEqualByComparingTo("100.00");
        assertThat(c.shares()).extracting(MemberShare::amount).extracting(BigDecimal::toPlainString)
                .containsExactly("33.34", "33.33", "33.33");
    }

    @Test
    void aWeightedKeyThatIsZeroForEveryoneIsReportedNotDividedByZero() {
        PaymentSettings s = new PaymentSettings(2030, BudgetRule.FIXED, new BigDecimal("400"), null, null, null, null, null, null,
                null, RetentionRule.FULL, null, null, null, null, null, null, DistributionRule.WEIGHTED_KEYS, new BigDecimal("50"),
                new BigDecimal("50"), null, null, List.of());
        PaymentCalculation c = BundledPaymentSimulation.calculate(s, List.of(spend(1, "100.00")), MEMBERS, MEMBER_OF);
        assertThat(c.status()).isEqualTo("INCOMPLETE");
        assertThat(c.problems()).singleElement().asString().contains("population");
        assertThat(c.shares()).isEmpty();
    }
}
