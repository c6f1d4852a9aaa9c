package org.openhqd.platform.drg;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.synthetic.DischargeGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores synthetic discharges for tests the way an import does: DischargeGenerator records, QC and
 * grouping with an engine (ProcessedCase.of), CaseStore.store in one transaction under a batch row.
 */
public final class DrgCaseFixture {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseStore store;
    private final DrgSchemes schemes;

    public DrgCaseFixture(JdbcClient jdbc, TransactionTemplate tx, CaseStore store, DrgSchemes schemes) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.schemes = schemes;
    }

    public long institutionId(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** Generates and stores {@code n} cases; returns the records as generated (identity numbers included). */
    public List<DischargeRecord> store(String institutionCode, String schemeId, long seed, String casePrefix, int n, int year) {
        List<DischargeRecord> records = generate(institutionCode, seed, casePrefix, n, year);
        store(institutionCode, schemeId, records);
        return records;
    }

    /** The same records {@link #store} stores for these arguments, without storing them. */
    public static List<DischargeRecord> generate(String institutionCode, long seed, String casePrefix, int n, int year) {
        DischargeGenerator generator = new DischargeGenerator(SchemeCatalog.builtIn().get("chs-drg-1.1"), seed, institutionCode,
                casePrefix, year);
        List<DischargeRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(generator.next());
        }
        return records;
    }

    /** Stores the records unless the institution already has cases with this case-id prefix (one set per test database). */
    public List<DischargeRecord> storeOnce(String institutionCode, String schemeId, long seed, String casePrefix, int n, int year) {
        List<DischargeRecord> records = generate(institutionCode, seed, casePrefix, n, year);
        long stored = jdbc.sql("SELECT COUNT(*) FROM drg_case WHERE institution_id = :i AND case_id LIKE :p")
                .param("i", institutionId(institutionCode)).param("p", casePrefix + "%").query(Long.class).single();
        if (stored == 0) {
            store(institutionCode, schemeId, records);
        }
        return records;
    }

    public void store(String institutionCode, String schemeId, List<DischargeRecord> records) {
        long institution = institutionId(institutionCode);
        long community = jdbc.sql("SELECT community_id FROM institution WHERE id = :i").param("i", institution)
                .query(Long.class).single();
        DrgSchemes.Engine engine = schemes.engine(schemeId);
        List<ProcessedCase> cases = records.stream().map(r -> ProcessedCase.of(r, engine)).toList();
        tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, started_by, started_at) "
                            + "VALUES (:c, :i, :f, 'CSV', 'COMMITTED', 'fixture', :now)")
                    .param("f", "fixture-" + institutionCode + ".csv").param("c", community).param("i", institution).param("now", OffsetDateTime.now()).update();
            long batch = jdbc.sql("SELECT MAX(id) FROM drg_import_batch").query(Long.class).single();
            store.store(institution, batch, cases);
        });
    }
}
