package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.drg.DrgPaymentSettings;
import org.openhqd.platform.drg.DrgPaymentSettings.OutlierRule;

/** Settlement of normal, high and low cases by hand (defaults: low 0.4, multiples 3 / 2 / 1.5 by RW 1 / 2). */
class PricingTest {

    private static final DrgPaymentSettings DEFAULTS = PaymentDefaults.load().settings(2025);
    private static final BigDecimal RATE = new BigDecimal("10000.00");

    private static Pricing.Priced price(String rw, String benchmark, String cost, DrgPaymentSettings s) {
        return Pricing.price(new BigDecimal(rw), new BigDecimal(benchmark), cost == null ? null : new BigDecimal(cost), RATE, s);
    }

    @Test
    void aNormalCaseIsPaidTheStandard() {
        // standard 10,000 × 1.2 = 12,000; cost 10,000 between 0.4 × 12,000 and 2 × 12,000
        Pricing.Priced p = price("1.2000", "12000.00", "10000.00", DEFAULTS);
        assertThat(p.outlier()).isEqualTo(Pricing.Outlier.NORMAL);
        assertThat(p.rule()).isEqualTo(Pricing.Rule.STANDARD);
        assertThat(p.expected()).isEqualByComparingTo("12000.00");
        assertThat(p.profitLoss()).isEqualByComparingTo("2000.00");
    }

    @Test
    void aHighCaseGetsTheCostAboveTheThreshold() {
        // RW 1.2 → multiple 2, threshold 24,000; 12,000 + 12,000 × 1.0 × (30,000 − 24,000) ÷ 12,000 = 18,000
        Pricing.Priced p = price("1.2000", "12000.00", "30000.00", DEFAULTS);
        assertThat(p.outlier()).isEqualTo(Pricing.Outlier.HIGH);
        assertThat(p.rule()).isEqualTo(Pricing.Rule.RATIO);
        assertThat(p.expected()).isEqualByComparingTo("18000.00");
        assertThat(p.profitLoss()).isEqualByComparingTo("-12000.00");
        // paid by items: at cost, no profit or loss
        DrgPaymentSettings items = with(DEFAULTS, OutlierRule.ITEMS, OutlierRule.RATIO);
        assertThat(price("1.2000", "12000.00", "30000.00", items).expected()).isEqualByComparingTo("30000.00");
        assertThat(price("1.2000", "12000.00", "30000.00", items).profitLoss()).isEqualByComparingTo("0");
    }

    @Test
    void aLowCaseIsPaidInProportion() {
        // 4,000 < 0.4 × 12,000 = 4,800: 12,000 × 4,000 ÷ 12,000 = 4,000
        Pricing.Priced p = price("1.2000", "12000.00", "4000.00", DEFAULTS);
        assertThat(p.outlier()).isEqualTo(Pricing.Outlier.LOW);
        assertThat(p.expected()).isEqualByComparingTo("4000.00");
        // 2,000 on a standard of 9,000 and a benchmark of 10,000 (RW 0.9): 9,000 × 2,000 ÷ 10,000 = 1,800, loss 200
        Pricing.Priced q = price("0.9000", "10000.00", "2000.00", DEFAULTS);
        assertThat(q.expected()).isEqualByComparingTo("1800.00");
        assertThat(q.profitLoss()).isEqualByComparingTo("-200.00");
        assertThat(price("0.9000", "10000.00", "2000.00", with(DEFAULTS, OutlierRule.RATIO, OutlierRule.ITEMS)).expected())
                .isEqualByComparingTo("2000.00");
    }

    @Test
    void thresholdsAreTieredByWeightAndStrict() {
        // RW exactly 1 → multiple 3: 30,000 on a benchmark of 10,000 is not above 3 ×, 30,000.01 is
        assertThat(price("1.0000", "10000.00", "30000.00", DEFAULTS).outlier()).isEqualTo(Pricing.Outlier.NORMAL);
        assertThat(price("1.0000", "10000.00", "30000.01", DEFAULTS).outlier()).isEqualTo(Pricing.Outlier.HIGH);
        // RW 2.5 → multiple 1.5
        assertThat(price("2.5000", "10000.00", "15000.01", DEFAULTS).outlier()).isEqualTo(Pricing.Outlier.HIGH);
        // exactly 0.4 × the benchmark is not low
        assertThat(price("1.0000", "10000.00", "4000.00", DEFAULTS).outlier()).isEqualTo(Pricing.Outlier.NORMAL);
        // no cost: the standard, no outlier type, no profit/loss
        Pricing.Priced p = price("1.0000", "10000.00", null, DEFAULTS);
        assertThat(p.outlier()).isNull();
        assertThat(p.expected()).isEqualByComparingTo("10000.00");
        assertThat(p.profitLoss()).isNull();
    }

    static DrgPaymentSettings with(DrgPaymentSettings s, OutlierRule high, OutlierRule low) {
        return new DrgPaymentSettings(s.year(), s.origin(), s.fromYear(), s.rateEmployee(), s.rateResident(), s.rateOther(),
                s.unsetRateRatio(), s.lowRatio(), s.tier1MaxRw(), s.tier2MaxRw(), s.highMultiple1(), s.highMultiple2(),
                s.highMultiple3(), high, s.highExtraRatio(), low);
    }
}
