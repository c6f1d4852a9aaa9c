package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The explained bundled-payment clearing of a year as the caller may see it.
 *
 * @param view {@code WHOLE_COMMUNITY}, or {@code OWN_SHARE}: the community's totals and only the shares of
 *     members inside the caller's data scope (no settings, no providers)
 * @param settings the year's settings (whole view only; null when none are set)
 * @param outsideProviders the providers outside the county by fund spend (whole view only)
 */
public record PaymentReport(int year, String view, String status, List<String> problems, List<CalculationStep> steps,
                            Map<String, BigDecimal> keyTotals, BigDecimal distributable, List<MemberShare> shares,
                            PaymentSettings settings, List<Settlements.OutsideProvider> outsideProviders) {
}
