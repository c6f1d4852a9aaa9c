package org.openhqd.quality;

import java.util.List;
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
    private String[] dxNames;
    private String[] procNames;
    private boolean[] validProcs;
    /** Marks "not in the dictionary" in the name caches (compared by identity). */
    private static final String NOT_IN_DICTIONARY = new String("\u0000");
    /** Date-times read so far: admission and discharge are read by several rules. */
    private final java.util.Map<String, Moments.Moment> moments = new java.util.HashMap<>(8);
    private static final Moments.Moment UNREADABLE = new Moments.Moment(java.time.LocalDateTime.MIN, false);

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

    /**
     * The dictionary name of line {@code index}'s code, or null when the code is not in the
     * dictionary. Looked up once per line: several rules ask, and each lookup is a cache miss in
     * a 30,000-code table.
     */
    String dictionaryName(CodeList list, int index) {
        String[] names = list == CodeList.DIAGNOSES ? dxNames : procNames;
        if (names == null) {
            List<String> codes = list.codes(inpatientCase());
            names = new String[codes.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = list.dictionaryName(scheme, codes.get(i)).orElse(NOT_IN_DICTIONARY);
            }
            if (list == CodeList.DIAGNOSES) {
                dxNames = names;
            } else {
                procNames = names;
            }
        }
        String n = names[index];
        return n == NOT_IN_DICTIONARY ? null : n;
    }

    /** Whether procedure line {@code index} is a valid (operating-room) procedure of the scheme. */
    boolean isValidProcedure(int index) {
        if (validProcs == null) {
            List<String> codes = inpatientCase().procedures();
            validProcs = new boolean[codes.size()];
            for (int i = 0; i < validProcs.length; i++) {
                validProcs[i] = scheme.isValidProcedure(codes.get(i));
            }
        }
        return validProcs[index];
    }

    /** The date-time a text reads as, or null; each distinct text is read once per record. */
    Moments.Moment moment(String text) {
        Moments.Moment m = moments.get(text);
        if (m == null) {
            m = Moments.read(text);
            moments.put(text, m == null ? UNREADABLE : m);
            return m;
        }
        return m == UNREADABLE ? null : m;
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
