package org.openhqd.platform.outpatient;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.organization.Department;
import org.openhqd.platform.organization.Institution;

/**
 * Reads and checks an imported visit-total file: header {@code institution_code,department_code,date,visits},
 * then one row per department and day. Every problem is collected (up to {@value #MAX_PROBLEMS}) so
 * the user fixes the file in one go; codes are resolved only among the importer's institutions.
 */
final class VisitCountCsv {

    static final String HEADER = "institution_code,department_code,date,visits";
    static final int MAX_ROWS = 100_000;
    static final int MAX_VISITS = 1_000_000;
    private static final int MAX_PROBLEMS = 100;

    /** A checked row, resolved to ids. */
    record Row(int line, long institutionId, long departmentId, LocalDate date, int visits) {
    }

    private VisitCountCsv() {
    }

    static List<Row> parse(String csv, Map<String, Institution> institutions, Map<String, Department> departments, LocalDate today) {
        List<VisitCountImportException.Problem> problems = new ArrayList<>();
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase(HEADER)) {
            problems.add(new VisitCountImportException.Problem(1, "header",
                    "第 1 行：表头应为 " + HEADER + " / line 1: the header must be " + HEADER));
            throw new VisitCountImportException(problems);
        }
        if (lines.size() - 1 > MAX_ROWS) {
            problems.add(new VisitCountImportException.Problem(MAX_ROWS + 2, "file",
                    "文件最多 " + MAX_ROWS + " 行数据 / at most " + MAX_ROWS + " data rows per file"));
            throw new VisitCountImportException(problems);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 4) {
                problems.add(problem(line, "line", "应有 4 列，实际 " + f.length + " 列", "expected 4 fields, found " + f.length));
                continue;
            }
            String instCode = f[0].strip();
            String deptCode = f[1].strip();
            Institution inst = institutions.get(instCode);
            Department dept = inst == null ? null : departments.get(inst.id() + "/" + deptCode);
            if (inst == null) {
                problems.add(problem(line, "institution_code", "机构编码 " + instCode + " 不存在或不在您的权限范围内",
                        "institution " + instCode + " is unknown or outside your scope"));
            } else if (dept == null) {
                problems.add(problem(line, "department_code", "机构 " + instCode + " 没有科室编码 " + deptCode,
                        "institution " + instCode + " has no department " + deptCode));
            }
            LocalDate date = date(f[2].strip());
            if (date == null || date.isAfter(today)) {
                problems.add(problem(line, "date", "日期应为 YYYY-MM-DD 且不晚于今天，实际为 “" + f[2].strip() + "”",
                        "expected a date YYYY-MM-DD not after today, found \"" + f[2].strip() + "\""));
            }
            Integer visits = visits(f[3].strip());
            if (visits == null) {
                problems.add(problem(line, "visits", "应为 0 至 " + MAX_VISITS + " 的整数，实际为 “" + f[3].strip() + "”",
                        "expected a whole number from 0 to " + MAX_VISITS + ", found \"" + f[3].strip() + "\""));
            }
            if (dept != null && date != null) {
                Integer earlier = seen.putIfAbsent(dept.id() + "/" + date, line);
                if (earlier != null) {
                    problems.add(problem(line, "date", "与第 " + earlier + " 行为同一机构、科室和日期",
                            "same institution, department and date as line " + earlier));
                }
            }
            if (inst != null && dept != null && date != null && !date.isAfter(today) && visits != null) {
                rows.add(new Row(line, inst.id(), dept.id(), date, visits));
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new VisitCountImportException.Problem(2, "file", "文件没有数据行 / the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new VisitCountImportException(problems);
        }
        return rows;
    }

    private static VisitCountImportException.Problem problem(int line, String field, String zh, String en) {
        return new VisitCountImportException.Problem(line, field,
                "第 " + line + " 行 " + field + "：" + zh + " / line " + line + ", field " + field + ": " + en);
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer visits(String s) {
        if (!s.matches("\\d{1,7}")) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v <= MAX_VISITS ? v : null;
    }
}
