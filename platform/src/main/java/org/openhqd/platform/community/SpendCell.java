package org.openhqd.platform.community;

import java.math.BigDecimal;

/**
 * Settlements of one month summed per provider kind: at a member institution ({@code institutionId}
 * set, always in county), at another in-county provider, or outside the county.
 *
 * @param month 1–12
 * @param cases settlements (one per admission or outpatient visit: 人次)
 */
public record SpendCell(Long institutionId, boolean inCounty, VisitType visitType, int month, long cases, BigDecimal fund,
                        BigDecimal cost) {
}
