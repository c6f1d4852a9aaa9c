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
        return parse(bytes, scheme, file);
    }

    /**
     * Splits the bytes into rows and cells directly: TAB and LF are single bytes in UTF-8, so no
     * decoding of the whole file and no intermediate line strings are needed — this is most of a
     * scheme's load time.
     */
    private static Tsv parse(byte[] b, String scheme, String file) {
        int pos = 0;
        int n = b.length;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        if (pos >= n) {
            throw new SchemeFormatException(scheme, file, 1, "文件为空，缺少表头", "empty file, no header line");
        }
        List<String> header = new ArrayList<>();
        pos = cells(b, pos, header);
        int width = header.size();
        List<String[]> rows = new ArrayList<>(Math.max(16, n / 24));
        int[] lineOf = new int[16];
        int lineNo = 1;
        List<String> cells = new ArrayList<>(width);
        while (pos < n) {
            lineNo++;
            if (b[pos] == '\n' || (b[pos] == '\r' && pos + 1 < n && b[pos + 1] == '\n')) {
                pos += b[pos] == '\r' ? 2 : 1;
                continue;
            }
            cells.clear();
            pos = cells(b, pos, cells);
            if (cells.size() > width) {
                throw new SchemeFormatException(scheme, file, lineNo,
                        "字段数多于表头的 " + width + " 列", "more fields than the " + width + " header columns");
            }
            String[] row = new String[width];
            for (int i = 0; i < width; i++) {
                row[i] = i < cells.size() ? cells.get(i) : "";
            }
            if (rows.size() == lineOf.length) {
                lineOf = java.util.Arrays.copyOf(lineOf, lineOf.length * 2);
            }
            lineOf[rows.size()] = lineNo;
            rows.add(row);
        }
        return new Tsv(scheme, file, List.copyOf(header), rows, lineOf);
    }

    /** Reads the cells of one line starting at {@code pos}; returns the position after its LF. */
    private static int cells(byte[] b, int pos, List<String> out) {
        int n = b.length;
        int start = pos;
        while (true) {
            if (pos == n || b[pos] == '\n') {
                int end = pos > start && b[pos - 1] == '\r' ? pos - 1 : pos;
                out.add(text(b, start, end));
                return pos == n ? n : pos + 1;
            }
            if (b[pos] == '\t') {
                out.add(text(b, start, pos));
                start = pos + 1;
            }
            pos++;
        }
    }

    private static String text(byte[] b, int from, int to) {
        return from == to ? "" : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** The 1-based file line of a row index. */
    int line(int rowIndex) {
        return lineOf[rowIndex];
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
