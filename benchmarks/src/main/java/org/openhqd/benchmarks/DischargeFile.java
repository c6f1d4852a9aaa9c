package org.openhqd.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.Diagnosis;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.Procedure;
import org.openhqd.quality.synthetic.DischargeGenerator;

/**
 * Writes a synthetic settlement-list export for the import benchmark: {@code rows} discharges of
 * one county hospital from {@link DischargeGenerator} (no real person's data), with the Chinese
 * headers a HIS export carries (docs/drg.md, "Import") — numbered diagnosis columns (主要诊断编码,
 * 其他诊断编码1…10) and procedure columns (主要手术操作编码, 手术操作编码1…4). CSV is UTF-8 with a
 * BOM; XLSX is written streaming (SXSSF, 1,000 rows in memory), costs as numeric cells.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.openhqd.benchmarks.DischargeFile OUT ROWS [csv|xlsx] [SEED]
 * [INSTITUTION] [CASE_PREFIX]}
 */
public final class DischargeFile {

    static final int OTHER_DX = 10;
    static final int OTHER_PX = 4;

    private DischargeFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DischargeFile OUT ROWS [csv|xlsx] [SEED] [INSTITUTION] [CASE_PREFIX]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        boolean xlsx = args.length > 2 && args[2].equalsIgnoreCase("xlsx");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 2025;
        String institution = args.length > 4 ? args[4] : "H001";
        String prefix = args.length > 5 ? args[5] : "ZY";
        var generator = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), seed, institution, prefix, 2025);
        long t0 = System.nanoTime();
        if (xlsx) {
            writeXlsx(out, rows, generator);
        } else {
            writeCsv(out, rows, generator);
        }
        System.out.printf("%s: %,d rows, %,d bytes, %.1f s%n", out, rows, Files.size(out), (System.nanoTime() - t0) / 1e9);
    }

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("病案号", "证件号码", "机构编码", "出院科别", "主诊医师", "编码员", "入院时间", "出院时间",
                "实际住院天数", "性别", "年龄", "年龄（天）", "新生儿出生体重", "新生儿入院体重", "离院方式", "拟接收机构", "入院途径",
                "主要诊断编码", "主要诊断名称", "主要诊断入院病情"));
        for (int i = 1; i <= OTHER_DX; i++) {
            h.addAll(List.of("其他诊断编码" + i, "其他诊断名称" + i, "其他诊断入院病情" + i));
        }
        h.addAll(List.of("主要手术操作编码", "主要手术操作名称", "主要手术操作日期", "主要手术级别", "主要手术切口类别", "主要手术愈合等级",
                "主要手术麻醉方式"));
        for (int i = 1; i <= OTHER_PX; i++) {
            h.addAll(List.of("手术操作编码" + i, "手术操作名称" + i, "手术操作日期" + i, "手术级别" + i, "切口类别" + i, "愈合等级" + i,
                    "麻醉方式" + i));
        }
        h.addAll(List.of("医疗费总额", "药品费", "耗材费", "检查检验费", "医疗服务费", "其他费", "医保类型", "统筹基金支付"));
        return h;
    }

    static List<String> row(DischargeRecord r) {
        List<String> c = new ArrayList<>(List.of(r.caseId(), r.patientIdNumber(), r.institution(), r.department(),
                r.attendingDoctor(), r.coder(), r.admissionTime(), r.dischargeTime(), r.los(), r.sex(), r.age(), r.ageDays(),
                r.birthWeight(), r.admissionWeight(), r.dischargeType(), r.transferInstitution(), r.admissionRoute()));
        for (int i = 0; i <= OTHER_DX; i++) {
            Diagnosis d = i < r.diagnoses().size() ? r.diagnoses().get(i) : Diagnosis.of("");
            c.addAll(List.of(d.code(), d.name(), d.admissionCondition()));
        }
        for (int i = 0; i <= OTHER_PX; i++) {
            Procedure p = i < r.procedures().size() ? r.procedures().get(i) : Procedure.of("");
            c.addAll(List.of(p.code(), p.name(), p.date(), p.level(), p.incisionClass(), p.healingGrade(), p.anaesthesia()));
        }
        c.addAll(List.of(r.totalCost(), r.drugCost(), r.materialCost(), r.examinationCost(), r.serviceCost(), r.otherCost(),
                r.insuranceType(), r.fundPayment()));
        return c;
    }

    private static void writeCsv(Path out, long rows, DischargeGenerator g) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            w.write('\uFEFF');
            line(w, header());
            for (long i = 0; i < rows; i++) {
                line(w, row(g.next()));
            }
        }
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write("\r\n");
    }

    /** Cost columns as numbers (what an export from Excel carries); everything else as text. */
    private static void writeXlsx(Path out, long rows, DischargeGenerator g) throws IOException {
        List<String> header = header();
        int firstCost = header.indexOf("医疗费总额");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream os = Files.newOutputStream(out)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("结算清单");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int n = 1; n <= rows; n++) {
                Row row = sheet.createRow(n);
                List<String> cells = row(g.next());
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (v.isEmpty()) {
                        continue;
                    }
                    boolean cost = i >= firstCost && i < firstCost + 6 || i == header.size() - 1;
                    if (cost) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(os);
            wb.close();
        }
    }
}
