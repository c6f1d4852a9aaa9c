package org.openhqd.casemix.drg;

/**
 * A DRG as a scheme defines it, for listings and for joining weights and rates to results.
 *
 * @param mdc MDC code, e.g. {@code MDCG}
 * @param adrg ADRG code, e.g. {@code GZ1}
 * @param drg DRG code, e.g. {@code GZ13}
 * @param name Chinese name as published
 * @param condition the DRG's clauses as written in the scheme, e.g. {@code MCC_OR_CC}
 */
public record DrgDefinition(String mdc, String adrg, String drg, String name, String condition) {
}
