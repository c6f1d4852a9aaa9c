package org.openhqd.cli;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Runs a source (reading and parsing rows, generating cases) on its own thread, a batch ahead of
 * the thread that consumes it, so on a machine with two cores parsing overlaps grouping and
 * writing. Order is kept. An exception of the source reaches the consumer after every item read
 * before it, thrown from {@link #next()}.
 *
 * @param <T> item type; the source returns null at the end
 */
final class Prefetch<T> implements AutoCloseable {

    private static final int BATCH = 512;
    private static final Object[] END = new Object[0];

    private final Supplier<T> source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private Object[] batch;
    private int pos;
    private boolean ended;

    Prefetch(Supplier<T> source, String name) {
        this.source = source;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                Object[] b = new Object[BATCH];
                int n = 0;
                T item = null;
                while (n < BATCH && (item = source.get()) != null) {
                    b[n++] = item;
                }
                if (n > 0) {
                    queue.put(n == BATCH ? b : java.util.Arrays.copyOf(b, n));
                }
                if (item == null) {
                    queue.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the consumer closed us
        } catch (RuntimeException | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException ignored) {
                // the consumer closed us
            }
        }
    }

    /** The next item in source order, or null at the end. */
    @SuppressWarnings("unchecked")
    T next() {
        if (batch != null && pos < batch.length) {
            return (T) batch[pos++];
        }
        if (ended) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (o instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (o instanceof Error e) {
            ended = true;
            throw e;
        }
        batch = (Object[]) o;
        pos = 0;
        if (batch == END) {
            ended = true;
            return null;
        }
        return (T) batch[pos++];
    }

    /** Stops the source thread (when the consumer gives up early). */
    @Override
    public void close() {
        thread.interrupt();
    }
}
