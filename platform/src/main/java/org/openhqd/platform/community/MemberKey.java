package org.openhqd.platform.community;

import java.math.BigDecimal;

/**
 * A member institution's distribution keys for a year besides its workload (which the settlements give).
 *
 * @param institutionId a top-level member: the county hospital or a township centre
 * @param attributedPopulation residents attributed to (signed with) the member
 * @param assessmentScore the member's annual assessment score
 * @param fixedSharePct its share under {@code FIXED_SHARES}
 */
public record MemberKey(long institutionId, int attributedPopulation, BigDecimal assessmentScore, BigDecimal fixedSharePct) {
}
