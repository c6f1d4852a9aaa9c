package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.util.List;

/**
 * The simulated year-end clearing and internal distribution.
 *
 * @param status {@code COMPLETE}; {@code NO_SETTINGS} (spend only: no budget set for the year); or
 *     {@code INCOMPLETE} (a distribution key is missing; see problems)
 * @param keyTotals Σ of each distribution key over all members ({@code workload}, {@code population}, {@code score})
 * @param distributable the amount shared between members: the retained surplus, or minus the overspend the community bears
 */
public record PaymentCalculation(String status, List<String> problems, List<CalculationStep> steps,
                                 java.util.Map<String, BigDecimal> keyTotals, BigDecimal distributable,
                                 List<MemberShare> shares) {
}
