package org.openhqd.platform.drg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.importing.CsvRowSource;
import org.openhqd.platform.drg.importing.ImportBatches;
import org.openhqd.platform.drg.importing.ImportFileException;
import org.openhqd.platform.drg.importing.ImportRun;
import org.openhqd.platform.drg.importing.RowSource;
import org.openhqd.platform.drg.importing.XlsxRowSource;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case import (病例导入): settlement lists / record home pages from a CSV or XLSX file into
 * {@code drg_case}, checked and grouped on the way. A batch is atomic — every accepted case of the
 * file is stored in one transaction, or none — and can be rerun; re-importing a case id replaces
 * the case. Rows with a structural problem are rejected and listed; the rest is stored with its QC
 * findings. Imports run one at a time (a second waits as QUEUED), so two files never race for the
 * same case ids.
 *
 * <p>Entry points: {@link #importFile} (blocking, for the demo loader, scripts and tests),
 * {@link #submit} (the API and console: answers at once, imports in the background).
 */
@Service
public class DrgImports {

    private static final Logger log = LoggerFactory.getLogger(DrgImports.class);

    private final ImportBatches batches;
    private final CaseStore store;
    private final DrgSchemes schemes;
    private final Organizations organizations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final int workers;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private final ExecutorService background;

    DrgImports(ImportBatches batches, CaseStore store, DrgSchemes schemes, Organizations organizations, AuditLog audit,
               ApplicationEventPublisher events, PlatformTransactionManager transactions,
               @Value("${hqd.drg.import.workers:0}") int workers) {
        this.batches = batches;
        this.store = store;
        this.schemes = schemes;
        this.organizations = organizations;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "drg-import");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Imports a file and returns the finished batch (COMMITTED, or FAILED with its message).
     *
     * @param charset the CSV's encoding (UTF-8 when null); ignored for XLSX
     * @throws AccessDeniedException when the importer may not manage DRG data
     */
    public ImportBatch importFile(Path file, ImportFormat format, Charset charset, StaffPrincipal importer) {
        mayImport(importer);
        long id = batches.create(importer, file.getFileName().toString(), format.name(), ImportBatch.QUEUED, size(file));
        return run(id, file, format, charset, importer);
    }

    /** Imports a CSV stream (a HIS pushing its export), blocking; {@code bytesTotal} may be null when unknown. */
    public ImportBatch importCsv(InputStream csv, Charset charset, String fileName, Long bytesTotal, StaffPrincipal importer) {
        mayImport(importer);
        long id = batches.create(importer, fileName == null ? "stream.csv" : fileName, ImportFormat.CSV.name(),
                ImportBatch.QUEUED, bytesTotal);
        return runLocked(id, bytesTotal, () -> new CsvRowSource(csv, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset),
                false, importer);
    }

    /**
     * Queues the import of a file received by the API or the console and answers the QUEUED batch
     * at once; the file is deleted once imported.
     */
    public ImportBatch submit(Path file, ImportFormat format, Charset charset, String fileName, StaffPrincipal importer) {
        mayImport(importer);
        long id = batches.create(importer, fileName == null || fileName.isBlank() ? format.name().toLowerCase() + " upload" : fileName,
                format.name(), ImportBatch.QUEUED, size(file));
        background.execute(() -> {
            try {
                run(id, file, format, charset, importer);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("DRG import {}: upload file not deleted: {}", id, e.toString());
                }
            }
        });
        return batches.get(id);
    }

    private ImportBatch run(long id, Path file, ImportFormat format, Charset charset, StaffPrincipal importer) {
        return runLocked(id, size(file), () -> switch (format) {
            case CSV -> {
                try {
                    yield new CsvRowSource(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16),
                            charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case XLSX -> new XlsxRowSource(file);
        }, format == ImportFormat.XLSX, importer);
    }

    private ImportBatch runLocked(long id, Long bytesTotal, java.util.function.Supplier<RowSource> open, boolean shortRows,
                                  StaffPrincipal importer) {
        try {
            oneAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batches.ended(id, ImportBatch.INTERRUPTED, new ImportBatches.Counts(0, 0, 0, 0, 0, 0), interruptedMessage());
            return batches.get(id);
        }
        try {
            batches.running(id, bytesTotal);
            execute(id, open, shortRows, importer);
        } catch (RuntimeException e) {
            // before the pipeline started (the file cannot be opened, the importer's institution is gone)
            log.warn("DRG import {} could not start: {}", id, summary(e));
            batches.ended(id, ImportBatch.FAILED, new ImportBatches.Counts(0, 0, 0, 0, 0, 0),
                    "导入未能开始，未写入任何病例：" + summary(e) + " / the import could not start, no case was stored");
        } finally {
            oneAtATime.unlock();
        }
        return batches.get(id);
    }

    private void execute(long id, java.util.function.Supplier<RowSource> open, boolean shortRows, StaffPrincipal importer) {
        Map<String, Institution> inScope = new LinkedHashMap<>();
        for (Institution i : organizations.institutions(importer.scope())) {
            inScope.put(i.code(), i);
        }
        Institution own = inScope.values().stream().filter(i -> i.id() == importer.institutionId()).findFirst()
                .orElseThrow(() -> new AccessDeniedException("importer's institution not in scope"));
        ImportRun run = new ImportRun(id, batches, store, schemes::engineFor, inScope, own, workers);
        long started = System.nanoTime();
        try (RowSource source = open.get()) {
            run.run(source, shortRows, chunks -> CurrentUser.runAs(importer, () -> tx.execute(status -> {
                Set<Long> institutions = new LinkedHashSet<>();
                List<CaseStore.Prepared> chunk;
                long waiting = 0;
                long storing = 0;
                long t = System.nanoTime();
                while ((chunk = chunks.next()) != null) {
                    long t1 = System.nanoTime();
                    waiting += t1 - t;
                    for (CaseStore.Prepared p : chunk) {
                        chunks.written(store.store(p));
                        institutions.add(p.institutionId());
                    }
                    t = System.nanoTime();
                    storing += t - t1;
                }
                log.info("DRG import {}: the writer stored for {} ms and waited for chunks {} ms", id, storing / 1_000_000,
                        waiting / 1_000_000);
                ImportBatches.Counts totals = chunks.close();
                if (!institutions.isEmpty()) {
                    events.publishEvent(new DrgCasesChanged(Set.copyOf(institutions), id));
                }
                audit.record(AuditAction.CREATE, "drg_import_batch", id, null, "DRG case import: " + totals.rowsRead()
                        + " rows read, " + (totals.casesInserted() + totals.casesUpdated()) + " cases stored ("
                        + totals.casesInserted() + " new, " + totals.casesUpdated() + " replaced), " + totals.rowsRejected()
                        + " rows rejected");
                batches.committed(id, totals, committedMessage(totals, run.ignoredColumns()));
                return null;
            })));
            log.info("DRG import {} committed: {} rows in {} ms", id, run.counts().rowsRead(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ImportRun.Interrupted e) {
            batches.ended(id, ImportBatch.INTERRUPTED, run.counts(), interruptedMessage());
            auditFailure(importer, id, "interrupted");
            Thread.currentThread().interrupt();
        } catch (ImportFileException e) {
            batches.ended(id, ImportBatch.FAILED, run.counts(), "导入失败，未写入任何病例。" + e.getMessage()
                    + " / import failed, no case was stored");
            auditFailure(importer, id, "file rejected at line " + e.line());
        } catch (RuntimeException e) {
            String why = summary(e);
            log.warn("DRG import {} failed after {} rows: {}", id, run.counts().rowsRead(), why);
            batches.ended(id, ImportBatch.FAILED, run.counts(), "导入失败，未写入任何病例，可修正后重新导入：" + why
                    + " / import failed, no case was stored; fix the cause and import again");
            auditFailure(importer, id, "failed: " + e.getClass().getSimpleName());
        }
    }

    private void auditFailure(StaffPrincipal importer, long id, String what) {
        try {
            CurrentUser.runAs(importer, () -> tx.execute(s -> {
                audit.record(AuditAction.CREATE, "drg_import_batch", id, null, "DRG case import " + what + ", nothing stored");
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("DRG import {}: failure not audited: {}", id, e.toString());
        }
    }

    private static String committedMessage(ImportBatches.Counts t, List<String> ignored) {
        String m = "已导入 " + (t.casesInserted() + t.casesUpdated()) + " 例（新增 " + t.casesInserted() + "，更新 "
                + t.casesUpdated() + "），拒绝 " + t.rowsRejected() + " 行 / " + (t.casesInserted() + t.casesUpdated())
                + " cases imported (" + t.casesInserted() + " new, " + t.casesUpdated() + " updated), " + t.rowsRejected()
                + " rows rejected";
        if (!ignored.isEmpty()) {
            m += "；未识别而忽略的列 / columns ignored: " + String.join(", ", ignored);
        }
        return m;
    }

    private static String interruptedMessage() {
        return "服务停止，导入中断，未写入任何病例，请重新导入 / the service stopped during the import; no case was stored; "
                + "import the file again";
    }

    /** A failure's cause for the batch message: type, SQL state and text, long digit runs masked. */
    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof java.sql.SQLException s && s.getSQLState() != null ? " SQLState " + s.getSQLState() : "";
        String text = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\d{6,}[0-9Xx]*", "******");
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…";
        }
        return root.getClass().getSimpleName() + state + (text.isEmpty() ? "" : ": " + text);
    }

    private static Long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static void mayImport(StaffPrincipal p) {
        if (!DrgAccess.mayManage(p)) {
            throw new AccessDeniedException("may not import DRG cases");
        }
    }

    private static void mayRead(StaffPrincipal p) {
        if (!DrgAccess.mayRead(p)) {
            throw new AccessDeniedException("may not read DRG imports");
        }
    }

    /** A batch inside the caller's scope. */
    public Optional<ImportBatch> find(long id, StaffPrincipal caller) {
        mayRead(caller);
        return batches.find(id, caller);
    }

    /** The latest batches inside the caller's scope, newest first. */
    public List<ImportBatch> recent(StaffPrincipal caller, int limit) {
        mayRead(caller);
        return batches.recent(caller, Math.max(1, Math.min(limit, 200)));
    }

    /** A page of a batch's rejections (audited: they carry case ids). */
    public Optional<RejectionPage> rejections(long id, int page, int size, StaffPrincipal caller) {
        mayRead(caller);
        int s = Math.max(1, Math.min(size, 500));
        int p = Math.max(0, page);
        return batches.find(id, caller).map(b -> tx.execute(st -> {
            audit.record(AuditAction.READ, "drg_import_rejection", id, null, "rejections of DRG import, page " + p);
            return new RejectionPage(b.id(), batches.rejections(id, p * s, s), p, s, batches.rejectionCount(id));
        }));
    }

    /** One page of rejections. */
    public record RejectionPage(long batchId, List<ImportRejection> content, int page, int size, long totalElements) {
    }

    /**
     * Streams every rejection of a batch as CSV (line, case id, field, masked value, reasons) to
     * {@code out}; audited as an export. Empty when the batch is not in the caller's scope.
     */
    public boolean exportRejections(long id, StaffPrincipal caller, Consumer<String> out) {
        mayRead(caller);
        if (batches.find(id, caller).isEmpty()) {
            return false;
        }
        tx.execute(st -> {
            audit.record(AuditAction.EXPORT, "drg_import_rejection", id, null, "rejections of DRG import exported as CSV");
            return null;
        });
        out.accept("\uFEFF行号 line,病案号 case_id,字段 field,值 value,原因 reason,reason\r\n");
        batches.eachRejection(id, r -> out.accept(csv(Long.toString(r.line())) + "," + csv(r.caseId()) + "," + csv(r.field())
                + "," + csv(r.value()) + "," + csv(r.reasonZh()) + "," + csv(r.reasonEn()) + "\r\n"));
        return true;
    }

    /** A CSV cell; a leading =, +, - or @ is quoted with an apostrophe so spreadsheets do not run it as a formula. */
    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Batches a stopped process left RUNNING or QUEUED: their transaction is gone, so they are INTERRUPTED. */
    @EventListener(ApplicationStartedEvent.class)
    void markInterrupted() {
        int n = batches.interruptStartedBefore(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        if (n > 0) {
            log.info("{} DRG import(s) of an earlier run marked INTERRUPTED", n);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        background.shutdownNow(); // the running import rolls back and is marked INTERRUPTED
        background.awaitTermination(30, TimeUnit.SECONDS);
    }
}
