package org.openhqd.quality;

import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.normalise.CodeNormaliser;
import org.openhqd.casemix.normalise.Normalisation;

/**
 * What the checks of one record share: the record, the scheme, and the values several checks
 * need, each computed at most once (the grouping as submitted, the normaliser's repair of the
 * codes, the patient's age). Confined to one thread, one record.
 */
final class CheckContext {

    final DischargeRecord record;
    final Scheme scheme;
    private final DrgGrouper grouper;
    private final CodeNormaliser normaliser;
    private InpatientCase inpatientCase;
    private GroupingResult before;
    private Normalisation normalisation;

    CheckContext(DischargeRecord record, DrgGrouper grouper, CodeNormaliser normaliser) {
        this.record = record;
        this.grouper = grouper;
        this.scheme = grouper.scheme();
        this.normaliser = normaliser;
    }

    InpatientCase inpatientCase() {
        if (inpatientCase == null) {
            inpatientCase = record.toInpatientCase();
        }
        return inpatientCase;
    }

    GroupingResult before() {
        if (before == null) {
            before = grouper.group(inpatientCase());
        }
        return before;
    }

    /** The normaliser's repair of the whole case (case, blanks, full-width, dots, code maps). */
    Normalisation normalisation() {
        if (normalisation == null) {
            normalisation = normaliser.normalise(inpatientCase(), false);
        }
        return normalisation;
    }

    GroupingResult group(InpatientCase c) {
        return grouper.group(c);
    }

    /** Sex as the grouper reads it: {@code 1.0} → {@code 1}, 男 → 1, 女 → 2. */
    String sex() {
        String s = record.sex().strip();
        int dot = s.indexOf('.');
        if (dot >= 0) {
            return s.substring(0, dot);
        }
        return switch (s) {
            case "男" -> "1";
            case "女" -> "2";
            default -> s;
        };
    }

    /** Age in whole years, or -1 when the field is not a number. */
    long ageYears() {
        double v = Numbers.decimal(record.age());
        return Numbers.isNone(v) || v < 0 ? -1 : (long) v;
    }

    /** Age in days: the age-in-days field, else whole years × 365; -1 when neither is a number. */
    long ageDays() {
        double d = Numbers.decimal(record.ageDays());
        if (!Numbers.isNone(d) && d >= 0) {
            return (long) d;
        }
        long years = ageYears();
        return years < 0 ? -1 : years * 365;
    }
}
