package org.openhqd.platform.community;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.organization.Institution;

/**
 * Reads and checks an insurer's settlement file: header {@value #HEADER}, one row per settled case.
 * Every problem is collected (up to {@value #MAX_PROBLEMS}) so the file is fixed in one go. The
 * insured reference must be pseudonymous: anything shaped like a resident identity number is refused.
 */
final class SettlementCsv {

    static final String HEADER = "settlement_id,insured_ref,provider_code,provider_name,in_county,visit_type,settled_on,total_cost,fund_payment";
    static final int MAX_ROWS = 200_000;
    private static final int MAX_PROBLEMS = 100;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    /** A checked row; {@code institutionId} is set when the provider is a member institution. */
    record Row(int line, String settlementId, String insuredRef, Long institutionId, String providerCode, String providerName,
               boolean inCounty, VisitType visitType, LocalDate settledOn, BigDecimal totalCost, BigDecimal fundPayment) {
    }

    private SettlementCsv() {
    }

    static List<Row> parse(String csv, Map<String, Institution> members, LocalDate today) {
        List<CsvImportException.Problem> problems = new ArrayList<>();
        List<String> lines = CsvLines.of(csv);
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase(HEADER)) {
            throw new CsvImportException(List.of(new CsvImportException.Problem(1, "header",
                    "第 1 行：表头应为 " + HEADER + " / line 1: the header must be " + HEADER)));
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new CsvImportException(List.of(new CsvImportException.Problem(MAX_ROWS + 2, "file",
                    "文件最多 " + MAX_ROWS + " 行数据 / at most " + MAX_ROWS + " data rows per file")));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 9) {
                problems.add(CsvImportException.Problem.of(line, "line", "应有 9 列，实际 " + f.length + " 列",
                        "expected 9 fields, found " + f.length));
                continue;
            }
            int before = problems.size();
            String settlementId = f[0].strip();
            if (!settlementId.matches("[A-Za-z0-9._/-]{1,64}")) {
                problems.add(CsvImportException.Problem.of(line, "settlement_id", "结算编号应为 1–64 位字母、数字或 ._/-",
                        "expected 1–64 letters, digits or ._/-"));
            } else {
                Integer earlier = seen.putIfAbsent(settlementId, line);
                if (earlier != null) {
                    problems.add(CsvImportException.Problem.of(line, "settlement_id", "与第 " + earlier + " 行结算编号重复",
                            "same settlement id as line " + earlier));
                }
            }
            String insured = f[1].strip();
            if (!insured.matches("[A-Za-z0-9_-]{4,64}") || insured.matches("\\d{15}|\\d{17}[0-9Xx]")) {
                problems.add(CsvImportException.Problem.of(line, "insured_ref",
                        "参保人应为 4–64 位化名编号（字母、数字、_ -），不得为身份证号",
                        "expected a pseudonymous reference of 4–64 letters, digits, _ or -, never an identity number"));
            }
            String providerCode = f[2].strip();
            Institution member = members.get(providerCode);
            if (!providerCode.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add(CsvImportException.Problem.of(line, "provider_code", "机构编码应为 1–64 位字母、数字或 ._-",
                        "expected 1–64 letters, digits or ._-"));
            }
            String providerName = f[3].strip();
            if (providerName.length() > 128) {
                problems.add(CsvImportException.Problem.of(line, "provider_name", "机构名称最多 128 字", "at most 128 characters"));
            }
            Boolean inCounty = switch (f[4].strip().toUpperCase(java.util.Locale.ROOT)) {
                case "Y", "YES", "TRUE", "1", "是" -> Boolean.TRUE;
                case "N", "NO", "FALSE", "0", "否" -> Boolean.FALSE;
                default -> null;
            };
            if (inCounty == null) {
                problems.add(CsvImportException.Problem.of(line, "in_county", "应为 Y（县域内）或 N（县域外），实际为 “" + f[4].strip() + "”",
                        "expected Y (in county) or N (outside the county), found \"" + f[4].strip() + "\""));
            } else if (member != null && !inCounty) {
                problems.add(CsvImportException.Problem.of(line, "in_county", "机构 " + providerCode + " 是医共体成员，应为 Y",
                        providerCode + " is a member institution: expected Y"));
            }
            VisitType type = visitType(f[5].strip());
            if (type == null) {
                problems.add(CsvImportException.Problem.of(line, "visit_type", "应为 INPATIENT（住院）或 OUTPATIENT（门诊）",
                        "expected INPATIENT or OUTPATIENT"));
            }
            LocalDate date = date(f[6].strip());
            if (date == null || date.isAfter(today)) {
                problems.add(CsvImportException.Problem.of(line, "settled_on", "日期应为 YYYY-MM-DD 且不晚于今天，实际为 “" + f[6].strip() + "”",
                        "expected a date YYYY-MM-DD not after today, found \"" + f[6].strip() + "\""));
            }
            BigDecimal total = amount(f[7].strip());
            if (total == null) {
                problems.add(amountProblem(line, "total_cost", f[7].strip()));
            }
            BigDecimal fund = amount(f[8].strip());
            if (fund == null) {
                problems.add(amountProblem(line, "fund_payment", f[8].strip()));
            } else if (total != null && fund.compareTo(total) > 0) {
                problems.add(CsvImportException.Problem.of(line, "fund_payment", "基金支付 " + fund + " 大于总费用 " + total,
                        "fund payment " + fund + " exceeds the total cost " + total));
            }
            if (problems.size() == before) {
                rows.add(new Row(line, settlementId, insured, member == null ? null : member.id(), providerCode,
                        providerName.isEmpty() ? null : providerName, inCounty, type, date, total, fund));
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new CsvImportException.Problem(2, "file", "文件没有数据行 / the file has no data rows"));
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        return rows;
    }

    private static CsvImportException.Problem amountProblem(int line, String field, String found) {
        return CsvImportException.Problem.of(line, field, "应为 0 至 100000000 的金额（元，最多两位小数），实际为 “" + found + "”",
                "expected an amount in yuan from 0 to 100000000 with at most two decimals, found \"" + found + "\"");
    }

    private static VisitType visitType(String s) {
        for (VisitType t : VisitType.values()) {
            if (t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        return null;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal amount(String s) {
        if (!s.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        BigDecimal v = new BigDecimal(s).setScale(2);
        return v.compareTo(MAX_AMOUNT) <= 0 ? v : null;
    }
}
