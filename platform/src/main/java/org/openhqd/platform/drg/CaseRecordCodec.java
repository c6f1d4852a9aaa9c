package org.openhqd.platform.drg;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;

/**
 * The submitted record as one text column ({@code drg_case.source_record}), so that QC and
 * re-grouping read exactly what was imported ({@code 45岁} stays {@code 45岁}). Values are joined by
 * ASCII separator characters (unit 0x1F between values, group 0x1D between an item's attributes,
 * record 0x1E between lines), which an import strips from the input. The identity number is never
 * part of it: it is stored encrypted in its own column.
 */
public final class CaseRecordCodec {

    private static final char UNIT = '\u001F';
    private static final char ITEM = '\u001D';
    private static final char LINE = '\u001E';
    private static final int SCALARS = 24;

    private CaseRecordCodec() {
    }

    /** Removes the separator characters (and other C0 controls but tab) from an imported value. */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                StringBuilder b = new StringBuilder(value.length());
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    b.append(c < 0x20 ? ' ' : c);
                }
                return b.toString();
            }
        }
        return value;
    }

    public static String encode(DischargeRecord r) {
        StringBuilder b = new StringBuilder(256);
        String[] scalars = {r.caseId(), r.institution(), r.department(), r.attendingDoctor(), r.coder(),
                r.admissionTime(), r.dischargeTime(), r.los(), r.sex(), r.age(), r.ageDays(), r.birthWeight(),
                r.admissionWeight(), r.dischargeType(), r.transferInstitution(), r.admissionRoute(), r.totalCost(),
                r.drugCost(), r.materialCost(), r.examinationCost(), r.serviceCost(), r.otherCost(), r.insuranceType(),
                r.fundPayment()};
        for (String s : scalars) {
            b.append(clean(s)).append(UNIT);
        }
        for (int i = 0; i < r.diagnoses().size(); i++) {
            Diagnosis d = r.diagnoses().get(i);
            if (i > 0) {
                b.append(LINE);
            }
            b.append(clean(d.code())).append(ITEM).append(clean(d.name())).append(ITEM).append(clean(d.admissionCondition()));
        }
        b.append(UNIT);
        for (int i = 0; i < r.procedures().size(); i++) {
            Procedure p = r.procedures().get(i);
            if (i > 0) {
                b.append(LINE);
            }
            b.append(clean(p.code())).append(ITEM).append(clean(p.name())).append(ITEM).append(clean(p.date())).append(ITEM)
                    .append(clean(p.level())).append(ITEM).append(clean(p.incisionClass())).append(ITEM)
                    .append(clean(p.healingGrade())).append(ITEM).append(clean(p.anaesthesia()));
        }
        return b.toString();
    }

    /** The record back, with the given identity number (decrypted by the caller, or empty). */
    public static DischargeRecord decode(String text, String patientIdNumber) {
        List<String> parts = split(text, UNIT);
        if (parts.size() != SCALARS + 2) {
            throw new IllegalArgumentException("stored record has " + parts.size() + " parts, expected " + (SCALARS + 2));
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (String line : lines(parts.get(SCALARS))) {
            List<String> a = split(line, ITEM);
            diagnoses.add(new Diagnosis(a.get(0), at(a, 1), at(a, 2)));
        }
        List<Procedure> procedures = new ArrayList<>();
        for (String line : lines(parts.get(SCALARS + 1))) {
            List<String> a = split(line, ITEM);
            procedures.add(new Procedure(a.get(0), at(a, 1), at(a, 2), at(a, 3), at(a, 4), at(a, 5), at(a, 6)));
        }
        return new DischargeRecord(parts.get(0), patientIdNumber, parts.get(1), parts.get(2), parts.get(3), parts.get(4),
                parts.get(5), parts.get(6), parts.get(7), parts.get(8), parts.get(9), parts.get(10), parts.get(11),
                parts.get(12), parts.get(13), parts.get(14), parts.get(15), diagnoses, procedures, parts.get(16),
                parts.get(17), parts.get(18), parts.get(19), parts.get(20), parts.get(21), parts.get(22), parts.get(23));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : split(text, LINE);
    }

    private static String at(List<String> a, int i) {
        return i < a.size() ? a.get(i) : "";
    }

    private static List<String> split(String text, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == sep) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
