package org.openhqd.platform.drg.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.drg.CaseRecordCodec;
import org.openhqd.platform.drg.ImportRejection;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;

/**
 * Turns a row's cells into a discharge record, or rejects the row for its structure: wrong number
 * of cells, a cell too long for its column, no case id, an institution unknown or outside the
 * importer's scope, a case id already seen earlier in the file. Everything else about the content
 * is quality control's business: values go into the record as submitted text (control characters
 * blanked, {@link CaseRecordCodec#clean}).
 */
public final class RowAssembler {

    /** An accepted row: the record and the institution it belongs to. */
    public record Accepted(long line, long institutionId, DischargeRecord record) {
    }

    /** Longest text per field (the stored columns' widths); codes and names of lines apart. */
    static final Map<String, Integer> MAX = Map.ofEntries(Map.entry("case_id", 64), Map.entry("patient_id_number", 32),
            Map.entry("institution", 32), Map.entry("department", 64), Map.entry("attending_doctor", 64),
            Map.entry("coder", 64), Map.entry("insurance_type", 16), Map.entry("transfer_institution", 128));
    static final int MAX_SCALAR = 64;
    static final int MAX_CODE = 32;   // drg_case.principal_dx; dagger-asterisk pairs are 18
    static final int MAX_NAME = 200;
    static final int MAX_ATTRIBUTE = 64;
    static final int MAX_LINES = 100;
    static final int MAX_RECORD = 16000;

    private final ImportColumns columns;
    private final Map<String, Institution> institutions;
    private final Institution own;
    private final SeenCaseIds seen = new SeenCaseIds();
    private final boolean shortRows;

    /**
     * @param institutions the institutions in the importer's scope, by code
     * @param own the importer's institution (rows without an institution code belong to it)
     * @param shortRows whether a row may have fewer cells than the header (XLSX leaves out trailing empty cells)
     */
    public RowAssembler(ImportColumns columns, Map<String, Institution> institutions, Institution own, boolean shortRows) {
        this.columns = columns;
        this.shortRows = shortRows;
        this.institutions = institutions;
        this.own = own;
    }

    /** The record of a row, or the rejection that says why not. */
    public Object assemble(long line, String[] cells) {
        if (cells.length == 1 && CsvRowSource.UNBALANCED.equals(cells[0])) {
            return reject(line, "", "*", "", "引号不配对（单元格不能跨行）", "unbalanced quote (a cell cannot span lines)");
        }
        if (cells.length != columns.width()) {
            boolean extraBlank = cells.length > columns.width()
                    && Arrays.stream(cells, columns.width(), cells.length).allMatch(String::isBlank);
            if (!extraBlank && !(cells.length < columns.width() && shortRows)) {
                return reject(line, firstCaseId(cells), "*", Integer.toString(cells.length),
                        "单元格数 " + cells.length + " 与表头列数 " + columns.width() + " 不符",
                        cells.length + " cells where the header has " + columns.width());
            }
        }
        DischargeRecord.Builder b = DischargeRecord.builder();
        String caseId = "";
        String institutionCode = "";
        Lines dx = new Lines(3);
        Lines px = new Lines(7);
        int length = 0;
        for (int i = 0; i < Math.min(cells.length, columns.width()); i++) {
            ImportColumns.Target t = columns.target(i);
            if (t == null) {
                continue;
            }
            String value = CaseRecordCodec.clean(cells[i]).strip();
            length += value.length() + 1;
            if (t instanceof ImportColumns.Scalar s) {
                int max = MAX.getOrDefault(s.field(), MAX_SCALAR);
                if (value.length() > max) {
                    return tooLong(line, caseId.isEmpty() ? firstCaseId(cells) : caseId, s.field(), value, max);
                }
                if (s.field().equals("case_id")) {
                    caseId = value;
                } else if (s.field().equals("institution")) {
                    institutionCode = value;
                }
                b.set(s.field(), value);
            } else if (t instanceof ImportColumns.Numbered n) {
                if (n.index() >= MAX_LINES) {
                    continue;
                }
                String problem = lineValue(n.procedure() ? px : dx, n.procedure(), n.index(), n.attribute(), value);
                if (problem != null) {
                    return tooLong(line, caseId.isEmpty() ? firstCaseId(cells) : caseId, problem, value, limit(n.attribute()));
                }
            } else if (t instanceof ImportColumns.Joined j) {
                String[] items = value.isEmpty() ? new String[0] : value.split("\\|", -1);
                if (items.length > MAX_LINES) {
                    return reject(line, caseId.isEmpty() ? firstCaseId(cells) : caseId, field(j.procedure(), -1, j.attribute()),
                            cut(value), "超过 " + MAX_LINES + " 项", "more than " + MAX_LINES + " items");
                }
                for (int k = 0; k < items.length; k++) {
                    String problem = lineValue(j.procedure() ? px : dx, j.procedure(), k, j.attribute(), items[k].strip());
                    if (problem != null) {
                        return tooLong(line, caseId.isEmpty() ? firstCaseId(cells) : caseId, problem, items[k].strip(),
                                limit(j.attribute()));
                    }
                }
            }
        }
        if (caseId.isEmpty()) {
            return reject(line, "", "case_id", "", "病案号为空", "the case id is empty");
        }
        Institution institution;
        if (institutionCode.isEmpty()) {
            institution = own;
            b.set("institution", own.code());
        } else {
            institution = institutions.get(institutionCode);
            if (institution == null) {
                return reject(line, caseId, "institution", institutionCode,
                        "机构编码 " + institutionCode + " 不存在或不在您的数据范围内",
                        "institution code " + institutionCode + " is unknown or outside your data scope");
            }
        }
        b.diagnoses(dx.diagnoses());
        b.procedures(px.procedures());
        DischargeRecord record = b.build();
        if (length > MAX_RECORD) { // the stored record's length is at most the values' and one separator each
            return reject(line, caseId, "*", "", "整条记录超过 " + MAX_RECORD + " 个字符", "the record is longer than "
                    + MAX_RECORD + " characters");
        }
        long earlier = seen.putIfAbsent(institution.id(), caseId, line);
        if (earlier >= 0) {
            return reject(line, caseId, "case_id", caseId, "病案号在本文件第 " + earlier + " 行已出现，本行未导入",
                    "the case id already occurs on line " + earlier + " of this file; this row was not imported");
        }
        return new Accepted(line, institution.id(), record);
    }

