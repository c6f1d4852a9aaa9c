package org.openhqd.casemix.drg;

/**
 * One DRG of an ADRG with the clauses that select it, in the order of drg.tsv. A clause whose
 * column is empty is absent ({@link #ABSENT}).
 */
final class Drg {

    static final int ABSENT = Integer.MIN_VALUE;

    final String code;
    final String name;
    final String adrg;
    final Complication complication;
    final int ageYearsMax;
    final int losMin;
    final int losMaxExcl;

    Drg(String code, String name, String adrg, Complication complication,
        int ageYearsMax, int losMin, int losMaxExcl) {
        this.code = code;
        this.name = name;
        this.adrg = adrg;
        this.complication = complication;
        this.ageYearsMax = ageYearsMax;
        this.losMin = losMin;
        this.losMaxExcl = losMaxExcl;
    }

    /**
     * The clauses other than the complication one, which the caller tests separately. A clause on
     * a value the case does not have (possible only with the CHS-DRG 2.0 reading) fails.
     */
    boolean demographicsHold(int ageYears, boolean hasAge, int los, boolean hasLos) {
        return (ageYearsMax == ABSENT || (hasAge && ageYears <= ageYearsMax))
                && (losMin == ABSENT || (hasLos && los >= losMin))
                && (losMaxExcl == ABSENT || (hasLos && los < losMaxExcl));
    }

    /** Readable form of the clauses, for explanations: {@code MCC, 年龄≤6}. */
    String describe() {
        StringBuilder sb = new StringBuilder(complication.name());
        if (ageYearsMax != ABSENT) {
            sb.append(", age<=").append(ageYearsMax);
        }
        if (losMin != ABSENT) {
            sb.append(", los>=").append(losMin);
        }
        if (losMaxExcl != ABSENT) {
            sb.append(", los<").append(losMaxExcl);
        }
        return sb.toString();
    }
}
