package org.openhqd.platform.drg;

import java.math.BigDecimal;

/**
 * The payment settings (支付设置) that apply to a community's cases discharged in one year: base rates
 * (费率, yuan per weight) by insurance type, the outlier thresholds (高倍率/低倍率) and how outliers are
 * settled. A rate left empty is estimated as the active weight set's reference cost × {@code
 * unsetRateRatio} — the rate at which a case of average cost breaks even — and shown as an estimate.
 *
 * @param year the discharge year the settings apply to
 * @param origin SAVED for this year, INHERITED from {@code fromYear}, or DEFAULT (shipped defaults)
 * @param fromYear the year whose saved settings these are (null for DEFAULT)
 * @param rateEmployee 职工 (employee insurance) base rate, null: estimated
 * @param rateResident 居民 (resident insurance) base rate, null: estimated
 * @param rateOther base rate for other cases (自费, unknown), null: estimated
 * @param unsetRateRatio multiplier of the reference cost for a rate left empty
 * @param lowRatio a case costing less than this × the DRG's benchmark cost is a low outlier
 * @param tier1MaxRw weights up to this take {@code highMultiple1}
 * @param tier2MaxRw weights up to this take {@code highMultiple2}, heavier ones {@code highMultiple3}
 * @param highRule RATIO: standard × (1 + (C ÷ A − threshold) × highExtraRatio); ITEMS: paid at cost
 * @param highExtraRatio share of the cost above the threshold that is paid (RATIO)
 * @param lowRule RATIO: standard × C ÷ A; ITEMS: paid at cost
 */
public record DrgPaymentSettings(int year, Origin origin, Integer fromYear, BigDecimal rateEmployee, BigDecimal rateResident,
                                 BigDecimal rateOther, BigDecimal unsetRateRatio, BigDecimal lowRatio, BigDecimal tier1MaxRw,
                                 BigDecimal tier2MaxRw, BigDecimal highMultiple1, BigDecimal highMultiple2,
                                 BigDecimal highMultiple3, OutlierRule highRule, BigDecimal highExtraRatio,
                                 OutlierRule lowRule) {

    public enum Origin {
        SAVED, INHERITED, DEFAULT
    }

    /** How an outlier case is settled. */
    public enum OutlierRule {
        /** By the formula (a share of the standard). */
        RATIO,
        /** By items (按项目): the payment is the case's cost. */
        ITEMS
    }

    /** The high-outlier multiple for a weight (RW ≤ tier 1 → multiple 1, ≤ tier 2 → multiple 2, else 3). */
    public BigDecimal highMultiple(BigDecimal rw) {
        return rw.compareTo(tier1MaxRw) <= 0 ? highMultiple1 : rw.compareTo(tier2MaxRw) <= 0 ? highMultiple2 : highMultiple3;
    }
}
