package org.openhqd.platform.community;

import java.math.BigDecimal;

/**
 * A member institution's part of the retained surplus (positive) or of the overspend the community
 * bears (negative), with the keys it was computed from.
 *
 * @param workload the member's fund payments in the year (its own cases, campuses and village clinics included)
 * @param sharePct its share of the amount to distribute, in percent (four decimals)
 * @param formula the computation with the actual numbers
 */
public record MemberShare(long institutionId, String code, String name, boolean primary, BigDecimal workload,
                          int attributedPopulation, BigDecimal assessmentScore, BigDecimal fixedSharePct, BigDecimal sharePct,
                          BigDecimal amount, String formula) {
}
