package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.openhqd.quality.DischargeRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Case import on H2 with the demo community: both header styles, XLSX cells, encodings, each kind
 * of rejection, re-import, a failure mid-file and its rerun, progress seen while the import runs,
 * the API's 202 → poll flow, its size cap, and the importer's scope.
 */
@DemoPlatformTest
class DrgImportTest {

    @Autowired
    DrgImports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.openhqd.platform.drg.importing.UploadSpool spool;
    @TempDir
    Path dir;

    StaffPrincipal principal(String username) {
        return jdbc.sql("SELECT s.id, s.role, s.institution_id, i.community_id, i.path FROM staff s JOIN institution i "
                        + "ON i.id = s.institution_id WHERE s.username = :u").param("u", username)
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), username, Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), rs.getLong("community_id"), rs.getString("path")))
                .single();
    }

    long institutionId(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long cases(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE case_id LIKE :p").param("p", prefix + "%").query(Long.class).single();
    }

    DischargeRecord stored(String institution, String caseId) {
        return jdbc.sql("SELECT source_record FROM drg_case WHERE institution_id = :i AND case_id = :c")
                .param("i", institutionId(institution)).param("c", caseId).query(String.class).optional()
                .map(s -> CaseRecordCodec.decode(s, "")).orElse(null);
    }

    @Test
    void chineseHeadersWithNumberedDiagnosisColumns() throws IOException {
        List<DischargeRecord> records = CaseFiles.records("ZH", 300, 11).stream().map(CaseFiles::fitted).toList();
        Path file = CaseFiles.write(dir.resolve("结算清单.csv"), "\uFEFF" + CaseFiles.chineseCsv(records), StandardCharsets.UTF_8);
        ImportBatch b = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(b.status()).as(b.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.rowsRead()).isEqualTo(300);
        assertThat(b.rowsRejected()).as(() -> imports.rejections(b.id(), 0, 5, principal("demo-insurance")).toString()).isZero();
        assertThat(b.casesInserted()).isEqualTo(300);
        assertThat(b.bytesRead()).isEqualTo(Files.size(file));
        assertThat(cases("ZH")).isEqualTo(300);
        DischargeRecord first = records.get(0);
        DischargeRecord back = stored("H001", first.caseId());
        // what was submitted, every field and line, as text; the identity number is stored apart
        assertThat(back).isEqualTo(first.toBuilder().set("patient_id_number", "").build());
        assertThat(jdbc.sql("SELECT patient_id_masked FROM drg_case WHERE case_id = :c").param("c", first.caseId())
                .query(String.class).single()).contains("*").doesNotContain(first.patientIdNumber());
        // QC and grouping ran: some synthetic coding errors are findings, every case has a group status
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding f JOIN drg_case c ON c.id = f.case_row_id "
                + "WHERE c.case_id LIKE 'ZH%'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE case_id LIKE 'ZH%' AND group_status = 'ok'")
                .query(Long.class).single()).isGreaterThan(200);
        // the import is audited without patient data
        String detail = jdbc.sql("SELECT detail FROM audit_event WHERE entity = 'drg_import_batch' AND entity_id = :id")
                .param("id", Long.toString(b.id())).query(String.class).single();
        assertThat(detail).contains("300 rows read").doesNotContain(first.patientIdNumber()).doesNotContain(first.caseId());
    }

    @Test
    void englishJoinedColumns() throws IOException {
        List<DischargeRecord> records = CaseFiles.records("EN", 200, 12);
        StringBuilder csv = new StringBuilder(CaseFiles.csvLine(CaseFiles.englishHeader()));
        records.forEach(r -> csv.append(CaseFiles.csvLine(CaseFiles.englishRow(r))));
        Path file = CaseFiles.write(dir.resolve("cases.csv"), csv.toString(), StandardCharsets.UTF_8);
        ImportBatch b = imports.importFile(file, ImportFormat.CSV, StandardCharsets.UTF_8, principal("demo-his"));
        assertThat(b.status()).as(b.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.casesInserted()).isEqualTo(200);
        DischargeRecord r = records.get(5);
        DischargeRecord back = stored("H001", r.caseId());
        assertThat(back.diagnoses()).extracting(d -> d.code()).isEqualTo(r.diagnoses().stream().map(d -> d.code()).toList());
        assertThat(back.diagnoses()).extracting(d -> d.admissionCondition())
                .isEqualTo(r.diagnoses().stream().map(d -> d.admissionCondition()).toList());
        assertThat(back.procedures()).extracting(p -> p.date()).isEqualTo(r.procedures().stream().map(p -> p.date()).toList());
        assertThat(back.totalCost()).isEqualTo(r.totalCost());
        assertThat(back.institution()).isEqualTo("H001");
    }

    @Test
    void xlsxDateAndNumericCellsArriveAsTheRecordExpectsThem() throws IOException {
        Path file = dir.resolve("病案首页.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("首页");
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            String[] header = {"病案号", "出院科别", "入院时间", "出院时间", "实际住院天数", "性别", "年龄", "离院方式", "主要诊断编码",
                    "主要手术操作编码", "主要手术操作日期", "医疗费总额", "药品费"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int n = 1; n <= 150; n++) {
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(20250000 + n);          // a numeric case id
                row.createCell(1).setCellValue("心血管内科");
                var in = row.createCell(2);
                in.setCellValue(LocalDateTime.of(2025, 3, 5, 8, 30));
                in.setCellStyle(dateTime);
                var out2 = row.createCell(3);
                out2.setCellValue(LocalDateTime.of(2025, 3, 12, 10, 0));
                out2.setCellStyle(dateTime);
                row.createCell(4).setCellValue(7.0);
                row.createCell(5).setCellValue("1");
                row.createCell(6).setCellValue(45.0);
                row.createCell(7).setCellValue(1);
                row.createCell(8).setCellValue("I21.0");
                if (n % 2 == 0) {
                    row.createCell(9).setCellValue("36.0601");
                    var date = row.createCell(10);
                    date.setCellValue(LocalDateTime.of(2025, 3, 6, 0, 0));
                    date.setCellStyle(day);
                }
                var total = row.createCell(11);
                total.setCellValue(10000000.0);
                total.setCellStyle(money);
                row.createCell(12).setCellValue(1234.5); // no style: the raw XML value
            }
            wb.write(out);
        }
        ImportBatch b = imports.importFile(file, ImportFormat.XLSX, null, principal("demo-quality"));
        assertThat(b.status()).as(b.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.casesInserted()).isEqualTo(150);
        assertThat(b.bytesRead()).isEqualTo(Files.size(file));
        DischargeRecord even = stored("H001", "20250002");
        assertThat(even).isNotNull();
        assertThat(even.admissionTime()).isEqualTo("2025-03-05 08:30");
        assertThat(even.dischargeTime()).isEqualTo("2025-03-12 10:00");
        assertThat(even.los()).isEqualTo("7");
        assertThat(even.age()).isEqualTo("45");
        assertThat(even.dischargeType()).isEqualTo("1");
        assertThat(even.totalCost()).isEqualTo("10000000");
        assertThat(even.drugCost()).isEqualTo("1234.5");
        assertThat(even.procedures()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("36.0601");
            assertThat(p.date()).isEqualTo("2025-03-06");
        });
        // the row without a procedure (trailing cells left out by the sheet) is not a wrong cell count
        assertThat(stored("H001", "20250001").procedures()).isEmpty();
        assertThat(jdbc.sql("SELECT total_cost FROM drg_case WHERE case_id = '20250002'").query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("10000000");
    }

    @Test
    void gb18030FileReadsWithItsCharsetAndIsRefusedWithoutIt() throws IOException {
        List<DischargeRecord> records = CaseFiles.records("GB", 40, 13).stream().map(CaseFiles::fitted).toList();
        Path file = CaseFiles.write(dir.resolve("gbk.csv"), CaseFiles.chineseCsv(records), Charset.forName("GB18030"));
        ImportBatch wrong = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(wrong.status()).isEqualTo(ImportBatch.FAILED);
        assertThat(wrong.message()).contains("第 1 行").contains("编码").contains("encoding").contains("GB18030");
        assertThat(cases("GB")).isZero();
        ImportBatch right = imports.importFile(file, ImportFormat.CSV, Charset.forName("GB18030"), principal("demo-insurance"));
        assertThat(right.status()).as(right.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(stored("H001", records.get(0).caseId()).department()).isEqualTo(records.get(0).department());
    }

    @Test
    void structuralProblemsAreRejectedListedAndDownloadable() throws Exception {
        List<String> header = new ArrayList<>(CaseFiles.chineseHeader(true));
        List<DischargeRecord> records = CaseFiles.records("RJ", 8, 14).stream().map(CaseFiles::fitted).toList();
        StringBuilder csv = new StringBuilder(CaseFiles.csvLine(header));
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(0), "H001")));                          // line 2: ok
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(1).toBuilder().set("case_id", "").build(), "H001"))); // 3
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(2), "X999")));                          // 4: unknown
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(3), "T001")));                          // 5: out of scope
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(4).toBuilder().set("case_id", records.get(0).caseId())
                .build(), "H001")));                                                                          // 6: twice
        List<String> shortRow = CaseFiles.chineseRow(records.get(5), "H001");
        csv.append(CaseFiles.csvLine(shortRow.subList(0, shortRow.size() - 3)));                              // 7: cells
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(6).toBuilder().set("department", "科".repeat(65)).build(),
                "H001")));                                                                                    // 8: too long
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(7), "H001-E")));                        // 9: campus, ok
        Path file = CaseFiles.write(dir.resolve("rejects.csv"), csv.toString(), StandardCharsets.UTF_8);
        ImportBatch b = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(b.status()).as(b.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.rowsRead()).isEqualTo(8);
        assertThat(b.rowsRejected()).isEqualTo(6);
        assertThat(b.casesInserted()).isEqualTo(2);
        assertThat(stored("H001-E", records.get(7).caseId())).isNotNull();

        String token = Api.token(mvc, "demo-insurance");
        String json = mvc.perform(get("/api/v1/drg/imports/" + b.id() + "/rejections").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(6))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Integer> lines = JsonPath.read(json, "$.content[*].line");
        List<String> fields = JsonPath.read(json, "$.content[*].field");
        assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(fields).containsExactly("case_id", "institution", "institution", "case_id", "*", "department");
        List<String> reasons = JsonPath.read(json, "$.content[*].reasonZh");
        assertThat(reasons.get(3)).contains("第 2 行");
        List<String> en = JsonPath.read(json, "$.content[*].reasonEn");
        assertThat(en.get(2)).contains("outside your data scope");
        assertThat(en.get(4)).contains("cells where the header has " + header.size());

        String download = mvc.perform(get("/api/v1/drg/imports/" + b.id() + "/rejections.csv").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(download.split("\r\n")).hasSize(7);
        assertThat(download).contains("病案号在本文件第 2 行已出现").contains("X999");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity = 'drg_import_rejection' AND action = 'EXPORT' "
                + "AND entity_id = :id").param("id", Long.toString(b.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reimportingUpdatesInsteadOfDuplicating() throws IOException {
        List<DischargeRecord> records = CaseFiles.records("RE", 120, 15).stream().map(CaseFiles::fitted).toList();
        Path file = CaseFiles.write(dir.resolve("re.csv"), CaseFiles.chineseCsv(records), StandardCharsets.UTF_8);
        ImportBatch first = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(first.casesInserted()).isEqualTo(120);
        List<DischargeRecord> changed = new ArrayList<>(records.subList(0, 100));
        changed.set(0, changed.get(0).toBuilder().set("coder", "编码员新").build());
        changed.addAll(CaseFiles.records("RX", 10, 16).stream().map(CaseFiles::fitted).toList());
        Path again = CaseFiles.write(dir.resolve("re2.csv"), CaseFiles.chineseCsv(changed), StandardCharsets.UTF_8);
        ImportBatch second = imports.importFile(again, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(second.status()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(second.casesUpdated()).isEqualTo(100);
        assertThat(second.casesInserted()).isEqualTo(10);
        assertThat(cases("RE")).isEqualTo(120);
        assertThat(stored("H001", records.get(0).caseId()).coder()).isEqualTo("编码员新");
        assertThat(jdbc.sql("SELECT batch_id FROM drg_case WHERE case_id = :c").param("c", records.get(0).caseId())
                .query(Long.class).single()).isEqualTo(second.id());
        assertThat(second.message()).contains("新增 10").contains("更新 100");
    }

    @Test
    void aFailureMidFileLeavesNoCaseAndTheRerunCommits() throws IOException {
        List<DischargeRecord> records = new ArrayList<>(CaseFiles.records("FA", 3500, 17).stream().map(CaseFiles::fitted).toList());
        records.set(3100, records.get(3100).toBuilder().set("case_id", "FA-FAIL-ME").build());
        Path file = CaseFiles.write(dir.resolve("fail.csv"), CaseFiles.chineseCsv(records), StandardCharsets.UTF_8);
        // a constraint the database enforces when the 4th chunk is written: the first three are in the transaction by then
        jdbc.sql("ALTER TABLE drg_case ADD CONSTRAINT drg_import_test_fail CHECK (case_id <> 'FA-FAIL-ME')").update();
        ImportBatch failed;
        try {
            failed = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        } finally {
            jdbc.sql("ALTER TABLE drg_case DROP CONSTRAINT drg_import_test_fail").update();
        }
        assertThat(failed.status()).isEqualTo(ImportBatch.FAILED);
        assertThat(failed.message()).contains("未写入任何病例").contains("no case was stored");
        assertThat(failed.casesInserted()).isZero();
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(cases("FA")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE batch_id = :b").param("b", failed.id()).query(Long.class)
                .single()).isZero();
        ImportBatch rerun = imports.importFile(file, ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(rerun.status()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(rerun.casesInserted()).isEqualTo(3500);
        assertThat(cases("FA")).isEqualTo(3500);
    }

    @Test
    void progressIsVisibleWhileTheImportRuns() throws Exception {
        List<DischargeRecord> records = CaseFiles.records("PG", 3000, 18).stream().map(CaseFiles::fitted).toList();
        String csv = CaseFiles.chineseCsv(records);
        int half = csv.indexOf("\r\n", csv.length() / 2) + 2;
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed, 1 << 16);
        StaffPrincipal me = principal("demo-insurance");
        CompletableFuture<ImportBatch> done = CompletableFuture.supplyAsync(() ->
                imports.importCsv(in, StandardCharsets.UTF_8, "stream.csv", (long) csv.getBytes(StandardCharsets.UTF_8).length, me));
        feed.write(csv.substring(0, half).getBytes(StandardCharsets.UTF_8));
        feed.flush();
        // the reader waits for the rest of the file: what it has read is already committed in the batch row
        ImportBatch seen = null;
        for (int i = 0; i < 300 && (seen == null || seen.rowsRead() < 1400); i++) {
            Thread.sleep(100);
            seen = imports.recent(me, 20).stream().filter(b -> b.fileName().equals("stream.csv") && !b.finished()).findFirst()
                    .orElse(null);
        }
        assertThat(seen).isNotNull();
        assertThat(seen.status()).isEqualTo(ImportBatch.RUNNING);
        assertThat(seen.rowsRead()).isGreaterThanOrEqualTo(1400);
        assertThat(seen.bytesRead()).isPositive();
        assertThat(seen.percent()).isBetween(1, 99);
        assertThat(cases("PG")).isZero(); // nothing committed yet
        feed.write(csv.substring(half).getBytes(StandardCharsets.UTF_8));
        feed.close();
        ImportBatch b = done.join();
        assertThat(b.status()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(cases("PG")).isEqualTo(3000);
    }

    @Test
    void apiAcceptsTheFileAnswers202AndIsPolledUntilCommitted() throws Exception {
        List<DischargeRecord> records = CaseFiles.records("AP", 500, 19).stream().map(CaseFiles::fitted).toList();
        byte[] body = CaseFiles.chineseCsv(records).getBytes(Charset.forName("GB18030"));
        String token = Api.token(mvc, "demo-his");
        String json = mvc.perform(post("/api/v1/drg/imports?fileName=his-export.csv").header("Authorization", Api.bearer(token))
                        .contentType("text/csv;charset=GB18030").content(body))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/drg/imports/\\d+")))
                .andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "COMMITTED")))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(json, "$.id");
        String status = "";
        for (int i = 0; i < 600 && !status.equals("COMMITTED") && !status.equals("FAILED"); i++) {
            Thread.sleep(100);
            status = JsonPath.read(mvc.perform(get("/api/v1/drg/imports/" + id).header("Authorization", Api.bearer(token)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.status");
        }
        mvc.perform(get("/api/v1/drg/imports/" + id).header("Authorization", Api.bearer(token)))
                .andExpect(jsonPath("$.status").value("COMMITTED")).andExpect(jsonPath("$.casesInserted").value(500))
                .andExpect(jsonPath("$.fileName").value("his-export.csv")).andExpect(jsonPath("$.percent").value(100));
        mvc.perform(get("/api/v1/drg/imports").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
        assertThat(stored("H001", records.get(3).caseId()).attendingDoctor()).isEqualTo(records.get(3).attendingDoctor());
        // the spooled upload is deleted once imported (just after the status is written)
        long left = 1;
        for (int i = 0; i < 50 && left > 0; i++) {
            try (var files = Files.list(Path.of("target/test-data/tmp"))) {
                left = files.filter(f -> f.getFileName().toString().startsWith("drg-import-")).count();
            }
            Thread.sleep(100);
        }
        assertThat(left).isZero();
    }

    @Test
    void apiRefusesBodiesOverTheCapWith413AndRolesThatMayNotImport() throws Exception {
        long max = spool.maxBytes();
        org.springframework.test.util.ReflectionTestUtils.setField(spool, "maxBytes", 1000L);
        try {
            String token = Api.token(mvc, "demo-insurance");
            mvc.perform(post("/api/v1/drg/imports").header("Authorization", Api.bearer(token)).contentType("text/csv")
                            .content(new byte[5000]))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("hqd.drg.import.max-bytes")));
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(spool, "maxBytes", max);
        }
        String doctor = Api.token(mvc, "demo-doctor");
        mvc.perform(post("/api/v1/drg/imports").header("Authorization", Api.bearer(doctor)).contentType("text/csv")
                .content("病案号\nX1\n")).andExpect(status().isForbidden());
        String insurance = Api.token(mvc, "demo-insurance");
        mvc.perform(post("/api/v1/drg/imports").header("Authorization", Api.bearer(insurance)).contentType("application/pdf")
                .content("x")).andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aTownshipImporterCannotImportIntoTheCountyHospitalNorSeeItsBatches() throws Exception {
        List<DischargeRecord> records = CaseFiles.records("SC", 3, 20).stream().map(CaseFiles::fitted).toList();
        StringBuilder csv = new StringBuilder(CaseFiles.csvLine(CaseFiles.chineseHeader(true)));
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(0), "H001")));
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(1), "T001")));
        csv.append(CaseFiles.csvLine(CaseFiles.chineseRow(records.get(2), "")));
        Path file = CaseFiles.write(dir.resolve("township.csv"), csv.toString(), StandardCharsets.UTF_8);
        ImportBatch b = imports.importFile(file, ImportFormat.CSV, null, principal("demo-admin-a"));
        assertThat(b.status()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.rowsRejected()).isEqualTo(1);
        assertThat(stored("H001", records.get(0).caseId())).isNull();
        assertThat(stored("T001", records.get(1).caseId())).isNotNull();
        assertThat(stored("T001", records.get(2).caseId()).institution()).isEqualTo("T001"); // no code: the importer's own
        // the county hospital's batches are not the township's to read, and the reverse
        ImportBatch county = imports.importFile(CaseFiles.write(dir.resolve("c.csv"), CaseFiles.chineseCsv(List.of()),
                StandardCharsets.UTF_8), ImportFormat.CSV, null, principal("demo-insurance"));
        assertThat(imports.find(county.id(), principal("demo-admin-a"))).isEmpty();
        assertThat(imports.find(b.id(), principal("demo-insurance"))).isEmpty();
        assertThat(imports.find(b.id(), principal("demo-admin"))).isPresent(); // community-wide
        String token = Api.token(mvc, "demo-admin-b");
        mvc.perform(get("/api/v1/drg/imports/" + b.id()).header("Authorization", Api.bearer(token))).andExpect(status().isNotFound());
    }

    @Test
    void anInterruptedImportLeavesNothingAndBatchesOfAnEarlierProcessBecomeInterrupted() throws Exception {
        List<DischargeRecord> records = CaseFiles.records("IN", 3000, 22).stream().map(CaseFiles::fitted).toList();
        String csv = CaseFiles.chineseCsv(records);
        int part = csv.indexOf("\r\n", csv.length() * 2 / 3) + 2;
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed, 1 << 16);
        StaffPrincipal me = principal("demo-insurance");
        java.util.concurrent.atomic.AtomicReference<ImportBatch> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread importer = new Thread(() -> result.set(imports.importCsv(in, StandardCharsets.UTF_8, "interrupted.csv", null, me)));
        importer.start();
        feed.write(csv.substring(0, part).getBytes(StandardCharsets.UTF_8));
        feed.flush();
        ImportBatch seen = null;
        for (int i = 0; i < 300 && (seen == null || seen.rowsRead() < 1500); i++) {
            Thread.sleep(100);
            seen = imports.recent(me, 20).stream().filter(b -> b.fileName().equals("interrupted.csv")).findFirst().orElse(null);
        }
        assertThat(seen).isNotNull();
        // the service stops while the HIS is still sending: the import's thread is interrupted
        importer.interrupt();
        importer.join(60_000);
        assertThat(result.get().status()).isEqualTo(ImportBatch.INTERRUPTED);
        assertThat(result.get().message()).contains("请重新导入").contains("import the file again");
        assertThat(cases("IN")).isZero();
        feed.close();

        // a batch a stopped process left RUNNING: at start-up it becomes INTERRUPTED
        jdbc.sql("INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, bytes_read, started_by, "
                + "started_at) VALUES (:c, :i, 'left-running.csv', 'CSV', 'RUNNING', 10, 'demo-insurance', TIMESTAMP WITH TIME ZONE "
                + "'2001-01-01 00:00:00+00')").param("c", me.communityId()).param("i", me.institutionId()).update();
        imports.markInterrupted();
        assertThat(jdbc.sql("SELECT status FROM drg_import_batch WHERE file_name = 'left-running.csv'").query(String.class)
                .single()).isEqualTo(ImportBatch.INTERRUPTED);
    }

    @Test
    void theApiIsDocumentedInOpenApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/drg/imports").contains("/api/v1/drg/imports/{id}/rejections.csv")
                .contains("DRG case import").contains(ImportFormat.XLSX_MEDIA_TYPE);
    }
}
