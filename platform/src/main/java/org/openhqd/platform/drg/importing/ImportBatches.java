package org.openhqd.platform.drg.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.openhqd.platform.drg.ImportBatch;
import org.openhqd.platform.drg.ImportRejection;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of {@code drg_import_batch} and {@code drg_import_rejection}. Progress, rejections and
 * a failure are written in their own short transactions (REQUIRES_NEW), apart from the import's
 * one transaction that writes the cases: the console sees them at once, and they stay when the
 * import rolls back. Only the final COMMITTED row is written inside the import's transaction, so
 * the status says COMMITTED exactly when the cases are there.
 */
@Component
public class ImportBatches {

    /** Counters of a running import. */
    public record Counts(long rowsRead, long rowsAccepted, long rowsRejected, long casesInserted, long casesUpdated,
                         long bytesRead) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    ImportBatches(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long create(StaffPrincipal importer, String fileName, String format, String status, Long bytesTotal) {
        Long institution = importer.role().communityWide() ? null : importer.institutionId();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO drg_import_batch (community_id, institution_id, file_name, format, status, bytes_total,
                               bytes_read, started_by, started_at)
                        VALUES (:c, :i, :f, :fmt, :s, :total, 0, :by, :at)""")
                .param("c", importer.communityId()).param("i", institution, java.sql.Types.BIGINT)
                .param("f", cut(fileName, 256)).param("fmt", format).param("s", status)
                .param("total", bytesTotal, java.sql.Types.BIGINT).param("by", cut(importer.username(), 64))
                .param("at", now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void running(long id, Long bytesTotal) {
        jdbc.sql("UPDATE drg_import_batch SET status = 'RUNNING', bytes_total = COALESCE(:total, bytes_total), started_at = :at "
                        + "WHERE id = :id")
                .param("total", bytesTotal, java.sql.Types.BIGINT).param("at", now()).param("id", id).update();
    }

    /** Progress and the rejections found since the last call, in one short transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(long id, Counts c, List<ImportRejection> rejections) {
        insertRejections(id, rejections);
        jdbc.sql("""
                        UPDATE drg_import_batch SET rows_read = :read, rows_accepted = :accepted, rows_rejected = :rejected,
                               cases_inserted = :inserted, cases_updated = :updated, bytes_read = :bytes
                         WHERE id = :id AND status = 'RUNNING'""")
                .param("read", c.rowsRead()).param("accepted", c.rowsAccepted()).param("rejected", c.rowsRejected())
                .param("inserted", c.casesInserted()).param("updated", c.casesUpdated()).param("bytes", c.bytesRead())
                .param("id", id).update();
    }

    private void insertRejections(long id, List<ImportRejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO drg_import_rejection (batch_id, line_no, case_id, field, value_masked, reason_zh, reason_en)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rejections, 500, (ps, r) -> {
            ps.setLong(1, id);
            ps.setLong(2, r.line());
            ps.setString(3, cut(r.caseId(), 64));
            ps.setString(4, cut(r.field(), 64));
            ps.setString(5, cut(r.value(), 128));
            ps.setString(6, cut(r.reasonZh(), 500));
            ps.setString(7, cut(r.reasonEn(), 500));
        });
    }

    /** The batch committed: written inside the import's transaction, as its last statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void committed(long id, Counts c, String message) {
        finish(id, ImportBatch.COMMITTED, c, message);
    }

    /** The batch failed or was interrupted: nothing of it is stored, the counters say how far it got. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ended(long id, String status, Counts c, String message) {
        finish(id, status, new Counts(c.rowsRead(), c.rowsAccepted(), c.rowsRejected(), 0, 0, c.bytesRead()), message);
    }

    private void finish(long id, String status, Counts c, String message) {
        jdbc.sql("""
                        UPDATE drg_import_batch SET status = :s, rows_read = :read, rows_accepted = :accepted,
                               rows_rejected = :rejected, cases_inserted = :inserted, cases_updated = :updated,
                               bytes_read = :bytes, message = :m, finished_at = :at
                         WHERE id = :id""")
                .param("s", status).param("read", c.rowsRead()).param("accepted", c.rowsAccepted())
                .param("rejected", c.rowsRejected()).param("inserted", c.casesInserted()).param("updated", c.casesUpdated())
                .param("bytes", c.bytesRead()).param("m", cut(message, 1000), java.sql.Types.VARCHAR).param("at", now())
                .param("id", id).update();
    }

    /** Batches left RUNNING or QUEUED by a process that stopped: INTERRUPTED (their cases were rolled back). */
    @Transactional
    public int interruptStartedBefore(Instant processStart) {
        return jdbc.sql("""
                        UPDATE drg_import_batch SET status = 'INTERRUPTED', finished_at = :now, cases_inserted = 0,
                               cases_updated = 0, message = :m
                         WHERE status IN ('RUNNING', 'QUEUED') AND started_at < :start""")
                .param("now", now()).param("start", OffsetDateTime.ofInstant(processStart, ZoneOffset.UTC))
                .param("m", "服务停止，导入中断，未写入任何病例，请重新导入 / the service stopped during the import; "
                        + "no case was stored; import the file again")
                .update();
    }

    /** The SQL condition for batches a caller may see (alias b, institution alias i LEFT JOINed). */
    private static String visible(StaffPrincipal p) {
        if (p.role().communityWide()) {
            return p.scope().communityId() == null ? "1 = 1" : "b.community_id = :community";
        }
        return "b.community_id = :community AND i.id IS NOT NULL AND " + p.scope().sql("i");
    }

    private static Map<String, Object> params(StaffPrincipal p) {
        var m = new java.util.HashMap<String, Object>(p.scope().params());
        m.put("community", p.communityId());
        return m;
    }

    public Optional<ImportBatch> find(long id, StaffPrincipal caller) {
        return jdbc.sql("SELECT b.* FROM drg_import_batch b LEFT JOIN institution i ON i.id = b.institution_id "
                        + "WHERE b.id = :id AND " + visible(caller))
                .params(params(caller)).param("id", id).query(ImportBatches::batch).optional();
    }

    /** Any batch by id, without a scope (the import itself). */
    public ImportBatch get(long id) {
        return jdbc.sql("SELECT b.* FROM drg_import_batch b WHERE b.id = :id").param("id", id)
                .query(ImportBatches::batch).single();
    }

    public List<ImportBatch> recent(StaffPrincipal caller, int limit) {
        return jdbc.sql("SELECT b.* FROM drg_import_batch b LEFT JOIN institution i ON i.id = b.institution_id "
                        + "WHERE " + visible(caller) + " ORDER BY b.id DESC LIMIT :limit")
                .params(params(caller)).param("limit", limit).query(ImportBatches::batch).list();
    }

    public List<ImportRejection> rejections(long batchId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM drg_import_rejection WHERE batch_id = :b ORDER BY line_no, id LIMIT :limit OFFSET :offset")
                .param("b", batchId).param("limit", limit).param("offset", offset).query(ImportBatches::rejection).list();
    }

    public long rejectionCount(long batchId) {
        return jdbc.sql("SELECT COUNT(*) FROM drg_import_rejection WHERE batch_id = :b").param("b", batchId)
                .query(Long.class).single();
    }

    /** Every rejection of a batch in line order, streamed (a file may have many). */
    public void eachRejection(long batchId, Consumer<ImportRejection> out) {
        template.query("SELECT * FROM drg_import_rejection WHERE batch_id = ? ORDER BY line_no, id",
                rs -> {
                    out.accept(rejection(rs, 0));
                }, batchId);
    }

    static ImportBatch batch(ResultSet rs, int n) throws SQLException {
        return new ImportBatch(rs.getLong("id"), rs.getLong("community_id"),
                rs.getObject("institution_id") == null ? null : rs.getLong("institution_id"), rs.getString("file_name"),
                rs.getString("format"), rs.getString("status"), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"), rs.getLong("cases_inserted"), rs.getLong("cases_updated"),
                rs.getObject("bytes_total") == null ? null : rs.getLong("bytes_total"), rs.getLong("bytes_read"),
                rs.getString("message"), rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }

    static ImportRejection rejection(ResultSet rs, int n) throws SQLException {
        return new ImportRejection(rs.getLong("line_no"), rs.getString("case_id"), rs.getString("field"),
                rs.getString("value_masked"), rs.getString("reason_zh"), rs.getString("reason_en"));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
