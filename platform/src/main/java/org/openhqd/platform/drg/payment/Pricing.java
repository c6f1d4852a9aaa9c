package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgPaymentSettings.OutlierRule;

/**
 * The settlement of one case (病例结算测算), the rule the repricing SQL applies to every case at once
 * ({@link Repricing}); kept in Java as its specification and to check the SQL against.
 *
 * <ul>
 *   <li>standard payment (支付标准) = round(base rate × RW, 2);</li>
 *   <li>with A the DRG's benchmark cost and C the case's total cost: high outlier (高倍率) when
 *       C &gt; multiple(RW) × A; low outlier (低倍率) when C &lt; low ratio × A; else normal;</li>
 *   <li>normal: the standard; high by RATIO: standard + standard × extra ratio × (C − multiple × A) ÷ A
 *       (= standard × (1 + (C ÷ A − multiple) × extra), CHS-DRG extra points); low by RATIO:
 *       standard × C ÷ A; by ITEMS (按项目): C;</li>
 *   <li>profit/loss (盈亏, the hospital's revenue view) = expected payment − C.</li>
 * </ul>
 */
final class Pricing {

    private Pricing() {
    }

    enum Outlier {
        NORMAL, HIGH, LOW
    }

    /** How the expected payment was reached. */
    enum Rule {
        STANDARD, RATIO, ITEMS
    }

    /**
     * @param outlier null when the case's cost or the benchmark is unknown
     * @param profitLoss null when the cost is unknown
     */
    record Priced(BigDecimal standard, Outlier outlier, Rule rule, BigDecimal expected, BigDecimal profitLoss) {
    }

    /**
     * @param rw the DRG's weight (not null)
     * @param benchmark A, the DRG's benchmark cost (null: unknown)
     * @param cost C, the case's total cost (null: unknown)
     * @param rate the base rate of the case's insurance type (not null)
     */
    static Priced price(BigDecimal rw, BigDecimal benchmark, BigDecimal cost, BigDecimal rate, DrgPaymentSettings s) {
        BigDecimal standard = rate.multiply(rw).setScale(2, RoundingMode.HALF_UP);
        if (cost == null || benchmark == null) {
            return new Priced(standard, null, Rule.STANDARD, standard, null);
        }
        BigDecimal multiple = s.highMultiple(rw);
        Outlier outlier = cost.compareTo(multiple.multiply(benchmark)) > 0 ? Outlier.HIGH
                : cost.compareTo(s.lowRatio().multiply(benchmark)) < 0 ? Outlier.LOW : Outlier.NORMAL;
        BigDecimal expected;
        Rule rule;
        if (outlier == Outlier.NORMAL) {
            expected = standard;
            rule = Rule.STANDARD;
        } else if ((outlier == Outlier.HIGH ? s.highRule() : s.lowRule()) == OutlierRule.ITEMS) {
            expected = cost;
            rule = Rule.ITEMS;
        } else if (outlier == Outlier.HIGH) {
            BigDecimal extra = standard.multiply(s.highExtraRatio()).multiply(cost.subtract(multiple.multiply(benchmark)))
                    .divide(benchmark, 12, RoundingMode.HALF_UP);
            expected = standard.add(extra).setScale(2, RoundingMode.HALF_UP);
            rule = Rule.RATIO;
        } else {
            expected = standard.multiply(cost).divide(benchmark, 2, RoundingMode.HALF_UP);
            rule = Rule.RATIO;
        }
        return new Priced(standard, outlier, rule, expected, expected.subtract(cost));
    }
}
