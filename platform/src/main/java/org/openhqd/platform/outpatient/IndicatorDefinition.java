package org.openhqd.platform.outpatient;

/**
 * One indicator as defined in {@code indicators/outpatient.tsv}: the reference facts (numerator,
 * denominator, unit, direction, basis) and the rule the platform computes it by.
 *
 * @param key the value's name in the API and export (OP01 and OP03 share {@code appointmentRate})
 */
public record IndicatorDefinition(String version, String id, String key, String nameZh, String nameEn, String numerator,
                                  String denominator, String unit, String direction, String basis, String platformRule) {
}
