package org.openhqd.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Appends CSV lines as UTF-8 bytes to a growable buffer (RFC 4180: a field holding a comma,
 * quote, CR or LF is quoted, quotes doubled; lines end with LF). Encoding straight to bytes keeps
 * the per-row path free of regex, formatting, intermediate strings and a second copy through a
 * charset encoder. Not thread-safe: one per thread or batch.
 */
final class Csv {

    private byte[] buf;
    private int len;
    /** Scratch for cells assembled from several values (joined lists). */
    private final StringBuilder cell = new StringBuilder(256);
    private boolean first = true;

    Csv(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    Csv field(CharSequence s) {
        if (!first) {
            ensure(1);
            buf[len++] = ',';
        }
        first = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
                quoted(s);
                return this;
            }
        }
        utf8(s, 0, n);
        return this;
    }

    /** Values joined with {@code separator} into one field. */
    Csv joined(List<?> values, String separator) {
        cell.setLength(0);
        for (int i = 0, n = values.size(); i < n; i++) {
            if (i > 0) {
                cell.append(separator);
            }
            cell.append(values.get(i));
        }
        return field(cell);
    }

    /** The scratch cell, emptied, for a caller that assembles a field itself and passes it to {@link #field}. */
    StringBuilder cell() {
        cell.setLength(0);
        return cell;
    }

    void endRow() {
        ensure(1);
        buf[len++] = '\n';
        first = true;
    }

    /** A line written as is (a header). */
    void line(String text) {
        utf8(text, 0, text.length());
        endRow();
    }

    int size() {
        return len;
    }

    /** The bytes so far (a copy). */
    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    /** Writes the bytes so far and empties the buffer. */
    void drainTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    private void quoted(CharSequence s) {
        ensure(1);
        buf[len++] = '"';
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '"') {
                utf8(s, start, i + 1); // the quote itself, then once more below
                start = i;
            }
        }
        utf8(s, start, n);
        ensure(1);
        buf[len++] = '"';
    }

    /** UTF-8 of {@code s[from, to)}; an unpaired surrogate becomes '?'. */
    private void utf8(CharSequence s, int from, int to) {
        ensure((to - from) * 3);
        byte[] b = buf;
        int p = len;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char d;
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(d = s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, d);
                    i++;
                    // 4 bytes where 2 chars reserved 6: room enough
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        len = p;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + extra, buf.length * 2));
        }
    }
}
