package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.WeightRow;
import org.openhqd.platform.drg.WeightSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks what the database computed against the Java specification, case by case: the active set
 * against {@link WeightCalculator} fed with the community's stored cases, and every case's payment
 * columns against {@link Pricing}. The H2 and PostgreSQL tests run the same check on the same
 * generated cases, so the two databases agree with each other through it.
 */
final class PaymentAgreement {

    /** What the check saw. */
    record Seen(int drgs, int flagged, long cases, long priced, long normal, long high, long low, long ungrouped,
                BigDecimal profitLoss) {
    }

    private PaymentAgreement() {
    }

    static Seen check(JdbcClient jdbc, DrgWeightSets sets, DrgPaymentSettingsStore settings, long community) {
        WeightSet set = sets.activeSet(community, "chs-drg-1.1").orElseThrow();
        // the weights, recomputed in Java from the stored cases
        WeightCalculator calculator = new WeightCalculator(WeightParameters.defaults());
        jdbc.sql("""
                        SELECT c.drg, c.adrg, c.discharge_month, c.total_cost, c.los, c.discharge_type FROM drg_case c
                          JOIN institution i ON i.id = c.institution_id
                         WHERE i.community_id = :c AND c.scheme_id = 'chs-drg-1.1' AND c.group_status = 'ok' AND c.drg IS NOT NULL
                           AND c.discharge_month IS NOT NULL AND c.total_cost IS NOT NULL""")
                .param("c", community).query(rs -> {
                    int los = rs.getInt(5);
                    calculator.add(rs.getString(1), rs.getString(2), Integer.parseInt(rs.getString(3).substring(0, 4)),
                            rs.getBigDecimal(4).doubleValue(), rs.wasNull() ? WeightCalculator.UNKNOWN_LOS : los,
                            "5".equals(rs.getString(6)));
                });
        WeightCalculator.Result expected = calculator.result();
        assertThat(set.referenceCost()).isEqualByComparingTo(expected.referenceCost());
        assertThat(set.years()).isEqualTo(expected.years());
        Map<String, WeightRow> stored = sets.rows(set.id());
        assertThat(stored).hasSameSizeAs(expected.rows());
        for (WeightRow w : expected.rows()) {
            WeightRow s = stored.get(w.drg());
            assertThat(s).as(w.drg()).isNotNull();
            assertThat(s.basis()).as(w.drg()).isEqualTo(w.basis());
            assertThat(s.rw() == null ? null : s.rw().stripTrailingZeros()).as(w.drg())
                    .isEqualTo(w.rw() == null ? null : w.rw().stripTrailingZeros());
            assertThat(s.benchmarkCost() == null ? null : s.benchmarkCost().stripTrailingZeros()).as(w.drg())
                    .isEqualTo(w.benchmarkCost() == null ? null : w.benchmarkCost().stripTrailingZeros());
            assertThat(s.casesTotal()).isEqualTo(w.casesTotal());
            assertThat(s.casesUsed()).isEqualTo(w.casesUsed());
            assertThat(s.casesTrimmed()).isEqualTo(w.casesTrimmed());
            assertThat(s.deaths()).isEqualTo(w.deaths());
            assertThat(s.riskLevel()).as(w.drg()).isEqualTo(w.riskLevel());
        }

        // every case's figures, priced again in Java
        PaymentDefaults defaults = settings.defaults();
        Map<Integer, DrgPaymentSettings> byYear = new HashMap<>();
        long[] n = new long[7];
        BigDecimal[] total = {BigDecimal.ZERO};
        jdbc.sql("SELECT c.* FROM drg_case c JOIN institution i ON i.id = c.institution_id WHERE i.community_id = :c")
                .param("c", community).query(rs -> {
                    n[0]++;
                    String drg = rs.getString("drg");
                    boolean grouped = "ok".equals(rs.getString("group_status")) && drg != null;
                    String id = rs.getString("case_id");
                    if (!grouped) {
                        n[6]++;
                        assertThat(rs.getObject("weight_set_id")).as(id).isNull();
                        assertThat(rs.getObject("expected_payment")).as(id).isNull();
                        assertThat(rs.getObject("outlier")).as(id).isNull();
                        return;
                    }
                    assertThat(rs.getLong("weight_set_id")).as(id).isEqualTo(set.id());
                    WeightRow w = stored.get(drg);
                    if (w == null || w.rw() == null) {
                        assertThat(rs.getObject("rw")).as(id).isNull();
                        assertThat(rs.getObject("expected_payment")).as(id).isNull();
                        return;
                    }
                    String month = rs.getString("discharge_month");
                    DrgPaymentSettings s = byYear.computeIfAbsent(month == null ? 0 : Integer.parseInt(month.substring(0, 4)),
                            y -> settings.effective(community, y == 0 ? null : y));
                    BigDecimal rate = BaseRates.of(s, set.referenceCost()).of(defaults.kindOf(rs.getString("insurance_type")));
                    Pricing.Priced p = Pricing.price(w.rw(), w.benchmarkCost(), rs.getBigDecimal("total_cost"), rate, s);
                    assertThat(rs.getBigDecimal("rw")).as(id).isEqualByComparingTo(w.rw());
                    assertThat(rs.getBigDecimal("base_rate")).as(id).isEqualByComparingTo(rate);
                    assertThat(rs.getBigDecimal("expected_payment")).as(id).isEqualByComparingTo(p.expected());
                    assertThat(rs.getString("outlier")).as(id).isEqualTo(p.outlier() == null ? null : p.outlier().name());
                    assertThat(rs.getString("payment_rule")).as(id).isEqualTo(p.rule().name());
                    assertThat(rs.getInt("risk_level")).as(id).isEqualTo(w.riskLevel());
                    if (p.profitLoss() != null) {
                        assertThat(rs.getBigDecimal("profit_loss")).as(id).isEqualByComparingTo(p.profitLoss());
                        total[0] = total[0].add(p.profitLoss());
                    }
                    n[1]++;
                    n[p.outlier() == Pricing.Outlier.HIGH ? 3 : p.outlier() == Pricing.Outlier.LOW ? 4 : 2]++;
                });
        return new Seen(expected.drgsWeighted(), expected.drgsFlagged(), n[0], n[1], n[2], n[3], n[4], n[6], total[0]);
    }
}
