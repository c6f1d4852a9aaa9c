package org.openhqd.platform.drg.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import org.openhqd.platform.drg.CaseStore;
import org.openhqd.platform.drg.DrgSchemes;
import org.openhqd.platform.drg.ImportRejection;
import org.openhqd.platform.drg.ProcessedCase;
import org.openhqd.platform.organization.Institution;

/**
 * One import, as a pipeline: the calling thread reads the file and checks each row's structure
 * (in file order, so a repeated case id is caught at its later line); worker threads on the
 * available cores run quality control and grouping ({@link ProcessedCase#of}, engines shared) and
 * prepare the rows ({@link CaseStore#prepare}); one writer thread stores the chunks inside the
 * import's single transaction ({@link Writer}).
 * Queues between the stages are bounded, so memory stays constant whatever the file's size. A
 * ticker writes progress and rejections every half second in their own short transactions.
 *
 * <p>The first failure anywhere stops every stage; the writer's transaction then rolls back and no
 * case of the batch remains.
 */
public final class ImportRun {

    /** Stores chunks inside the import's transaction and, at the end, commits the batch. */
    public interface Writer {
        /**
         * Runs the whole write in one transaction: {@code chunks} yields processed cases by
         * institution until it returns null (the end); then {@link ChunkSource#close()} gives the
         * totals for the batch's last statements in the same transaction.
         */
        void write(ChunkSource chunks);
    }

    /** The processed chunks, one at a time. */
    public interface ChunkSource {
        /** The next chunk (prepared per institution), or null at the end; throws when the import was aborted. */
        List<CaseStore.Prepared> next();

        /** Adds what a chunk wrote to the running totals (shown as progress). */
        void written(CaseStore.Written w);

        /** After the last chunk: stops the progress writes (none may follow or block the commit) and gives the totals. */
        ImportBatches.Counts close();
    }

    static final int CHUNK = 1000;
    private static final Object END = new Object();

    private final long batchId;
    private final ImportBatches batches;
    private final LongFunction<DrgSchemes.Engine> engines;
    private final Map<String, Institution> institutions;
    private final Institution own;
    private final int workers;
    private final CaseStore store;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ConcurrentLinkedQueue<ImportRejection> pendingRejections = new ConcurrentLinkedQueue<>();
    private final ReentrantLock progressLock = new ReentrantLock();
    private volatile boolean finalizing;
    private volatile boolean stopped;
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong rowsAccepted = new AtomicLong();
    private final AtomicLong rowsRejected = new AtomicLong();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private RowSource source;
    private ImportColumns columns;

    /**
     * @param engines the engine of an institution (looked up once per institution)
     * @param institutions the institutions in the importer's scope, by code
     * @param own the importer's institution
     */
    public ImportRun(long batchId, ImportBatches batches, CaseStore store, LongFunction<DrgSchemes.Engine> engines,
                     Map<String, Institution> institutions, Institution own, int workers) {
        this.batchId = batchId;
        this.store = store;
        this.batches = batches;
        Map<Long, DrgSchemes.Engine> cache = new ConcurrentHashMap<>();
        this.engines = id -> cache.computeIfAbsent(id, engines::apply);
        this.institutions = institutions;
        this.own = own;
        this.workers = Math.max(1, workers);
    }

    /** The counters now. */
    public ImportBatches.Counts counts() {
        return new ImportBatches.Counts(rowsRead.get(), rowsAccepted.get(), rowsRejected.get(), inserted.get(), updated.get(),
                source == null ? 0 : source.bytesRead());
    }

    /** Header names that matched no field (known once the header was read). */
    public List<String> ignoredColumns() {
        return columns == null ? List.of() : columns.ignored();
    }

