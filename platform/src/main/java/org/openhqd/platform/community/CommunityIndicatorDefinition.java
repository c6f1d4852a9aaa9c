package org.openhqd.platform.community;

/**
 * One county medical-community monitoring indicator as defined in {@code indicators/medical-community.tsv}:
 * the reference facts and how the platform gets its value.
 *
 * @param key the computation for {@code COMPUTED} and {@code REFERRAL} indicators ({@code -} otherwise)
 * @param platform {@code COMPUTED} (from the platform's data), {@code REFERRAL} (from the referral module,
 *     through {@link ReferralCounts}), {@code EXTERNAL} (imported figure) or {@code QUALITATIVE} (not a figure)
 */
public record CommunityIndicatorDefinition(String version, String id, String key, String nameZh, String nameEn, String dimension,
                                           String numerator, String denominator, String unit, String direction,
                                           String dataSources, String notes, String platform, String platformRule) {
}
