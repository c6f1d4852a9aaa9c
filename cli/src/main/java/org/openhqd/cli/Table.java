package org.openhqd.cli;

import java.util.ArrayList;
import java.util.List;

/** Plain-text table aligned for a terminal, where a Chinese character takes two columns. */
final class Table {

    private Table() {
    }

    /** Rows of cells, left-aligned except the columns from {@code rightFrom} on, which are right-aligned. */
    static List<String> render(List<String[]> rows, int rightFrom) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row[c];
                int pad = widths[c] - width(cell);
                if (c >= rightFrom) {
                    sb.append(" ".repeat(pad)).append(cell);
                } else {
                    sb.append(cell);
                    if (c < columns - 1) {
                        sb.append(" ".repeat(pad));
                    }
                }
                if (c < columns - 1) {
                    sb.append("  ");
                }
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    /** Display width: East Asian wide and full-width characters count two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
