package org.openhqd.casemix.casefile;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a CSV file split into its cells, RFC 4180 within the line: the case files of the CLI
 * and the platform's settlement-list imports read their lines with it.
 */
public final class CsvLine {

    private CsvLine() {
    }

    /**
     * Splits a CSV line. Quotes are honoured (a quoted field may hold commas, {@code ""} is a
     * quote); returns null for an unbalanced quote. A quoted list such as {@code "A,B"} keeps its
     * comma, which the 1.1 reading ({@link org.openhqd.casemix.drg.InpatientCase#splitCodes}) then treats as a separator, as
     * the reference does; in the 2.0 reading the comma stays part of the code.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>(12);
        if (text.indexOf('"') < 0) {
            int start = 0;
            while (true) {
                int comma = text.indexOf(',', start);
                if (comma < 0) {
                    out.add(text.substring(start));
                    return out;
                }
                out.add(text.substring(start, comma));
                start = comma + 1;
            }
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out;
    }
}
