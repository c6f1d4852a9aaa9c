package org.openhqd.platform.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads a versioned definition table shipped as a UTF-8 TSV resource (indicator and measure
 * definitions): the exact header, then rows with every column filled, all of one version (the
 * first column). A table that breaks any of this stops the application at start-up with the
 * resource and line, because figures computed from a half-read definition would be wrong silently.
 */
public final class DefinitionTable {

    private DefinitionTable() {
    }

    /** The rows of the table, each split into exactly as many columns as the header has. */
    public static List<String[]> rows(String resource, String header) {
        String text;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read", e);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IllegalStateException(resource + ": header must be " + header);
        }
        int columns = header.split("\t", -1).length;
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != columns || Arrays.stream(f).anyMatch(String::isBlank)) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": " + columns + " non-empty columns expected");
            }
            rows.add(f);
        }
        if (rows.isEmpty() || rows.stream().map(r -> r[0]).distinct().count() != 1) {
            throw new IllegalStateException(resource + ": rows expected, all of one version");
        }
        return rows;
    }
}
