package org.openhqd.platform.drg;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.platform.patient.IdNumber;
import org.openhqd.platform.patient.PersonalDataCipher;
import org.openhqd.quality.Finding;
import org.openhqd.quality.GroupOutcome;
import org.openhqd.quality.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes processed cases and their findings: a case id already stored for the institution is
 * replaced (its findings go with it), so importing a file again updates rather than duplicates.
 * Runs in the caller's transaction, which decides what is atomic (an import batch as a whole).
 */
@Component
public class CaseStore {

    /** What a write did: new case ids and replaced ones. */
    public record Written(long inserted, long updated) {
        public Written plus(Written o) {
            return new Written(inserted + o.inserted, updated + o.updated);
        }
    }

    static final String INSERT_CASE = """
            INSERT INTO drg_case (id, institution_id, case_id, batch_id, patient_id_enc, patient_id_masked, department,
                   attending_doctor, coder, admission_time, discharge_time, discharge_month, los, sex, age, age_days,
                   discharge_type, insurance_type, principal_dx, principal_proc, total_cost, drug_cost, material_cost,
                   examination_cost, service_cost, other_cost, fund_payment, source_record, scheme_id, scheme_version,
                   group_status, mdc, adrg, drg, grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_FINDING = """
            INSERT INTO drg_qc_finding (case_row_id, institution_id, rule_id, rule_version, category, severity, field,
                   value_masked, message_zh, message_en, fix_zh, fix_en, group_before, group_after, changes_group,
                   discharge_month, department, coder)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final CaseIds ids;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    private final CaseCopy copy;
    private volatile Boolean postgres;

    CaseStore(JdbcTemplate jdbc, CaseIds ids, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.cipher = cipher;
        this.clock = clock;
        this.copy = new CaseCopy(jdbc);
    }

