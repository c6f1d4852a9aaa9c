package org.openhqd.platform.drg.cases;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * The findings list as CSV (UTF-8 with BOM, for Excel) or XLSX (streamed with SXSSF: 100 rows in
 * memory), written straight to the response. The export is audited before the first byte is sent;
 * values are as stored, i.e. masked (the patient only as the masked identity number).
 */
@Component
class FindingExport {

    /** XLSX sheets end at 1,048,576 rows; past this many findings the sheet says it was cut. */
    static final int XLSX_ROWS = 1_048_000;

    static final List<String> HEADER = List.of("case_row_id", "case_id", "institution", "patient_id_masked", "department",
            "attending_doctor", "coder", "discharge_month", "rule_id", "rule_version", "category", "severity", "field",
            "value_masked", "message_zh", "message_en", "fix_zh", "fix_en", "group_before", "group_if_fixed", "changes_group");

    static final List<String> HEADER_ZH = List.of("病例行号", "病案号", "机构", "证件号（脱敏）", "出院科室", "主诊医师", "编码员", "出院月份",
            "规则", "规则版本", "类别", "级别", "字段", "值（脱敏）", "问题", "问题（英文）", "修正建议", "修正建议（英文）", "当前分组", "修正后分组",
            "改变分组");

    private final Findings findings;

    FindingExport(Findings findings) {
        this.findings = findings;
    }

    void csv(DataScope scope, FindingFilter filter, OutputStream out) throws IOException {
        findings.auditExport(scope, filter, "CSV");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", HEADER));
        w.write('\n');
        try {
            findings.each(scope, filter, r -> {
                try {
                    List<String> v = values(r);
                    for (int i = 0; i < v.size(); i++) {
                        if (i > 0) {
                            w.write(',');
                        }
                        w.write(cell(v.get(i)));
                    }
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    void xlsx(DataScope scope, FindingFilter filter, OutputStream out) throws IOException {
        findings.auditExport(scope, filter, "XLSX");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("质控发现");
            Row zh = sheet.createRow(0);
            Row en = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                zh.createCell(i).setCellValue(HEADER_ZH.get(i));
                en.createCell(i).setCellValue(HEADER.get(i));
            }
            int[] next = {2};
            findings.each(scope, filter, r -> {
                if (next[0] > XLSX_ROWS) {
                    if (next[0] == XLSX_ROWS + 1) {
                        sheet.createRow(next[0]++).createCell(0)
                                .setCellValue("已截断：超过 " + XLSX_ROWS + " 行，请缩小筛选范围或导出 CSV / truncated: use a narrower filter or CSV");
                    }
                    return;
                }
                Row row = sheet.createRow(next[0]++);
                List<String> v = values(r);
                row.createCell(0).setCellValue(r.caseRowId());
                for (int i = 1; i < v.size(); i++) {
                    String s = v.get(i);
                    if (s != null && !s.isEmpty()) {
                        row.createCell(i).setCellValue(s); // a text cell: never evaluated as a formula
                    }
                }
            });
            wb.write(out);
        }
        out.flush();
    }

    private static List<String> values(Findings.Row r) {
        return java.util.Arrays.asList(Long.toString(r.caseRowId()), r.caseId(), r.institutionName(), r.patientIdMasked(),
                r.department(), r.attendingDoctor(), r.coder(), r.dischargeMonth(), r.ruleId(), r.ruleVersion(), r.category(),
                r.severity(), r.field(), r.valueMasked(), r.messageZh(), r.messageEn(), r.fixZh(), r.fixEn(), r.groupBefore(),
                r.groupIfFixed(), Boolean.toString(r.changesGroup()));
    }

    /** Quotes a CSV cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