    /**
     * Runs the import on the calling thread (reading) and threads of its own; returns when the
     * writer's transaction has committed.
     *
     * @throws ImportFileException when the file cannot be read on; any other exception of a stage
     *     as it was thrown; {@link InterruptedException} wrapped in {@link Interrupted} when the
     *     calling thread was interrupted. Nothing is stored then.
     */
    public void run(RowSource source, boolean shortRows, Writer writer) {
        this.source = source;
        BlockingQueue<Object> toWorkers = new ArrayBlockingQueue<>(workers * 2);
        BlockingQueue<Object> toWriter = new ArrayBlockingQueue<>(workers * 2);
        List<Thread> threads = new ArrayList<>();
        AtomicLong workersLeft = new AtomicLong(workers);
        for (int w = 0; w < workers; w++) {
            threads.add(thread("drg-import-" + batchId + "-qc-" + w, () -> {
                try {
                    while (true) {
                        Object item = take(toWorkers);
                        if (item == END) {
                            break;
                        }
                        @SuppressWarnings("unchecked")
                        List<RowAssembler.Accepted> rows = (List<RowAssembler.Accepted>) item;
                        Map<Long, List<ProcessedCase>> byInstitution = new HashMap<>();
                        for (RowAssembler.Accepted a : rows) {
                            byInstitution.computeIfAbsent(a.institutionId(), k -> new ArrayList<>(rows.size()))
                                    .add(ProcessedCase.of(a.record(), engines.apply(a.institutionId())));
                        }
                        // rows encoded here, on the cores, so that the one writer only ships them
                        List<CaseStore.Prepared> out = new ArrayList<>(byInstitution.size());
                        byInstitution.forEach((institution, cases) -> out.add(store.prepare(institution, batchId, cases)));
                        put(toWriter, out);
                    }
                } finally {
                    if (workersLeft.decrementAndGet() == 0 && failure.get() == null) {
                        put(toWriter, END);
                    }
                }
            }));
        }
        threads.add(thread("drg-import-" + batchId + "-writer", () -> writer.write(new ChunkSource() {
            @Override
            @SuppressWarnings("unchecked")
            public List<CaseStore.Prepared> next() {
                Object item = take(toWriter);
                return item == END ? null : (List<CaseStore.Prepared>) item;
            }

            @Override
            public void written(CaseStore.Written w) {
                inserted.addAndGet(w.inserted());
                updated.addAndGet(w.updated());
            }

            @Override
            public ImportBatches.Counts close() {
                progressLock.lock();   // waits for a progress write under way
                try {
                    finalizing = true;
                } finally {
                    progressLock.unlock();
                }
                return counts();
            }
        })));
        // no stage thread is ever interrupted: one inside a JDBC call would leave an embedded H2 file
        // closed. They poll the failure flag instead (queues wait 100 ms at a time).
        Thread ticker = thread("drg-import-" + batchId + "-progress", () -> {
            long next = System.nanoTime() + 500_000_000L;
            while (failure.get() == null && !finalizing && !stopped) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() >= next && !stopped) {
                    flushProgress();
                    next = System.nanoTime() + 500_000_000L;
                }
            }
        });
        threads.forEach(Thread::start);
        ticker.start();
        Thread writerThread = threads.get(threads.size() - 1);
        try {
            read(source, shortRows, toWorkers);
            flushProgress();
            for (int w = 0; w < workers; w++) {
                put(toWorkers, END);
            }
            writerThread.join();
        } catch (InterruptedException e) {
            fail(new Interrupted());
        } catch (Throwable t) {
            fail(t);
        } finally {
            stopped = true;
            for (Thread t : threads) {
                joinQuietly(t);
            }
            joinQuietly(ticker);
        }
        Throwable f = failure.get();
        if (f != null) {
            flushRejectionsAfterFailure();
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    /** Waits for a stage to end (they end by themselves once the run is over or failed). */
    private void joinQuietly(Thread t) {
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                fail(new Interrupted()); // stopping: the stages see the failure within 100 ms
            }
        }
    }

    private void read(RowSource source, boolean shortRows, BlockingQueue<Object> toWorkers) {
        List<RowAssembler.Accepted>[] chunk = newChunk();
        RowAssembler[] assembler = new RowAssembler[1];
        source.read(new RowSource.Handler() {
            @Override
            public void header(long line, String[] cells) {
                columns = ImportColumns.of(cells, line);
                assembler[0] = new RowAssembler(columns, institutions, own, shortRows);
            }

            @Override
            public void row(long line, String[] cells) {
                if (Thread.interrupted()) { // cleared: the batch's status is still to be written
                    fail(new Interrupted());
                }
                if (failure.get() != null) {
                    throw new Aborted();
                }
                rowsRead.incrementAndGet();
                Object r = assembler[0].assemble(line, cells);
                if (r instanceof RowAssembler.Accepted a) {
                    rowsAccepted.incrementAndGet();
                    chunk[0].add(a);
                    if (chunk[0].size() == CHUNK) {
                        put(toWorkers, chunk[0]);
                        chunk[0] = newChunk()[0];
                    }
                } else {
                    rowsRejected.incrementAndGet();
                    pendingRejections.add((ImportRejection) r);
                }
            }
        });
        if (!chunk[0].isEmpty()) {
            put(toWorkers, chunk[0]);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<RowAssembler.Accepted>[] newChunk() {
        return new List[] {new ArrayList<>(CHUNK)};
    }

    /** Writes progress and the pending rejections in a short transaction of their own. */
    private void flushProgress() {
        progressLock.lock();
        try {
            if (finalizing) {
                return;
            }
            List<ImportRejection> rejections = drain();
            batches.progress(batchId, counts(), rejections);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            progressLock.unlock();
        }
    }

    private void flushRejectionsAfterFailure() {
        List<ImportRejection> rejections = drain();
        if (!rejections.isEmpty()) {
            batches.progress(batchId, counts(), rejections);
        }
    }

    private List<ImportRejection> drain() {
        List<ImportRejection> out = new ArrayList<>();
        ImportRejection r;
        while ((r = pendingRejections.poll()) != null) {
            out.add(r);
        }
        return out;
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Aborted e) {
                // another stage failed first
            } catch (Throwable e) {
                fail(e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private void fail(Throwable t) {
        if (t instanceof Aborted) {
            return;
        }
        failure.compareAndSet(null, t);
    }

    private void put(BlockingQueue<Object> q, Object item) {
        try {
            while (!q.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new Aborted();
                }
            }
        } catch (InterruptedException e) {
            fail(new Interrupted()); // the flag stays cleared: the batch's status is still to be written
            throw new Aborted();
        }
    }

    private Object take(BlockingQueue<Object> q) {
        try {
            while (true) {
                Object item = q.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (failure.get() != null) {
                    throw new Aborted();
                }
            }
        } catch (InterruptedException e) {
            fail(new Interrupted());
            throw new Aborted();
        }
    }

    /** Stops a stage because another failed. */
    static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }

    /** The import's thread was interrupted (the service is stopping). */
    public static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted", null, false, false);
        }
    }
}
