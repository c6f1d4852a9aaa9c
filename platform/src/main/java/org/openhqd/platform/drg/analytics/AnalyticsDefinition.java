package org.openhqd.platform.drg.analytics;

/**
 * One DRG analytics indicator as defined in {@code indicators/drg-analytics.tsv}: the reference
 * facts (numerator, denominator, unit, direction, source) and the rule the platform computes it by.
 *
 * @param key the figure's name in the API and the exports, e.g. {@code cmi}
 */
public record AnalyticsDefinition(String version, String id, String key, String nameZh, String nameEn, String numerator,
                                  String denominator, String unit, String direction, String source, String platformRule) {
}
