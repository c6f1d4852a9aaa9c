package org.openhqd.platform.drg;

import java.util.Set;

/**
 * Prices DRG cases (病例支付测算): each grouped case gets its DRG's weight and benchmarks from the active
 * weight set, the base rate of its insurance type and year, its expected payment (支付标准), its
 * outlier type (高倍率/低倍率) and the hospital's estimated profit or loss (盈亏 = expected payment −
 * total cost). Ungrouped cases and DRGs without a weight get no payment figures.
 */
public interface DrgPayment {

    /**
     * Recomputes the weight and payment columns of these institutions' cases, then publishes
     * {@link DrgCasesRepriced} (in the caller's transaction, or a new one).
     *
     * @return the number of cases whose figures changed
     */
    long reprice(Set<Long> institutionIds);

    /** The settings that apply to a community's cases discharged in a year: saved, inherited or the defaults. */
    DrgPaymentSettings settings(long communityId, int year);
}
