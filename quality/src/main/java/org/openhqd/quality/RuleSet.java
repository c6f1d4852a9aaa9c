package org.openhqd.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A versioned pack of rules read from a TSV file (UTF-8, one header line, TAB-separated, lines
 * starting with {@code #} and blank lines ignored). Columns, by header name: {@code id}, {@code
 * version}, {@code category}, {@code type}, {@code severity}, {@code params}, {@code basis}, {@code
 * message_zh}, {@code message_en}. A file with any problem is refused as a whole, with file:line
 * and the problem — a rule pack that half loads would pass records it was meant to stop.
 * Immutable once read.
 */
public final class RuleSet {

    /** The shipped settlement-list rule pack. */
    public static final String BUILT_IN = "org/openhqd/quality/rules/settlement-qc.tsv";

    static final List<String> COLUMNS = List.of("id", "version", "category", "type", "severity", "params", "basis",
            "message_zh", "message_en");

    /** A rule and its bound rule type. */
    record Entry(QcRule rule, Check check) {
    }

    private final String name;
    private final List<Entry> entries;

    private RuleSet(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    public static RuleSet builtIn() {
        return classpath(RuleSet.class.getClassLoader(), BUILT_IN);
    }

    public static RuleSet classpath(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new RuleFileException(resource, 0, "no such resource");
        }
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(file, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a rule file.
     *
     * @param file the name used in error messages
     * @throws RuleFileException for the first problem, with its line
     */
    public static RuleSet read(String file, Reader reader) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int[] col = null;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (col == null) {
                    col = header(file, lineNo, cells);
                    continue;
                }
                Entry e = entry(file, lineNo, cells, col);
                Integer earlier = seen.putIfAbsent(e.rule().id(), lineNo);
                if (earlier != null) {
                    throw new RuleFileException(file, lineNo, "rule id " + e.rule().id() + " already defined on line " + earlier);
                }
                entries.add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (col == null) {
            throw new RuleFileException(file, lineNo, "no header line; expected columns " + COLUMNS);
        }
        return new RuleSet(file, entries);
    }

    private static int[] header(String file, int lineNo, String[] cells) {
        List<String> names = Arrays.asList(cells);
        int[] col = new int[COLUMNS.size()];
        for (int i = 0; i < col.length; i++) {
            col[i] = names.indexOf(COLUMNS.get(i));
            if (col[i] < 0) {
                throw new RuleFileException(file, lineNo, "missing column '" + COLUMNS.get(i) + "'; expected " + COLUMNS);
            }
        }
        return col;
    }

    private static Entry entry(String file, int lineNo, String[] cells, int[] col) {
        int needed = Arrays.stream(col).max().orElse(0) + 1;
        if (cells.length < needed) {
            throw new RuleFileException(file, lineNo, "too few fields: " + cells.length + " of " + needed);
        }
        String id = cells[col[0]].strip();
        if (!id.matches("[A-Z][A-Z0-9]*-[A-Z0-9-]+")) {
            throw new RuleFileException(file, lineNo, "bad rule id '" + id + "' (expected e.g. QC-101)");
        }
        String version = cells[col[1]].strip();
        if (version.isEmpty()) {
            throw new RuleFileException(file, lineNo, id + ": empty version");
        }
        Category category = parseEnum(file, lineNo, id, "category", cells[col[2]], Category.class);
        RuleType type = parseEnum(file, lineNo, id, "type", cells[col[3]], RuleType.class);
        Severity severity = parseEnum(file, lineNo, id, "severity", cells[col[4]], Severity.class);
        String basis = cells[col[6]].strip();
        String zh = cells[col[7]].strip();
        String en = cells[col[8]].strip();
        if (basis.isEmpty() || zh.isEmpty() || en.isEmpty()) {
            throw new RuleFileException(file, lineNo, id + ": basis, message_zh and message_en must all be given");
        }
        Params params;
        Check check;
        try {
            params = Params.parse(cells[col[5]]);
            check = type.compile(params);
        } catch (IllegalArgumentException e) { // includes PatternSyntaxException
            throw new RuleFileException(file, lineNo, id + " (" + type + "): " + e.getMessage());
        }
        return new Entry(new QcRule(id, version, category, type.name(), params.asMap(), severity, basis, zh, en), check);
    }

    private static <E extends Enum<E>> E parseEnum(String file, int lineNo, String id, String column, String text,
                                                   Class<E> type) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(file, lineNo, id + ": unknown " + column + " '" + text + "'; one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The file the rules came from. */
    public String name() {
        return name;
    }

    public List<QcRule> rules() {
        return entries.stream().map(Entry::rule).toList();
    }

    List<Entry> entries() {
        return entries;
    }

    /** Names of the rule types a rule file may use. */
    public static List<String> ruleTypes() {
        return Arrays.stream(RuleType.values()).map(Enum::name).toList();
    }
}
