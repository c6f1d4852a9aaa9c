package org.openhqd.platform.drg.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report as CSV (UTF-8 with BOM, so Excel opens the Chinese names) or XLSX (streamed with SXSSF):
 * the rows, then the total, each with the definitions' version, the period and every numerator and
 * denominator. The figures are aggregates: no case and no patient identity is in an export. Every
 * export is audited in the same transaction.
 */
@Service
public class AnalyticsExport {

    private final AuditLog audit;
    private final AnalyticsDefinitions definitions;
    private final MessageSource messages;

    AnalyticsExport(AuditLog audit, AnalyticsDefinitions definitions, MessageSource messages) {
        this.audit = audit;
        this.definitions = definitions;
        this.messages = messages;
    }

    @Transactional
    public String csv(AnalyticsReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append("definitions_version,from,to,dimension,row");
        for (ExportColumns.Column c : ExportColumns.ALL) {
            out.append(',').append(c.key());
        }
        out.append('\n');
        List<AnalyticsRow> lines = lines(report);
        for (int i = 0; i < lines.size(); i++) {
            out.append(report.definitionsVersion()).append(',').append(report.from()).append(',').append(report.to())
                    .append(',').append(report.dimension()).append(',').append(i == lines.size() - 1 ? "total" : "row");
            for (ExportColumns.Column c : ExportColumns.ALL) {
                out.append(',').append(cell(c.value().apply(lines.get(i))));
            }
            out.append('\n');
        }
        audit(report, "csv", lines.size());
        return out.toString();
    }

    @Transactional
    public byte[] xlsx(AnalyticsReport report) {
        List<AnalyticsRow> lines = lines(report);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(text("da.xlsx.sheet"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(text("da.title") + " " + report.from() + " – " + report.to() + " · "
                    + text("da.dimension." + report.dimension()) + " · " + text("da.definitions.version") + " "
                    + report.definitionsVersion());
            sheet.createRow(1).createCell(0).setCellValue(text("da.estimate") + " " + text("da.policy"));
            Row header = sheet.createRow(2);
            Row keys = sheet.createRow(3);
            for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                String key = ExportColumns.ALL.get(c).key();
                Cell h = header.createCell(c);
                h.setCellValue(text("da.col." + key));
                h.setCellStyle(bold);
                keys.createCell(c).setCellValue(key);
            }
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(4 + i);
                for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                    Object v = ExportColumns.ALL.get(c).value().apply(lines.get(i));
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
                if (i == lines.size() - 1) {
                    row.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text("da.total"));
                }
            }
            Sheet defs = wb.createSheet(text("da.definitions"));
            String[] defHeader = {"version", "id", "key", "name_zh", "name_en", "numerator", "denominator", "unit", "direction",
                    "source", "platform_rule"};
            Row dh = defs.createRow(0);
            for (int c = 0; c < defHeader.length; c++) {
                dh.createCell(c).setCellValue(defHeader[c]);
            }
            int r = 1;
            for (AnalyticsDefinition d : definitions.all()) {
                Row row = defs.createRow(r++);
                String[] v = {d.version(), d.id(), d.key(), d.nameZh(), d.nameEn(), d.numerator(), d.denominator(), d.unit(),
                        d.direction(), d.source(), d.platformRule()};
                for (int c = 0; c < v.length; c++) {
                    row.createCell(c).setCellValue(v[c]);
                }
            }
            wb.write(bytes);
            audit(report, "xlsx", lines.size());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows, then the total. */
    private static List<AnalyticsRow> lines(AnalyticsReport report) {
        List<AnalyticsRow> lines = new ArrayList<>(report.rows());
        lines.add(report.total());
        return lines;
    }

    private void audit(AnalyticsReport report, String format, int lines) {
        audit.record(AuditAction.EXPORT, "drg_analytics", null, null, "DRG analytics " + format + " " + report.from() + ".."
                + report.to() + " dimension " + report.dimension()
                + (report.institution() == null ? "" : " institution " + report.institution())
                + (report.department() == null ? "" : " department " + report.department())
                + (report.doctor() == null ? "" : " doctor " + report.doctor())
                + (report.drg() == null ? "" : " drg " + report.drg())
                + ", " + lines + " rows, definitions " + report.definitionsVersion());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** A CSV cell: numbers plain, text quoted when needed and defused (a leading = + - @ never runs as a formula). */
    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (o instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        if (o instanceof Number) {
            return o.toString();
        }
        String s = o.toString();
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
