package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.List;

/**
 * How a scheme reads the fields of a case: the scheme option {@code case_reading} of
 * {@code options.tsv}. The grouper applies it to every case; {@link #splitCodes} is what a case
 * file reader needs to cut the diagnosis and procedure fields as the scheme does.
 */
public enum CaseReading {

    /**
     * The reading of the CHS-DRG 1.1 README §3 (option absent or empty): an empty number is 0,
     * numbers are Java literals, sex {@code 1.0}/{@code 男} is accepted and required, a newborn
     * needs a birth weight, lists are split on {@code |} and {@code ,} and keep empty items.
     */
    CHS_DRG_11(""),

    /**
     * The reading of the CHS-DRG 2.0 README §3 ({@code case_reading = chs-drg-2.0}): an empty number
     * is absent, numbers are JavaScript numeric strings with minimums, {@code age_days} only with
     * age 0, sex only {@code 1}, {@code 2} or empty, lists are split on {@code |} only, their items
     * trimmed and empty items dropped.
     */
    CHS_DRG_20("chs-drg-2.0");

    private final String option;

    CaseReading(String option) {
        this.option = option;
    }

    /** The value of {@code case_reading} in {@code options.tsv} (empty for the 1.1 reading). */
    public String option() {
        return option;
    }

    /** The reading named by an option value, or null when the value names none. */
    static CaseReading ofOption(String value) {
        for (CaseReading r : values()) {
            if (r.option.equals(value)) {
                return r;
            }
        }
        return null;
    }

    /**
     * Splits a diagnosis or procedure field of the case CSV into items as this reading does: on
     * {@code |} and {@code ,} ({@link InpatientCase#splitCodes}) for the 1.1 reading, on {@code |}
     * only for the 2.0 reading (a comma is part of a code there). Items are returned as given; the
     * grouper trims and drops empty items when its reading says so.
     */
    public List<String> splitCodes(String field) {
        if (this == CHS_DRG_11) {
            return InpatientCase.splitCodes(field);
        }
        if (field == null || field.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(8);
        int start = 0;
        for (int bar = field.indexOf('|'); bar >= 0; bar = field.indexOf('|', start)) {
            out.add(field.substring(start, bar));
            start = bar + 1;
        }
        out.add(field.substring(start));
        return out;
    }
}