    /**
     * Whether the database is PostgreSQL, asked once: there cases and findings go in with COPY
     * (a million cases in about a minute instead of several with JDBC batches); H2 takes the batches.
     */
    boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql"));
            postgres = p;
        }
        return p;
    }

    /**
     * Stores cases of one institution, replacing those whose case id is already there. The list must
     * not hold one case id twice (an importer settles that first).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written store(long institutionId, long batchId, List<ProcessedCase> cases) {
        return store(prepare(institutionId, batchId, cases));
    }

    /**
     * Cases of one institution turned into the rows to write: ids taken, identity numbers
     * encrypted, values typed and (on PostgreSQL) encoded for COPY. Needs no transaction and is
     * thread-safe, so an importer prepares chunks on its worker threads and its one writing
     * thread only ships them ({@link #store(Prepared)}).
     */
    public Prepared prepare(long institutionId, long batchId, List<ProcessedCase> cases) {
        OffsetDateTime now = now();
        String[] caseIds = new String[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            caseIds[i] = cases.get(i).record().caseId();
        }
        if (postgres()) {
            return new Prepared(institutionId, caseIds, null, null, CaseCopy.encode(cases, institutionId, batchId, now, ids, this));
        }
        List<Object[]> caseRows = new ArrayList<>(cases.size());
        List<Object[]> findingRows = new ArrayList<>();
        for (ProcessedCase c : cases) {
            long id = ids.next();
            caseRows.add(caseRow(id, institutionId, batchId, c, now));
            FindingKeys keys = FindingKeys.of(c);
            for (Finding f : c.report().findings()) {
                findingRows.add(findingRow(id, institutionId, keys, f));
            }
        }
        return new Prepared(institutionId, caseIds, caseRows, findingRows, null);
    }

    /** A chunk ready to write (see {@link #prepare}). */
    public static final class Prepared {
        final long institutionId;
        final String[] caseIds;
        final List<Object[]> caseRows;
        final List<Object[]> findingRows;
        final CaseCopy.Encoded copy;

        Prepared(long institutionId, String[] caseIds, List<Object[]> caseRows, List<Object[]> findingRows, CaseCopy.Encoded copy) {
            this.institutionId = institutionId;
            this.caseIds = caseIds;
            this.caseRows = caseRows;
            this.findingRows = findingRows;
            this.copy = copy;
        }

        public long institutionId() {
            return institutionId;
        }

        public int size() {
            return caseIds.length;
        }
    }

    /** Writes a prepared chunk in the caller's transaction, replacing the case ids already stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written store(Prepared p) {
        if (p.caseIds.length == 0) {
            return new Written(0, 0);
        }
        if (p.copy != null) {
            return copy.write(p.institutionId, p.caseIds, p.copy);
        }
        int[] deleted = jdbc.batchUpdate("DELETE FROM drg_case WHERE institution_id = ? AND case_id = ?",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, p.institutionId);
                        ps.setString(2, p.caseIds[i]);
                    }

                    @Override
                    public int getBatchSize() {
                        return p.caseIds.length;
                    }
                });
        long updated = 0;
        for (int d : deleted) {
            updated += d > 0 ? 1 : 0;
        }
        jdbc.batchUpdate(INSERT_CASE, p.caseRows, caseTypes());
        if (!p.findingRows.isEmpty()) {
            jdbc.batchUpdate(INSERT_FINDING, p.findingRows, FINDING_TYPES);
        }
        return new Written(p.caseIds.length - updated, updated);
    }

    Object[] caseRow(long id, long institutionId, long batchId, ProcessedCase c, OffsetDateTime now) {
        var r = c.record();
        GroupOutcome g = c.report().group();
        String idNumber = r.patientIdNumber().strip();
        LocalDateTime admitted = CaseValues.dateTime(r.admissionTime());
        LocalDateTime discharged = CaseValues.dateTime(r.dischargeTime());
        FindingKeys keys = FindingKeys.of(c);
        int errors = 0, warnings = 0, infos = 0, changes = 0;
        for (Finding f : c.report().findings()) {
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            } else {
                infos++;
            }
            if (f.regrouping() != null && f.regrouping().changesGroup()) {
                changes++;
            }
        }
        return new Object[] {id, institutionId, r.caseId(), batchId,
                idNumber.isEmpty() ? null : cipher.encrypt(idNumber), idNumber.isEmpty() ? null : IdNumber.mask(idNumber),
                keys.department(), CaseValues.cut(r.attendingDoctor(), 64), keys.coder(),
                admitted == null ? null : Timestamp.valueOf(admitted), discharged == null ? null : Timestamp.valueOf(discharged),
                keys.month(),
                CaseValues.integer(r.los()), CaseValues.cut(r.sex(), 2), CaseValues.integer(r.age()),
                CaseValues.integer(r.ageDays()), CaseValues.cut(r.dischargeType(), 2), CaseValues.cut(r.insuranceType(), 16),
                CaseValues.cut(r.diagnoses().isEmpty() ? null : r.diagnoses().get(0).code(), 32),
                CaseValues.cut(r.procedures().isEmpty() ? null : r.procedures().get(0).code(), 32),
                CaseValues.amount(r.totalCost()), CaseValues.amount(r.drugCost()), CaseValues.amount(r.materialCost()),
                CaseValues.amount(r.examinationCost()), CaseValues.amount(r.serviceCost()), CaseValues.amount(r.otherCost()),
                CaseValues.amount(r.fundPayment()), CaseRecordCodec.encode(r), c.schemeId(), c.schemeVersion(),
                g.status(), emptyToNull(g.mdc()), emptyToNull(g.adrg()), emptyToNull(g.drg()), now,
                errors, warnings, infos, changes};
    }

    private static int[] caseTypes() {
        return new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.CHAR, Types.INTEGER,
                Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER};
    }

    static final int[] FINDING_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.CHAR, Types.VARCHAR, Types.VARCHAR};

    /**
     * What a finding repeats of its case — discharge month, department, coder, exactly as the case
     * row holds them — so that the findings summaries group and filter without joining the case.
     */
    record FindingKeys(String month, String department, String coder) {
        static FindingKeys of(ProcessedCase c) {
            var r = c.record();
            LocalDateTime discharged = CaseValues.dateTime(r.dischargeTime());
            return new FindingKeys(discharged == null ? null : discharged.toLocalDate().toString().substring(0, 7),
                    CaseValues.cut(r.department(), 64), CaseValues.cut(r.coder(), 64));
        }
    }

    static Object[] findingRow(long caseRowId, long institutionId, FindingKeys keys, Finding f) {
        var rg = f.regrouping();
        return new Object[] {caseRowId, institutionId, f.ruleId(), f.ruleVersion(), f.category().name(), f.severity().name(),
                CaseValues.cut(f.field(), 64), CaseValues.cut(f.value(), 128), CaseValues.cut(f.messageZh(), 500),
                CaseValues.cut(f.messageEn(), 500), rg == null ? null : CaseValues.cut(rg.fixZh(), 300),
                rg == null ? null : CaseValues.cut(rg.fixEn(), 300), rg == null ? null : CaseValues.cut(rg.before().describe(), 120),
                rg == null ? null : CaseValues.cut(rg.after().describe(), 120), rg != null && rg.changesGroup(),
                keys.month(), keys.department(), keys.coder()};
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** UTC now, for callers that stamp rows in the same instant as the store. */
    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