    private static int limit(String attribute) {
        return attribute.equals("code") ? MAX_CODE : attribute.equals("name") ? MAX_NAME : MAX_ATTRIBUTE;
    }

    /** Stores a line attribute; returns the field path when the value is too long, else null. */
    private static String lineValue(Lines lines, boolean procedure, int index, String attribute, String value) {
        if (value.length() > limit(attribute)) {
            return field(procedure, index, attribute);
        }
        lines.set(index, procedure ? PX_ATTRIBUTES.indexOf(attribute) : DX_ATTRIBUTES.indexOf(attribute), value);
        return null;
    }

    static final List<String> DX_ATTRIBUTES = List.of("code", "name", "admission_condition");
    static final List<String> PX_ATTRIBUTES = List.of("code", "name", "date", "level", "incision_class", "healing_grade",
            "anaesthesia");

    private static String field(boolean procedure, int index, String attribute) {
        return (procedure ? "procedures" : "diagnoses") + "[" + (index < 0 ? "*" : Integer.toString(index)) + "]." + attribute;
    }

    private String firstCaseId(String[] cells) {
        for (int i = 0; i < Math.min(cells.length, columns.width()); i++) {
            if (columns.target(i) instanceof ImportColumns.Scalar s && s.field().equals("case_id")) {
                return cut(CaseRecordCodec.clean(cells[i]).strip(), 64);
            }
        }
        return "";
    }

    private static ImportRejection tooLong(long line, String caseId, String field, String value, int max) {
        return reject(line, caseId, field, value, "内容长度 " + value.length() + " 超过该列上限 " + max,
                "the value is " + value.length() + " characters long; the column holds at most " + max);
    }

    static ImportRejection reject(long line, String caseId, String field, String value, String zh, String en) {
        String shown = field.equals("patient_id_number") ? IdNumber.mask(value) : cut(value);
        return new ImportRejection(line, cut(caseId, 64), field, shown, zh, en);
    }

    private static String cut(String value) {
        return cut(value, 128);
    }

    private static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }

    /** Diagnosis or procedure lines being filled, attribute by attribute. */
    private static final class Lines {
        private final int attributes;
        private final List<String[]> lines = new ArrayList<>(4);

        Lines(int attributes) {
            this.attributes = attributes;
        }

        void set(int index, int attribute, String value) {
            while (lines.size() <= index) {
                lines.add(null);
            }
            String[] l = lines.get(index);
            if (l == null) {
                l = new String[attributes];
                Arrays.fill(l, "");
                lines.set(index, l);
            }
            l[attribute] = value;
        }

        /** The filled lines; a line left wholly empty is dropped, except the principal when others follow. */
        private List<String[]> filled() {
            List<String[]> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] l = lines.get(i);
                boolean empty = l == null || Arrays.stream(l).allMatch(String::isEmpty);
                if (!empty) {
                    out.add(l);
                } else if (i == 0) {
                    out.add(null); // placeholder: kept only if a secondary line follows
                }
            }
            if (!out.isEmpty() && out.get(0) == null) {
                if (out.size() == 1) {
                    return List.of();
                }
                String[] blank = new String[attributes];
                Arrays.fill(blank, "");
                out.set(0, blank);
            }
            return out;
        }

        List<Diagnosis> diagnoses() {
            List<Diagnosis> out = new ArrayList<>();
            for (String[] l : filled()) {
                out.add(new Diagnosis(l[0], l[1], l[2]));
            }
            return out;
        }

        List<Procedure> procedures() {
            List<Procedure> out = new ArrayList<>();
            for (String[] l : filled()) {
                out.add(new Procedure(l[0], l[1], l[2], l[3], l[4], l[5], l[6]));
            }
            return out;
        }
    }
}
