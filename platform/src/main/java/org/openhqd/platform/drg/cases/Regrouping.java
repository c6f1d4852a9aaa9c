package org.openhqd.platform.drg.cases;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.CaseRecordCodec;
import org.openhqd.platform.drg.DrgCasesChanged;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.platform.drg.RegroupedCases;
import org.openhqd.platform.patient.PersonalDataCipher;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.GroupOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 重新分组: groups every stored case of an institution again with one scheme (QC runs again too),
 * keeping the history of the run and of each case whose group changed.
 *
 * <p>A run goes in resumable chunks of {@value #CHUNK} cases, each its own transaction: the cases of
 * the chunk are locked (SELECT … FOR UPDATE, so an import waits for them), grouped, written with
 * their findings, their changes recorded and the run's position ({@code last_case_row_id}) moved,
 * all committed together. A million cases in one transaction would hold a million row locks and the
 * undo of every row for minutes; in chunks an interrupted run (a restart) stops at a chunk boundary
 * and is resumed from there. While a run is under way the institution's cases are a mix of the old
 * and new scheme (each case states its scheme). At the end {@link DrgCasesChanged} is published so
 * that payment is recomputed.
 *
 * <p>Runs execute one at a time on a background thread; the API answers 202 at once.
 */
@Service
class Regrouping {

    static final int CHUNK = 2000;
    private static final Logger log = LoggerFactory.getLogger(Regrouping.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final DrgSchemes schemes;
    private final RegroupedCases writer;
    private final RegroupRuns runs;
    private final SchemeSettings settings;
    private final ScopeInstitutions institutions;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drg-regroup");
        t.setDaemon(true);
        return t;
    });

    Regrouping(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, DrgSchemes schemes, RegroupedCases writer, RegroupRuns runs,
               SchemeSettings settings, ScopeInstitutions institutions, PersonalDataCipher cipher, AuditLog audit,
               ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.schemes = schemes;
        this.writer = writer;
        this.runs = runs;
        this.settings = settings;
        this.institutions = institutions;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Runs that were queued or under way when the service stopped: they can be resumed. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        jdbc.sql("UPDATE drg_regroup_run SET status = 'INTERRUPTED', message = :m WHERE status IN ('QUEUED', 'RUNNING')")
                .param("m", "服务停止时中断，可从中断处继续 / interrupted when the service stopped; it can be resumed").update();
    }

    /**
     * Starts a run for an institution of the caller's scope with a scheme (null: the institution's).
     * A scheme other than the configured one becomes the institution's scheme, so cases imported
     * later are grouped as the regrouped ones are.
     *
     * @throws DrgProblem 404 for an institution outside the scope, 400 for an unknown scheme, 409 while
     *     another run of the institution is under way
     */
    RegroupRuns.Run start(long institutionId, String scheme, StaffPrincipal me) {
        long runId = tx.execute(status -> {
            institutions.find(institutionId, me.scope()).orElseThrow(DrgProblem::notFound);
            // one start at a time per institution: the institution row is the lock
            jdbc.sql("SELECT id FROM institution WHERE id = :i FOR UPDATE").param("i", institutionId).query(Long.class).single();
            String configured = schemes.schemeIdFor(institutionId);
            String target = scheme == null || scheme.isBlank() ? configured : scheme.strip();
            DrgSchemes.Engine engine = schemes.find(target).orElseThrow(() -> DrgProblem.invalid("scheme",
                    "未知分组方案 '" + target + "'，可用：" + schemes.ids(), "unknown scheme '" + target + "'; known: " + schemes.ids()));
            runs.active(institutionId).ifPresent(r -> {
                throw DrgProblem.conflict("该机构已有重新分组正在进行（第 " + r.id() + " 次）", "run " + r.id() + " of this institution is under way");
            });
            if (!target.equals(configured)) {
                settings.write(institutionId, target, me);
            }
            List<String> from = new ArrayList<>();
            long[] total = {0};
            jdbc.sql("SELECT scheme_id, scheme_version, COUNT(*) FROM drg_case WHERE institution_id = :i "
                            + "GROUP BY scheme_id, scheme_version ORDER BY scheme_id, scheme_version")
                    .param("i", institutionId)
                    .query((rs, n) -> {
                        from.add(rs.getString(1) + " " + rs.getString(2) + "（" + rs.getLong(3) + "）");
                        total[0] += rs.getLong(3);
                        return null;
                    }).list();
            jdbc.sql("""
                            INSERT INTO drg_regroup_run (institution_id, from_schemes, to_scheme_id, to_scheme_version, status,
                                   cases_total, started_by, started_at)
                            VALUES (:i, :from, :to, :version, 'QUEUED', :total, :by, :at)""")
                    .param("i", institutionId).param("from", cut(String.join("; ", from), 300))
                    .param("to", engine.id()).param("version", engine.version()).param("total", total[0])
                    .param("by", me.username()).param("at", now()).update();
            long id = jdbc.sql("SELECT MAX(id) FROM drg_regroup_run WHERE institution_id = :i").param("i", institutionId)
                    .query(Long.class).single();
            audit.record(AuditAction.CREATE, "drg_regroup_run", id, null,
                    "regroup " + total[0] + " DRG cases of institution " + institutionId + " with " + engine.id() + " " + engine.version());
            submitAfterCommit(id, me);
            return id;
        });
        return runs.get(runId);
    }

    /**
     * Continues an interrupted or failed run from where it stopped.
     *
     * @throws DrgProblem 404 outside the scope, 409 when the run is not resumable or the scheme's
     *     version changed since (start a new run then)
     */
    RegroupRuns.Run resume(long runId, StaffPrincipal me) {
        tx.executeWithoutResult(status -> {
            RegroupRuns.Run r = runs.get(runId, me.scope()).orElseThrow(DrgProblem::notFound);
            jdbc.sql("SELECT id FROM institution WHERE id = :i FOR UPDATE").param("i", r.institutionId()).query(Long.class).single();
            if (!runs.get(runId).resumable()) {
                throw DrgProblem.conflict("只能继续已中断或失败的重新分组", "only an interrupted or failed run can be resumed");
            }
            runs.active(r.institutionId()).ifPresent(a -> {
                throw DrgProblem.conflict("该机构已有重新分组正在进行（第 " + a.id() + " 次）", "run " + a.id() + " of this institution is under way");
            });
            DrgSchemes.Engine e = schemes.find(r.toSchemeId()).orElse(null);
            if (e == null || !e.version().equals(r.toSchemeVersion())) {
                throw DrgProblem.conflict("分组方案版本已变化，请重新发起重新分组", "the scheme's version changed since; start a new run");
            }
            jdbc.sql("UPDATE drg_regroup_run SET status = 'QUEUED', message = NULL, finished_at = NULL WHERE id = :id")
                    .param("id", runId).update();
            audit.record(AuditAction.UPDATE, "drg_regroup_run", runId, null, "resume regrouping after " + r.casesDone() + " cases");
            submitAfterCommit(runId, me);
        });
        return runs.get(runId);
    }

    private void submitAfterCommit(long runId, StaffPrincipal me) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.submit(() -> CurrentUser.runAs(me, () -> {
                    execute(runId);
                    return null;
                }));
            }
        });
    }

    /** Runs (or continues) a run to its end on the current thread. */
    void execute(long runId) {
        RegroupRuns.Run run = runs.get(runId);
        long institution = run.institutionId();
        long last = 0;
        try {
            DrgSchemes.Engine engine = schemes.engine(run.toSchemeId());
            jdbc.sql("UPDATE drg_regroup_run SET status = 'RUNNING' WHERE id = :id").param("id", runId).update();
            last = jdbc.sql("SELECT last_case_row_id FROM drg_regroup_run WHERE id = :id").param("id", runId)
                    .query(Long.class).single();
            while (true) {
                long from = last;
                Long moved = tx.execute(status -> chunk(runId, institution, engine, from));
                if (moved == null) {
                    break;
                }
                last = moved;
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: left RUNNING, marked INTERRUPTED at the next start
                }
            }
            tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE drg_regroup_run SET status = 'FINISHED', finished_at = :at WHERE id = :id")
                        .param("at", now()).param("id", runId).update();
                RegroupRuns.Run done = runs.get(runId);
                audit.record(AuditAction.UPDATE, "drg_case", null, null, "regrouped " + done.casesDone() + " DRG cases of institution "
                        + institution + " with " + engine.id() + " " + engine.version() + ", " + done.casesChanged() + " changed (run "
                        + runId + ")");
                events.publishEvent(new DrgCasesChanged(Set.of(institution), null));
            });
        } catch (RuntimeException e) {
            log.error("DRG regrouping run {} failed after case row {}", runId, last, e);
            long at = last;
            tx.executeWithoutResult(status -> jdbc.sql("UPDATE drg_regroup_run SET status = 'FAILED', finished_at = :t, message = :m "
                            + "WHERE id = :id")
                    .param("t", now()).param("id", runId)
                    .param("m", "重新分组失败（病例行号 " + at + " 之后），可继续 / failed after case row " + at + ", can be resumed: "
                            + e.getClass().getSimpleName())
                    .update());
        }
    }

    /** One chunk after case row {@code last}; the new position, or null when no case is left. */
    private Long chunk(long runId, long institution, DrgSchemes.Engine engine, long last) {
        record Stored(long id, String caseId, String source, String idEnc, String schemeId, String status, String drg) {
        }
        List<Stored> stored = jdbc.sql("""
                        SELECT id, case_id, source_record, patient_id_enc, scheme_id, group_status, drg FROM drg_case
                         WHERE institution_id = :i AND id > :last ORDER BY id LIMIT :n FOR UPDATE""")
                .param("i", institution).param("last", last).param("n", CHUNK)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
        if (stored.isEmpty()) {
            return null;
        }
        // QC and grouping are CPU work: spread over the cores; the order is kept
        List<ProcessedCase> processed = stored.parallelStream()
                .map(s -> ProcessedCase.of(CaseRecordCodec.decode(s.source(), identity(s.idEnc())), engine)).toList();
        List<RegroupedCases.Regrouped> out = new ArrayList<>(stored.size());
        List<Object[]> changes = new ArrayList<>();
        for (int k = 0; k < stored.size(); k++) {
            Stored s = stored.get(k);
            GroupOutcome g = processed.get(k).report().group();
            String newDrg = g.drg() == null || g.drg().isEmpty() ? null : g.drg();
            boolean changed = !g.status().equals(s.status()) || !java.util.Objects.equals(newDrg, s.drg());
            out.add(new RegroupedCases.Regrouped(s.id(), processed.get(k), changed));
            if (changed) {
                changes.add(new Object[] {runId, s.id(), s.caseId(), s.schemeId(), s.status(), s.drg(), g.status(), newDrg});
            }
        }
        writer.write(institution, out);
        if (!changes.isEmpty()) {
            batch.batchUpdate("INSERT INTO drg_regroup_change (run_id, case_row_id, case_id, old_scheme_id, old_status, old_drg, "
                    + "new_status, new_drg) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", changes);
        }
        long position = stored.get(stored.size() - 1).id();
        jdbc.sql("UPDATE drg_regroup_run SET cases_done = cases_done + :n, cases_changed = cases_changed + :c, "
                        + "last_case_row_id = :last WHERE id = :id")
                .param("n", stored.size()).param("c", changes.size()).param("last", position).param("id", runId).update();
        return position;
    }

    /** The decrypted identity number for the QC rules that check it; empty when there is none. */
    private String identity(String encrypted) {
        if (encrypted == null || encrypted.isEmpty()) {
            return "";
        }
        return cipher.decrypt(encrypted);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
