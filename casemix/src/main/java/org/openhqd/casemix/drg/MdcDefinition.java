package org.openhqd.casemix.drg;

import java.util.List;

/**
 * An MDC's entry test as the scheme defines it. Numeric and text clauses are null when absent.
 *
 * @param diagnoses the MDC's diagnosis list (mdc_dx.tsv), possibly empty
 * @param anyDiagnosisInList {@code dx_scope = any}: some diagnosis (not only the principal) is on the list
 * @param sexNot {@code sex_not}: the case's sex must not be this one (an absent sex passes)
 * @param ageDaysMax {@code age_days_max}: age in days given and at most this
 * @param stopWhenNoAdrg {@code on_no_adrg = stop}: no fall-through to the next MDC once entered
 */
public record MdcDefinition(int order, String letter, String code, boolean principalDiagnosisInList,
                            boolean principalProcedureValid, String sex, Integer ageYears,
                            int minTraumaRegions, List<String> diagnoses, boolean anyDiagnosisInList,
                            String sexNot, Integer ageDaysMax, boolean stopWhenNoAdrg) {
}
