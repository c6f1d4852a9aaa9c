package org.openhqd.casemix.drg;

import java.util.List;

/**
 * An MDC's entry test as the scheme defines it. Numeric and text clauses are null when absent.
 *
 * @param diagnoses the MDC's principal-diagnosis list (mdc_dx.tsv), possibly empty
 */
public record MdcDefinition(int order, String letter, String code, boolean principalDiagnosisInList,
                            boolean principalProcedureValid, String sex, Integer ageYears,
                            int minTraumaRegions, List<String> diagnoses) {
}
