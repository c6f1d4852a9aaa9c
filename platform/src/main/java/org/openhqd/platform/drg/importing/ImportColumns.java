package org.openhqd.platform.drg.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column mapping of a case file (列映射): which header names fill which field of the record.
 * English names are the quality module's field names ({@code DischargeRecord.Builder#set}); the
 * Chinese names are those of the 医保结算清单 and the 病案首页 as HIS exports carry them. Diagnoses and
 * procedures come either as numbered columns (主要诊断编码, 其他诊断编码1…N; 主要手术操作编码,
 * 手术操作编码1…N, …) or as one joined column per attribute ({@code diagnoses} = {@code I21.0|I10}),
 * never both for the same list. docs/drg.md ("Import") lists the whole table; {@link #table()}
 * produces it.
 */
public final class ImportColumns {

    /** Where a column's value goes. */
    public sealed interface Target {
    }

    /** A single-valued field, by its record field name. */
    public record Scalar(String field) implements Target {
    }

    /** An attribute of the diagnosis (or procedure) line {@code index} (0 = principal). */
    public record Numbered(boolean procedure, int index, String attribute) implements Target {
    }

    /** An attribute of every diagnosis (or procedure) line, joined by {@code |}. */
    public record Joined(boolean procedure, String attribute) implements Target {
    }

    /** The scalar fields with their accepted header names, English first. */
    static final Map<String, List<String>> SCALARS = new LinkedHashMap<>();
    /** Joined list columns: attribute → names (diagnoses, then procedures). */
    static final Map<String, List<String>> DX_JOINED = new LinkedHashMap<>();
    static final Map<String, List<String>> PX_JOINED = new LinkedHashMap<>();
    /** Principal-line numbered columns and the stems of the numbered ones (stem + N). */
    static final Map<String, List<String>> DX_PRINCIPAL = new LinkedHashMap<>();
    static final Map<String, List<String>> DX_NUMBERED = new LinkedHashMap<>();
    static final Map<String, List<String>> PX_PRINCIPAL = new LinkedHashMap<>();
    static final Map<String, List<String>> PX_NUMBERED = new LinkedHashMap<>();
    /** Stems whose number always counts the secondary lines (其他诊断编码1 is the first secondary). */
    static final List<String> SECONDARY_STEMS = List.of("其他诊断编码", "其他诊断代码", "其他诊断名称", "其他诊断入院病情",
            "其他手术操作编码", "其他手术操作代码", "其他手术操作名称", "其他手术操作日期", "其他手术级别", "其他手术切口类别",
            "其他手术愈合等级", "其他手术麻醉方式");

    static {
        scalar("case_id", "病案号", "结算清单号", "住院号", "病案编号", "清单流水号");
        scalar("patient_id_number", "证件号码", "身份证号", "身份证号码", "患者证件号码");
        scalar("institution", "机构编码", "医疗机构编码", "定点医疗机构代码", "定点医疗机构编码", "institution_code");
        scalar("department", "出院科别", "出院科室", "dept");
        scalar("attending_doctor", "主诊医师", "主诊医师姓名");
        scalar("coder", "编码员");
        scalar("admission_time", "入院时间", "入院日期");
        scalar("discharge_time", "出院时间", "出院日期");
        scalar("los", "实际住院天数", "住院天数");
        scalar("sex", "性别");
        scalar("age", "年龄", "年龄(岁)");
        scalar("age_days", "年龄(天)", "日龄", "年龄不足1周岁的年龄(天)", "年龄不足1周岁(天)");
        scalar("birth_weight", "新生儿出生体重", "出生体重", "新生儿出生体重(克)");
        scalar("admission_weight", "新生儿入院体重", "入院体重", "新生儿入院体重(克)");
        scalar("discharge_type", "离院方式");
        scalar("transfer_institution", "拟接收机构", "拟接收机构名称", "转院机构");
        scalar("admission_route", "入院途径");
        scalar("total_cost", "医疗费总额", "住院总费用", "总费用");
        scalar("drug_cost", "药品费", "药费");
        scalar("material_cost", "耗材费");
        scalar("examination_cost", "检查检验费");
        scalar("service_cost", "医疗服务费");
        scalar("other_cost", "其他费", "其他费用");
        scalar("insurance_type", "医保类型");
        scalar("fund_payment", "统筹基金支付", "医保统筹基金支付");

        DX_JOINED.put("code", List.of("diagnoses", "诊断", "诊断编码", "诊断代码"));
        DX_JOINED.put("name", List.of("diagnosis_names", "诊断名称"));
        DX_JOINED.put("admission_condition", List.of("diagnosis_conditions", "入院病情"));
        PX_JOINED.put("code", List.of("procedures", "手术", "手术操作", "手术操作编码", "手术及操作编码", "手术操作代码"));
        PX_JOINED.put("name", List.of("procedure_names", "手术操作名称"));
        PX_JOINED.put("date", List.of("procedure_dates", "手术操作日期"));
        PX_JOINED.put("level", List.of("procedure_levels", "手术级别"));
        PX_JOINED.put("incision_class", List.of("procedure_incision_classes", "切口类别"));
        PX_JOINED.put("healing_grade", List.of("procedure_healing_grades", "愈合等级"));
        PX_JOINED.put("anaesthesia", List.of("procedure_anaesthesias", "麻醉方式"));

        DX_PRINCIPAL.put("code", List.of("主要诊断编码", "主要诊断代码"));
        DX_PRINCIPAL.put("name", List.of("主要诊断名称"));
        DX_PRINCIPAL.put("admission_condition", List.of("主要诊断入院病情"));
        DX_NUMBERED.put("code", List.of("其他诊断编码", "其他诊断代码", "诊断编码", "诊断代码"));
        DX_NUMBERED.put("name", List.of("其他诊断名称", "诊断名称"));
        DX_NUMBERED.put("admission_condition", List.of("其他诊断入院病情", "入院病情"));
        PX_PRINCIPAL.put("code", List.of("主要手术操作编码", "主要手术及操作编码", "主要手术操作代码"));
        PX_PRINCIPAL.put("name", List.of("主要手术操作名称"));
        PX_PRINCIPAL.put("date", List.of("主要手术操作日期"));
        PX_PRINCIPAL.put("level", List.of("主要手术级别", "主要手术操作级别"));
        PX_PRINCIPAL.put("incision_class", List.of("主要手术切口类别"));
        PX_PRINCIPAL.put("healing_grade", List.of("主要手术愈合等级"));
        PX_PRINCIPAL.put("anaesthesia", List.of("主要手术麻醉方式"));
        PX_NUMBERED.put("code", List.of("其他手术操作编码", "其他手术操作代码", "手术操作编码", "手术及操作编码", "手术操作代码"));
        PX_NUMBERED.put("name", List.of("其他手术操作名称", "手术操作名称"));
        PX_NUMBERED.put("date", List.of("其他手术操作日期", "手术操作日期"));
        PX_NUMBERED.put("level", List.of("其他手术级别", "手术级别", "手术操作级别"));
        PX_NUMBERED.put("incision_class", List.of("其他手术切口类别", "切口类别"));
        PX_NUMBERED.put("healing_grade", List.of("其他手术愈合等级", "愈合等级"));
        PX_NUMBERED.put("anaesthesia", List.of("其他手术麻醉方式", "麻醉方式"));
    }

    private static void scalar(String field, String... chinese) {
        List<String> names = new ArrayList<>();
        names.add(field);
        names.addAll(List.of(chinese));
        SCALARS.put(field, names);
    }

    private static final Pattern NUMBERED = Pattern.compile("(.+?)(\\d{1,3})");

    private final Target[] targets;
    private final List<String> ignored;
    private final int width;

    private ImportColumns(Target[] targets, List<String> ignored) {
        this.targets = targets;
        this.ignored = ignored;
        this.width = targets.length;
    }

    /** Header text as matched: trimmed, without spaces, full-width brackets as ASCII, lower case. */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\u3000') {
                continue;
            }
            b.append(c == '（' ? '(' : c == '）' ? ')' : c == '＿' ? '_' : c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a header row.
     *
     * @throws ImportFileException when there is no case id column, a field has two columns, or a
     *     list comes both numbered and joined
     */
    public static ImportColumns of(String[] header, long line) {
        Map<String, Target> byName = new HashMap<>();
        SCALARS.forEach((f, names) -> names.forEach(n -> byName.put(normalise(n), new Scalar(f))));
        DX_JOINED.forEach((a, names) -> names.forEach(n -> byName.put(normalise(n), new Joined(false, a))));
        PX_JOINED.forEach((a, names) -> names.forEach(n -> byName.put(normalise(n), new Joined(true, a))));
        DX_PRINCIPAL.forEach((a, names) -> names.forEach(n -> byName.put(normalise(n), new Numbered(false, 0, a))));
        PX_PRINCIPAL.forEach((a, names) -> names.forEach(n -> byName.put(normalise(n), new Numbered(true, 0, a))));
        boolean dxPrincipalColumn = false;
        boolean pxPrincipalColumn = false;
        for (String h : header) {
            Target t = byName.get(normalise(h));
            if (t instanceof Numbered n) {
                dxPrincipalColumn |= !n.procedure();
                pxPrincipalColumn |= n.procedure();
            }
        }
        Target[] targets = new Target[header.length];
        List<String> ignored = new ArrayList<>();
        Map<Target, String> seen = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = normalise(header[i]);
            Target t = byName.get(name);
            if (t == null) {
                t = numbered(name, dxPrincipalColumn, pxPrincipalColumn);
            }
            if (t == null) {
                if (!name.isEmpty()) {
                    ignored.add(header[i].strip());
                }
                continue;
            }
            String before = seen.put(t, header[i].strip());
            if (before != null) {
                throw new ImportFileException(line, "列“" + header[i].strip() + "”与列“" + before + "”是同一字段，只能保留一列",
                        "columns '" + header[i].strip() + "' and '" + before + "' fill the same field; keep one");
            }
            targets[i] = t;
        }
        if (!seen.containsKey(new Scalar("case_id"))) {
            throw new ImportFileException(line, "表头没有病案号列（病案号 / 结算清单号 / case_id），或文件编码不符",
                    "the header has no case id column (病案号 / 结算清单号 / case_id), or the file's encoding is not the one chosen");
        }
        for (boolean procedure : new boolean[] {false, true}) {
            boolean joined = false;
            boolean numbered = false;
            for (Target t : targets) {
                joined |= t instanceof Joined j && j.procedure() == procedure;
                numbered |= t instanceof Numbered n && n.procedure() == procedure;
            }
            if (joined && numbered) {
                String what = procedure ? "手术操作" : "诊断";
                throw new ImportFileException(line, what + "既有编号列又有合并列（以 | 分隔），只能用一种",
                        (procedure ? "procedures" : "diagnoses") + " come both as numbered columns and as joined (|) columns; use one");
            }
        }
        return new ImportColumns(targets, List.copyOf(ignored));
    }

    private static Target numbered(String name, boolean dxPrincipalColumn, boolean pxPrincipalColumn) {
        Matcher m = NUMBERED.matcher(name);
        if (!m.matches()) {
            return null;
        }
        String stem = m.group(1);
        int n = Integer.parseInt(m.group(2));
        if (n < 1) {
            return null;
        }
        for (boolean procedure : new boolean[] {false, true}) {
            for (var e : (procedure ? PX_NUMBERED : DX_NUMBERED).entrySet()) {
                for (String s : e.getValue()) {
                    if (normalise(s).equals(stem)) {
                        boolean secondary = SECONDARY_STEMS.contains(s) || (procedure ? pxPrincipalColumn : dxPrincipalColumn);
                        return new Numbered(procedure, secondary ? n : n - 1, e.getKey());
                    }
                }
            }
        }
        return null;
    }

    /** The target of column {@code i}, or null when the column is ignored. */
    public Target target(int i) {
        return i < targets.length ? targets[i] : null;
    }

    public int width() {
        return width;
    }

    /** Header names that matched no field (reported, not an error). */
    public List<String> ignored() {
        return ignored;
    }

    /** Whether the file has an institution column. */
    public boolean hasInstitution() {
        for (Target t : targets) {
            if (t instanceof Scalar s && s.field().equals("institution")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mapping as rows of {field, English name, Chinese names}, for the documentation and the
     * console's help.
     */
    public static List<String[]> table() {
        List<String[]> rows = new ArrayList<>();
        SCALARS.forEach((f, names) -> rows.add(new String[] {f, String.join(", ", names.subList(1, names.size()))}));
        DX_JOINED.forEach((a, names) -> rows.add(new String[] {"diagnoses[*]." + a + " (joined)", String.join(", ", names)}));
        PX_JOINED.forEach((a, names) -> rows.add(new String[] {"procedures[*]." + a + " (joined)", String.join(", ", names)}));
        DX_PRINCIPAL.forEach((a, names) -> rows.add(new String[] {"diagnoses[0]." + a, String.join(", ", names)}));
        DX_NUMBERED.forEach((a, names) -> rows.add(new String[] {"diagnoses[N]." + a, String.join("N, ", names) + "N"}));
        PX_PRINCIPAL.forEach((a, names) -> rows.add(new String[] {"procedures[0]." + a, String.join(", ", names)}));
        PX_NUMBERED.forEach((a, names) -> rows.add(new String[] {"procedures[N]." + a, String.join("N, ", names) + "N"}));
        return rows;
    }
}
