package org.openhqd.platform.drg.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the history of re-grouping runs and the cases each one moved, inside the caller's scope. */
@Component
class RegroupRuns {

    /**
     * One run.
     *
     * @param status QUEUED | RUNNING | FINISHED | FAILED | INTERRUPTED
     */
    record Run(long id, @JsonProperty("institution_id") long institutionId, @JsonProperty("institution_name") String institutionName,
               @JsonProperty("from_schemes") String fromSchemes, @JsonProperty("to_scheme_id") String toSchemeId,
               @JsonProperty("to_scheme_version") String toSchemeVersion, String status,
               @JsonProperty("cases_total") long casesTotal, @JsonProperty("cases_done") long casesDone,
               @JsonProperty("cases_changed") long casesChanged, String message,
               @JsonProperty("started_by") String startedBy, @JsonProperty("started_at") OffsetDateTime startedAt,
               @JsonProperty("finished_at") OffsetDateTime finishedAt) {

        public boolean active() {
            return status.equals("QUEUED") || status.equals("RUNNING");
        }

        public boolean resumable() {
            return status.equals("INTERRUPTED") || status.equals("FAILED");
        }

        /** Done, in whole percent of the cases the run started with. */
        public int percent() {
            return casesTotal == 0 ? 100 : (int) Math.min(100, casesDone * 100 / casesTotal);
        }
    }

    /** A case whose group the run changed. */
    record Change(long id, @JsonProperty("case_row_id") long caseRowId, @JsonProperty("case_id") String caseId,
                  @JsonProperty("old_scheme_id") String oldSchemeId, @JsonProperty("old_status") String oldStatus,
                  @JsonProperty("old_drg") String oldDrg, @JsonProperty("new_status") String newStatus,
                  @JsonProperty("new_drg") String newDrg) {
    }

    record Changes(Run run, List<Change> changes, Long next, int size) {
    }

    private static final String RUN = "SELECT r.id, r.institution_id, i.name, r.from_schemes, r.to_scheme_id, r.to_scheme_version, "
            + "r.status, r.cases_total, r.cases_done, r.cases_changed, r.message, r.started_by, r.started_at, r.finished_at "
            + "FROM drg_regroup_run r JOIN institution i ON i.id = r.institution_id WHERE ";

    private final JdbcClient jdbc;

    RegroupRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Run read(ResultSet rs) throws SQLException {
        return new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                ChinaTime.of(rs.getObject(13, OffsetDateTime.class)), ChinaTime.of(rs.getObject(14, OffsetDateTime.class)));
    }

    Optional<Run> get(long id, DataScope scope) {
        return jdbc.sql(RUN + "r.id = :id AND " + scope.sql("i")).param("id", id).params(scope.params())
                .query((rs, n) -> read(rs)).optional();
    }

    /** Without a scope: for the run itself. */
    Run get(long id) {
        return jdbc.sql(RUN + "r.id = :id").param("id", id).query((rs, n) -> read(rs)).single();
    }

    List<Run> recent(DataScope scope, int limit) {
        return jdbc.sql(RUN + scope.sql("i") + " ORDER BY r.id DESC LIMIT :limit").params(scope.params()).param("limit", limit)
                .query((rs, n) -> read(rs)).list();
    }

    Optional<Run> active(long institutionId) {
        return jdbc.sql(RUN + "r.institution_id = :i AND r.status IN ('QUEUED', 'RUNNING')").param("i", institutionId)
                .query((rs, n) -> read(rs)).optional();
    }

    /** The changed cases of a run, in the order they were regrouped (keyset on the change id). */
    Optional<Changes> changes(long runId, DataScope scope, Long after, int size) {
        Optional<Run> run = get(runId, scope);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        int s = Math.min(Math.max(size, 1), 500);
        Map<String, Object> params = new HashMap<>();
        params.put("run", runId);
        params.put("after", after == null ? 0L : after);
        params.put("limit", s + 1);
        List<Change> rows = jdbc.sql("SELECT id, case_row_id, case_id, old_scheme_id, old_status, old_drg, new_status, new_drg "
                        + "FROM drg_regroup_change WHERE run_id = :run AND id > :after ORDER BY id LIMIT :limit")
                .params(params)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8))).list();
        Long next = null;
        if (rows.size() > s) {
            rows = rows.subList(0, s);
            next = rows.get(s - 1).id();
        }
        return Optional.of(new Changes(run.get(), List.copyOf(rows), next, s));
    }
}
