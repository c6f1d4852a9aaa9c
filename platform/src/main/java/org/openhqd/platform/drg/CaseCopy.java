package org.openhqd.platform.drg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import org.openhqd.quality.Finding;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL path of {@link CaseStore}: the replaced case ids are deleted with one statement
 * per chunk ({@code = ANY(array)}), then the cases and their findings are streamed with {@code COPY
 * … FROM STDIN} (text format) on the transaction's own connection — same rows, same transaction,
 * a fraction of the round trips and parsing of batched INSERTs.
 */
final class CaseCopy {

    private static final String CASE_COLUMNS = "id, institution_id, case_id, batch_id, patient_id_enc, patient_id_masked, "
            + "department, attending_doctor, coder, admission_time, discharge_time, discharge_month, los, sex, age, age_days, "
            + "discharge_type, insurance_type, principal_dx, principal_proc, total_cost, drug_cost, material_cost, "
            + "examination_cost, service_cost, other_cost, fund_payment, source_record, scheme_id, scheme_version, "
            + "group_status, mdc, adrg, drg, grouped_at, qc_errors, qc_warnings, qc_infos, qc_group_changes";
    private static final String FINDING_COLUMNS = "case_row_id, institution_id, rule_id, rule_version, category, severity, "
            + "field, value_masked, message_zh, message_en, fix_zh, fix_en, group_before, group_after, changes_group, "
            + "discharge_month, department, coder";

    /** A chunk's rows in COPY's text format, UTF-8. */
    record Encoded(byte[] cases, byte[] findings) {
    }

    private final JdbcTemplate jdbc;

    CaseCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Encodes cases and findings (off the writing thread). */
    static Encoded encode(List<ProcessedCase> cases, long institutionId, long batchId, OffsetDateTime now, CaseIds ids,
                          CaseStore store) {
        StringBuilder caseRows = new StringBuilder(cases.size() * 900);
        StringBuilder findingRows = new StringBuilder(cases.size() * 300);
        for (ProcessedCase c : cases) {
            long id = ids.next();
            row(caseRows, store.caseRow(id, institutionId, batchId, c, now));
            CaseStore.FindingKeys keys = CaseStore.FindingKeys.of(c);
            for (Finding f : c.report().findings()) {
                row(findingRows, CaseStore.findingRow(id, institutionId, keys, f));
            }
        }
        return new Encoded(caseRows.toString().getBytes(StandardCharsets.UTF_8),
                findingRows.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the case ids already stored, then copies the chunk in, on the transaction's connection. */
    CaseStore.Written write(long institutionId, String[] caseIds, Encoded rows) {
        return jdbc.execute((ConnectionCallback<CaseStore.Written>) con -> {
            long deleted;
            try (PreparedStatement ps = con.prepareStatement("DELETE FROM drg_case WHERE institution_id = ? AND case_id = ANY (?)")) {
                Array array = con.createArrayOf("varchar", caseIds);
                ps.setLong(1, institutionId);
                ps.setArray(2, array);
                deleted = ps.executeUpdate();
                array.free();
            }
            copy(con, "COPY drg_case (" + CASE_COLUMNS + ") FROM STDIN", rows.cases());
            if (rows.findings().length > 0) {
                copy(con, "COPY drg_qc_finding (" + FINDING_COLUMNS + ") FROM STDIN", rows.findings());
            }
            return new CaseStore.Written(caseIds.length - deleted, deleted);
        });
    }

    private static void copy(Connection con, String sql, byte[] rows) throws SQLException {
        CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn(sql, new ByteArrayInputStream(rows), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of COPY's text format: tab between columns, {@code \N} for null, backslash escapes. */
    static void row(StringBuilder b, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof String s) {
                escape(b, s);
            } else if (v instanceof BigDecimal d) {
                b.append(d.toPlainString());
            } else if (v instanceof Boolean bool) {
                b.append(bool ? 't' : 'f');
            } else if (v instanceof Timestamp t) {
                b.append(t.toLocalDateTime());
            } else {
                escape(b, v.toString()); // numbers, OffsetDateTime (ISO 8601)
            }
        }
        b.append('\n');
    }

    static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
