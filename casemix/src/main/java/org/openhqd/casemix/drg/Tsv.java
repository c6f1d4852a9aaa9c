package org.openhqd.casemix.drg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One TSV file of a scheme (UTF-8, header line, TAB-separated, no quoting), with columns selected
 * by header name so that optional columns may be absent.
 */
final class Tsv {

    final String scheme;
    final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    final List<String[]> rows;

    /** File line (1-based) of each row. */
    private final int[] lineOf;

    private Tsv(String scheme, String file, List<String> header, List<String[]> rows, int[] lineOf) {
        this.scheme = scheme;
        this.lineOf = lineOf;
        this.file = file;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        this.rows = rows;
    }

    /** Reads a file; an absent optional file reads as a table with no rows. */
    static Tsv read(SchemeSource source, String scheme, String file, boolean required) {
        byte[] bytes = source.readAll(file);
        if (bytes == null) {
            if (required) {
                throw new SchemeFormatException(scheme, file, 0, "缺少必需的文件", "required file is missing");
            }
            return new Tsv(scheme, file, List.of(), List.of(), new int[0]);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> lines = splitLines(text);
        if (lines.isEmpty()) {
            throw new SchemeFormatException(scheme, file, 1, "文件为空，缺少表头", "empty file, no header line");
        }
        List<String> header = List.of(split(lines.get(0), -1));
        List<String[]> rows = new ArrayList<>(lines.size());
        int[] lineOf = new int[lines.size()];
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = split(line, header.size());
            if (cells == null) {
                throw new SchemeFormatException(scheme, file, i + 1,
                        "字段数多于表头的 " + header.size() + " 列",
                        "more fields than the " + header.size() + " header columns");
            }
            lineOf[rows.size()] = i + 1;
            rows.add(cells);
        }
        return new Tsv(scheme, file, header, rows, lineOf);
    }

    /** The 1-based file line of a row index. */
    int line(int rowIndex) {
        return lineOf[rowIndex];
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(1 << 14);
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }

    /** Splits on TAB; pads missing trailing cells with "" up to width; null when wider (width >= 0). */
    private static String[] split(String line, int width) {
        List<String> cells = new ArrayList<>(16);
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            if (tab < 0) {
                cells.add(line.substring(start));
                break;
            }
            cells.add(line.substring(start, tab));
            start = tab + 1;
        }
        if (width < 0) {
            return cells.toArray(String[]::new);
        }
        if (cells.size() > width) {
            return null;
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return cells.toArray(String[]::new);
    }

    /** Column index, or -1 when the column is absent (then every cell of it is empty). */
    int column(String name) {
        Integer i = columns.get(name);
        return i == null ? -1 : i;
    }

    int requiredColumn(String name) {
        int i = column(name);
        if (i < 0 && !rows.isEmpty()) {
            throw new SchemeFormatException(scheme, file, 1, "缺少必需的列 " + name,
                    "required column " + name + " is missing");
        }
        return i;
    }

    static String cell(String[] row, int column) {
        return column < 0 ? "" : row[column];
    }

    /**
     * Refuses a column this engine does not know when any row fills it: a scheme that relies on a
     * construct the engine cannot evaluate must fail to load rather than group differently.
     */
    void rejectUnknownColumns(Set<String> known) {
        for (int c = 0; c < header.size(); c++) {
            if (known.contains(header.get(c))) {
                continue;
            }
            for (int r = 0; r < rows.size(); r++) {
                if (!rows.get(r)[c].isEmpty()) {
                    throw new SchemeFormatException(scheme, file, line(r),
                            "本引擎不支持列 " + header.get(c) + "（值 " + rows.get(r)[c] + "）",
                            "column " + header.get(c) + " (value " + rows.get(r)[c] + ") is not supported by this engine");
                }
            }
        }
    }

    SchemeFormatException error(int rowIndex, String zh, String en) {
        return new SchemeFormatException(scheme, file, line(rowIndex), zh, en);
    }
}
