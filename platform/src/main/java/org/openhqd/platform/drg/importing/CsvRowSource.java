package org.openhqd.platform.drg.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openhqd.casemix.casefile.CsvLine;

/**
 * Reads a CSV file line by line. Each line is decoded on its own and strictly, so a byte sequence
 * that is not valid in the chosen charset stops the import at its exact line with a hint that the
 * file is probably in another encoding (a GB18030 export read as UTF-8, the usual case) — nothing is
 * silently replaced. Pure-ASCII lines skip the decoder. A UTF-8 BOM is skipped. Works for every
 * charset in which byte 0x0A is always a line feed (UTF-8, GB18030, GBK).
 *
 * <p>Cells follow RFC 4180 quoting within a line ({@code "a,b"}, {@code ""} for a quote); a cell
 * cannot span lines: a line whose quotes do not close is handed on as a single cell holding
 * {@link #UNBALANCED}, which the importer rejects.
 */
public final class CsvRowSource implements RowSource {

    /** Marks a line whose quotes do not close. */
    public static final String UNBALANCED = "\u0000unbalanced";

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private long consumed;   // bytes before buf[start]
    private volatile long bytesRead;
    private long line;

    public CsvRowSource(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public void read(Handler handler) {
        boolean header = true;
        String text;
        while ((text = nextLine()) != null) {
            if (header) {
                if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = cells(text);
                handler.header(line, cells == null ? new String[] {text} : cells);
                header = false;
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = cells(text);
            handler.row(line, cells == null ? new String[] {UNBALANCED} : cells);
        }
        if (header) {
            throw new ImportFileException(1, "文件为空，缺少表头", "the file is empty; a header line is required");
        }
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    private String nextLine() {
        int scan = start;
        while (true) {
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    String s = decode(start, i);
                    advance(i + 1);
                    return s;
                }
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                String s = decode(start, end);
                advance(end);
                return s;
            }
            scan = end - start;
            fill();
        }
    }

    private void advance(int to) {
        consumed += to - start;
        start = to;
        bytesRead = consumed;
        line++;
    }

    private void fill() {
        int pending = end - start;
        if (pending == buf.length) {
            if (buf.length >= (1 << 24)) {
                throw new ImportFileException(line + 1, "一行超过 16 MB，文件不是逐行的 CSV",
                        "a line longer than 16 MB: the file is not a line-by-line CSV");
            }
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, start, bigger, 0, pending);
            buf = bigger;
        } else if (start > 0) {
            System.arraycopy(buf, start, buf, 0, pending);
        }
        start = 0;
        end = pending;
        try {
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        } catch (java.io.InterruptedIOException | java.nio.channels.ClosedByInterruptException e) {
            Thread.interrupted(); // cleared: the batch's status is still to be written
            throw new ImportRun.Interrupted(); // the service is stopping
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String decode(int from, int to) {
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            decoder.reset();
            return decoder.decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            String other = charset.equals(StandardCharsets.UTF_8) ? "GB18030" : "UTF-8";
            throw new ImportFileException(line + 1,
                    "含有不符合 " + charset.name() + " 编码的字节，文件可能是其他编码（如 " + other + "），请选择正确的文件编码后重新导入",
                    "bytes not valid in the encoding " + charset.name() + ": the file is probably in another encoding (e.g. "
                            + other + "); choose the file's encoding and import again");
        }
    }

    /** Splits a line; null when a quote does not close. */
    static String[] cells(String text) {
        List<String> cells = CsvLine.split(text);
        return cells == null ? null : cells.toArray(String[]::new);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
