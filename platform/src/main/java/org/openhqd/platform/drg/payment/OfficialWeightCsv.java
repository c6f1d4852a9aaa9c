package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks an insurer's weight table (官方权重表) as CSV: a header naming the columns in
 * Chinese or English, in any order — {@code drg} and {@code rw} required, {@code avg_cost},
 * {@code avg_los}, {@code risk_level} optional, a name column ignored — and one row per DRG. Every
 * problem is collected (up to {@value #MAX_PROBLEMS}) so the file is fixed in one go; a DRG code the
 * scheme does not have is a problem, because its weight would never price a case.
 */
final class OfficialWeightCsv {

    static final int MAX_ROWS = 5000;
    private static final int MAX_PROBLEMS = 100;

    /** Header names per column (compared without case, spaces and underscores). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("drg", List.of("drg", "drgcode", "drg编码", "drg代码", "病组编码", "病组代码", "drg组编码"));
        COLUMNS.put("rw", List.of("rw", "weight", "relativeweight", "权重", "相对权重", "病组权重", "rw值"));
        COLUMNS.put("avg_cost", List.of("avgcost", "averagecost", "benchmarkcost", "例均费用", "次均费用", "平均费用", "基准费用",
                "基准例均费用"));
        COLUMNS.put("avg_los", List.of("avglos", "averagelos", "benchmarklos", "平均住院日", "基准住院日", "平均住院天数"));
        COLUMNS.put("risk_level", List.of("risklevel", "mortalityrisk", "风险等级", "死亡风险等级", "风险级别"));
        COLUMNS.put("name", List.of("name", "drgname", "名称", "病组名称", "drg名称"));
    }

    /** A checked row. */
    record Row(int line, String drg, BigDecimal rw, BigDecimal avgCost, BigDecimal avgLos, Integer riskLevel) {
    }

    /** The checked rows, and whether the file had a risk level column. */
    record Table(List<Row> rows, boolean hasRiskLevels) {
    }

    private OfficialWeightCsv() {
    }

    /**
     * @param schemeDrgs the scheme's DRG codes (upper case)
     * @throws WeightImportException naming every bad line and field; nothing is loaded then
     */
    static Table parse(String csv, java.util.Set<String> schemeDrgs) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new WeightImportException(List.of(WeightImportException.Problem.of(1, "header", "缺少表头（至少 drg,rw）",
                    "the header is missing (at least drg,rw)")));
        }
        List<String> header = split(lines.get(0));
        Map<String, Integer> at = new HashMap<>();
        List<WeightImportException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = column(header.get(i));
            if (column == null) {
                problems.add(WeightImportException.Problem.of(1, header.get(i).strip(), "未知的列名；可用：" + known(),
                        "unknown column; known: " + known()));
            } else if (at.putIfAbsent(column, i) != null) {
                problems.add(WeightImportException.Problem.of(1, header.get(i).strip(), "列重复", "the column appears twice"));
            }
        }
        for (String required : List.of("drg", "rw")) {
            if (!at.containsKey(required)) {
                problems.add(WeightImportException.Problem.of(1, required, "缺少必需的列", "the required column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightImportException(problems);
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new WeightImportException(List.of(WeightImportException.Problem.of(MAX_ROWS + 2, "file",
                    "文件最多 " + MAX_ROWS + " 行数据", "at most " + MAX_ROWS + " data rows per file")));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = split(lines.get(i));
            if (f.size() != header.size()) {
                problems.add(WeightImportException.Problem.of(line, "line", "应有 " + header.size() + " 列，实际 " + f.size() + " 列",
                        "expected " + header.size() + " fields, found " + f.size()));
                continue;
            }
            int before = problems.size();
            String drg = f.get(at.get("drg")).strip().toUpperCase(Locale.ROOT);
            if (drg.isEmpty()) {
                problems.add(WeightImportException.Problem.of(line, "drg", "DRG 编码不能为空", "the DRG code is empty"));
            } else if (!schemeDrgs.contains(drg)) {
                problems.add(WeightImportException.Problem.of(line, "drg", "分组方案中没有 DRG “" + cut(drg) + "”",
                        "the scheme has no DRG \"" + cut(drg) + "\""));
            } else {
                Integer earlier = seen.putIfAbsent(drg, line);
                if (earlier != null) {
                    problems.add(WeightImportException.Problem.of(line, "drg", "与第 " + earlier + " 行 DRG 重复",
                            "same DRG as line " + earlier));
                }
            }
            BigDecimal rw = number(f.get(at.get("rw")), 4, new BigDecimal("100"));
            if (rw == null) {
                problems.add(WeightImportException.Problem.of(line, "rw", "权重应为大于 0、不超过 100 的数（最多四位小数），实际为 “"
                        + cut(f.get(at.get("rw"))) + "”", "expected a weight above 0 and at most 100 with at most four decimals, found \""
                        + cut(f.get(at.get("rw"))) + "\""));
            }
            BigDecimal cost = optional(f, at, "avg_cost", 4, new BigDecimal("100000000"), problems, line,
                    "例均费用应为大于 0、不超过 100000000 的金额（元）", "expected an average cost in yuan above 0 and at most 100000000");
            BigDecimal los = optional(f, at, "avg_los", 4, new BigDecimal("3650"), problems, line,
                    "平均住院日应为大于 0、不超过 3650 的天数", "expected an average stay above 0 and at most 3650 days");
            Integer risk = null;
            if (at.containsKey("risk_level") && !f.get(at.get("risk_level")).isBlank()) {
                String v = f.get(at.get("risk_level")).strip();
                if (v.matches("[0-4]")) {
                    risk = Integer.parseInt(v);
                } else {
                    problems.add(WeightImportException.Problem.of(line, "risk_level", "风险等级应为 0–4 的整数，实际为 “" + cut(v) + "”",
                            "expected a risk level 0–4, found \"" + cut(v) + "\""));
                }
            }
            if (problems.size() == before) {
                rows.add(new Row(line, drg, rw, cost == null ? null : cost.setScale(2, RoundingMode.HALF_UP),
                        los == null ? null : los.setScale(2, RoundingMode.HALF_UP), risk));
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(WeightImportException.Problem.of(2, "file", "文件没有数据行", "the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new WeightImportException(problems);
        }
        return new Table(rows, at.containsKey("risk_level"));
    }

    private static BigDecimal optional(List<String> f, Map<String, Integer> at, String column, int decimals, BigDecimal max,
                                       List<WeightImportException.Problem> problems, int line, String zh, String en) {
        if (!at.containsKey(column) || f.get(at.get(column)).isBlank()) {
            return null;
        }
        String v = f.get(at.get(column));
        BigDecimal n = number(v, decimals, max);
        if (n == null) {
            problems.add(WeightImportException.Problem.of(line, column, zh + "（最多 " + decimals + " 位小数），实际为 “" + cut(v) + "”",
                    en + " (at most " + decimals + " decimals), found \"" + cut(v) + "\""));
        }
        return n;
    }

    /** A positive decimal up to {@code max} with at most {@code decimals} decimals, else null. */
    static BigDecimal number(String s, int decimals, BigDecimal max) {
        String v = s == null ? "" : s.strip().replace(",", "");
        if (!v.matches("\\d{1,12}(\\.\\d{1," + decimals + "})?")) {
            return null;
        }
        BigDecimal n = new BigDecimal(v);
        return n.signum() > 0 && n.compareTo(max) <= 0 ? n : null;
    }

    private static String column(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("（", "(").replace("）", ")")
                .replaceAll("\\(.*\\)$", "");
        for (var e : COLUMNS.entrySet()) {
            if (e.getValue().contains(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String known() {
        return String.join(", ", COLUMNS.keySet()) + "（或 DRG编码, 权重, 例均费用, 平均住院日, 风险等级, 名称）";
    }

    private static String cut(String s) {
        String v = s.strip();
        return v.length() <= 20 ? v : v.substring(0, 20) + "…";
    }

    /** Splits a CSV line; a field in double quotes may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
