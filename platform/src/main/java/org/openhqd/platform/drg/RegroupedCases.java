package org.openhqd.platform.drg;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.quality.Finding;
import org.openhqd.quality.GroupOutcome;
import org.openhqd.quality.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the result of grouping stored cases again (重新分组): the scheme and its version, the
 * group, the QC counts and the findings, which are replaced. A case whose group changed loses its
 * weight and payment figures until the payment computation prices it again (they belonged to the
 * old group). Runs in the caller's transaction; the caller holds the rows (SELECT … FOR UPDATE).
 */
@Component
public class RegroupedCases {

    /** A stored case and its new processing. */
    public record Regrouped(long rowId, ProcessedCase processed, boolean groupChanged) {
    }

    private static final String SET_GROUP = "scheme_id = ?, scheme_version = ?, group_status = ?, mdc = ?, adrg = ?, drg = ?, "
            + "grouped_at = ?, qc_errors = ?, qc_warnings = ?, qc_infos = ?, qc_group_changes = ?";
    static final String UPDATE_KEEP_PAYMENT = "UPDATE drg_case SET " + SET_GROUP + " WHERE id = ? AND institution_id = ?";
    static final String UPDATE_CLEAR_PAYMENT = "UPDATE drg_case SET " + SET_GROUP + ", weight_set_id = NULL, rw = NULL, "
            + "benchmark_cost = NULL, benchmark_los = NULL, risk_level = NULL, base_rate = NULL, expected_payment = NULL, "
            + "profit_loss = NULL, outlier = NULL WHERE id = ? AND institution_id = ?";
    private static final int[] UPDATE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.INTEGER,
            Types.BIGINT, Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;
    private final CaseStore store;

    RegroupedCases(JdbcTemplate jdbc, CaseStore store) {
        this.jdbc = jdbc;
        this.named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        this.store = store;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(long institutionId, List<Regrouped> cases) {
        if (cases.isEmpty()) {
            return;
        }
        OffsetDateTime now = store.now();
        List<Object[]> keep = new ArrayList<>();
        List<Object[]> clear = new ArrayList<>();
        List<Long> ids = new ArrayList<>(cases.size());
        List<Object[]> findings = new ArrayList<>();
        for (Regrouped r : cases) {
            (r.groupChanged() ? clear : keep).add(update(r, institutionId, now));
            ids.add(r.rowId());
            CaseStore.FindingKeys keys = CaseStore.FindingKeys.of(r.processed());
            for (Finding f : r.processed().report().findings()) {
                findings.add(CaseStore.findingRow(r.rowId(), institutionId, keys, f));
            }
        }
        if (!keep.isEmpty()) {
            jdbc.batchUpdate(UPDATE_KEEP_PAYMENT, keep, UPDATE_TYPES);
        }
        if (!clear.isEmpty()) {
            jdbc.batchUpdate(UPDATE_CLEAR_PAYMENT, clear, UPDATE_TYPES);
        }
        // one statement for the chunk's findings (the rows are the caller's, locked): a statement per case costs a round trip each
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            named.update("DELETE FROM drg_qc_finding WHERE case_row_id IN (:ids)", java.util.Map.of("ids", part));
        }
        if (!findings.isEmpty()) {
            jdbc.batchUpdate(CaseStore.INSERT_FINDING, findings, CaseStore.FINDING_TYPES);
        }
    }

    private static Object[] update(Regrouped r, long institutionId, OffsetDateTime now) {
        ProcessedCase c = r.processed();
        GroupOutcome g = c.report().group();
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
        return new Object[] {c.schemeId(), c.schemeVersion(), g.status(), emptyToNull(g.mdc()), emptyToNull(g.adrg()),
                emptyToNull(g.drg()), now, errors, warnings, infos, changes, r.rowId(), institutionId};
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
