package org.openhqd.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a command writes its CSV: standard output for {@code -}, otherwise a temporary file next to
 * the target that is moved into place only by {@link #commit()}, so a failed run never leaves a
 * partial file (and never destroys the previous one). Callers write UTF-8 bytes (encoded on the
 * threads that format them) through a 1 MiB buffer.
 */
final class OutputTarget implements AutoCloseable {

    static final int BUFFER = 1 << 20;

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    /** Deletes the temporary file when the process is stopped (Ctrl-C) before the run ends. */
    private final Thread cleanup;
    private boolean committed;

    private OutputTarget(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = new BufferedOutputStream(stream, BUFFER);
        if (temp != null) {
            cleanup = new Thread(() -> {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort while the JVM goes down
                }
            }, "hqd-output-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        } else {
            cleanup = null;
        }
    }

    static OutputTarget open(String out) throws IOException {
        if (Io.STD.equals(out)) {
            return new OutputTarget(null, null, new StdoutStream(System.out));
        }
        Path target;
        try {
            target = Path.of(out).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw Failure.output("输出文件名无效：" + out, "invalid output file name: " + out);
        }
        if (Files.isDirectory(target)) {
            throw Failure.output("输出是目录而不是文件：" + out, "the output is a directory, not a file: " + out);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw Failure.output("输出目录不存在：" + dir, "output directory does not exist: " + dir);
        }
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw Failure.output("无法在 " + dir + " 中创建输出文件（" + e + "）",
                    "cannot create the output file in " + dir + " (" + e + ")");
        }
        try {
            return new OutputTarget(target, temp, Files.newOutputStream(temp));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** Text as UTF-8. */
    void write(CharSequence text) throws IOException {
        stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Flushes, and for a file moves it into place. */
    void commit() throws IOException {
        stream.flush();
        if (temp == null) {
            return;
        }
        stream.close();
        permissions();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** A temporary file is private (0600); give the result the permissions of the file it replaces, or 0644. */
    private void permissions() {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default
        }
    }

    /** Deletes the temporary file unless the output was committed; standard output is only flushed. */
    @Override
    public void close() {
        if (temp == null) {
            try {
                stream.flush();
            } catch (IOException e) {
                // reported by the run already, or nothing more to do
            }
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook does the cleanup
        }
        if (!committed) {
            try {
                stream.close();
            } catch (IOException e) {
                // the file is deleted below anyway
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // best effort
            }
        }
    }

    /**
     * Standard output that reports a closed pipe (e.g. {@code | head}) as an IOException, which a
     * PrintStream would swallow, so the run stops instead of grouping into the void.
     */
    private static final class StdoutStream extends OutputStream {
        private final PrintStream out;

        StdoutStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            check();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            check();
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        private void check() throws IOException {
            if (out.checkError()) {
                throw new IOException("标准输出已关闭 / standard output is closed");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
