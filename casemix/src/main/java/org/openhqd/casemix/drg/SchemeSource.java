package org.openhqd.casemix.drg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a scheme's files are read from: a folder on disk or a folder of the class path. */
@FunctionalInterface
public interface SchemeSource {

    /** Opens the named file of the scheme folder, or returns null when the folder has no such file. */
    InputStream open(String file) throws IOException;

    /** A scheme folder on disk, e.g. one prepared by a regional insurance bureau. */
    static SchemeSource directory(Path dir) {
        return file -> {
            try {
                return Files.newInputStream(dir.resolve(file));
            } catch (NoSuchFileException e) {
                return null;
            }
        };
    }

    /** A scheme folder on the class path, e.g. {@code org/openhqd/casemix/schemes/chs-drg-1.1}. */
    static SchemeSource classpath(ClassLoader loader, String folder) {
        return file -> loader.getResourceAsStream(folder + "/" + file);
    }

    /** Reads a whole file as bytes, or null when it is absent. */
    default byte[] readAll(String file) {
        try (InputStream in = open(file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
