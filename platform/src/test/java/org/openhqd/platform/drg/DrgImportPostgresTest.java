package org.openhqd.platform.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.openhqd.quality.DischargeRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The import's PostgreSQL path (COPY for cases and findings, one DELETE … = ANY per chunk for
 * replaced case ids) on a real server: same rows as the JDBC batches write, replace on re-import,
 * a failure rolls the whole batch back.
 */
@RequiresPostgres(schema = "hqd_drg_import")
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=300", "hqd.data-dir=target/test-data-pg-import",
        "hqd.appointments.no-show-schedule=false", "hqd.appointments.jobs=false", "hqd.referral.jobs=false"})
class DrgImportPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "hqd_drg_import");
    }

    @Autowired
    DrgImports imports;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    StaffPrincipal insurance() {
        return jdbc.sql("SELECT s.id, s.role, s.institution_id, i.community_id, i.path FROM staff s JOIN institution i "
                        + "ON i.id = s.institution_id WHERE s.username = 'demo-insurance'")
                .query((rs, n) -> new StaffPrincipal(rs.getLong("id"), "demo-insurance", Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), rs.getLong("community_id"), rs.getString("path")))
                .single();
    }

    @Test
    void copyWritesTheSameRowsReplacesOnReimportAndRollsBackOnFailure() throws Exception {
        List<DischargeRecord> records = new ArrayList<>(CaseFiles.records("PQ", 2500, 21).stream().map(CaseFiles::fitted).toList());
        // characters COPY's text format escapes: a backslash, and a tab (blanked by the import)
        records.set(0, records.get(0).toBuilder().set("department", "心内\\一病区").set("attending_doctor", "王\t医生").build());
        Path file = CaseFiles.write(dir.resolve("pg.csv"), CaseFiles.chineseCsv(records), StandardCharsets.UTF_8);
        ImportBatch b = imports.importFile(file, ImportFormat.CSV, null, insurance());
        assertThat(b.status()).as(b.message()).isEqualTo(ImportBatch.COMMITTED);
        assertThat(b.casesInserted()).isEqualTo(2500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE batch_id = :b").param("b", b.id()).query(Long.class).single())
                .isEqualTo(2500);
        var row = jdbc.sql("SELECT department, attending_doctor, source_record, patient_id_masked, total_cost, discharge_month, "
                        + "admission_time FROM drg_case WHERE case_id = :c").param("c", records.get(0).caseId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getTimestamp(7)}).single();
        assertThat(row[0]).isEqualTo("心内\\一病区");
        assertThat(row[1]).isEqualTo("王 医生");
        DischargeRecord back = CaseRecordCodec.decode((String) row[2], "");
        assertThat(back.department()).isEqualTo("心内\\一病区");
        assertThat(back.diagnoses()).isEqualTo(records.get(0).diagnoses());
        assertThat((String) row[3]).contains("*");
        assertThat((java.math.BigDecimal) row[4]).isEqualByComparingTo(records.get(0).totalCost());
        assertThat(row[5]).isEqualTo(records.get(0).dischargeTime().substring(0, 7));
        assertThat(row[6].toString()).startsWith(records.get(0).admissionTime());
        long findings = jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding f JOIN drg_case c ON c.id = f.case_row_id WHERE c.batch_id = :b")
                .param("b", b.id()).query(Long.class).single();
        long counted = jdbc.sql("SELECT SUM(qc_errors + qc_warnings + qc_infos) FROM drg_case WHERE batch_id = :b")
                .param("b", b.id()).query(Long.class).single();
        assertThat(findings).isPositive().isEqualTo(counted);

        ImportBatch again = imports.importFile(file, ImportFormat.CSV, null, insurance());
        assertThat(again.casesUpdated()).isEqualTo(2500);
        assertThat(again.casesInserted()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE case_id LIKE 'PQ%'").query(Long.class).single()).isEqualTo(2500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_qc_finding f JOIN drg_case c ON c.id = f.case_row_id WHERE c.case_id LIKE 'PQ%'")
                .query(Long.class).single()).isEqualTo(findings);

        records.set(2200, records.get(2200).toBuilder().set("case_id", "PQ-FAIL-ME").build());
        Path failing = CaseFiles.write(dir.resolve("pg-fail.csv"), CaseFiles.chineseCsv(records), StandardCharsets.UTF_8);
        jdbc.sql("ALTER TABLE drg_case ADD CONSTRAINT drg_import_test_fail CHECK (case_id <> 'PQ-FAIL-ME')").update();
        ImportBatch failed;
        try {
            failed = imports.importFile(failing, ImportFormat.CSV, null, insurance());
        } finally {
            jdbc.sql("ALTER TABLE drg_case DROP CONSTRAINT drg_import_test_fail").update();
        }
        assertThat(failed.status()).isEqualTo(ImportBatch.FAILED);
        assertThat(failed.message()).contains("SQLState 23514");
        // the earlier batch's cases are untouched: the failed one's deletes were rolled back too
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE batch_id = :b").param("b", again.id()).query(Long.class).single())
                .isEqualTo(2500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE batch_id = :b").param("b", failed.id()).query(Long.class).single())
                .isZero();
    }
}
