package org.openhqd.casemix.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a text file without their terminator ({@code \n} or {@code \r\n}).
 *
 * <p>The byte form decodes each line on its own, strictly, so an invalid byte sequence is reported
 * at its exact line (a {@link java.io.BufferedReader} decodes ahead and cannot say where). Pure
 * ASCII lines — most of a case file — skip the decoder. Works for every charset in which byte
 * 0x0A is always a line feed: UTF-8, GB18030, GBK, ASCII.
 */
abstract class LineSource implements AutoCloseable {

    /** The next line, or null at the end. */
    abstract String next() throws CharacterCodingException;

    @Override
    public abstract void close();

    static LineSource of(Reader reader) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        return new LineSource() {
            @Override
            String next() throws CharacterCodingException {
                try {
                    return in.readLine();
                } catch (CharacterCodingException e) {
                    throw e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static LineSource of(InputStream in, Charset charset) {
        return new Bytes(in, charset);
    }

    private static final class Bytes extends LineSource {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private byte[] buf = new byte[1 << 16];
        private int start;
        private int end;
        private boolean eof;

        Bytes(InputStream in, Charset charset) {
            this.in = in;
            this.decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        String next() throws CharacterCodingException {
            int scan = start;
            while (true) {
                for (int i = scan; i < end; i++) {
                    if (buf[i] == '\n') {
                        String line = decode(start, i);
                        start = i + 1;
                        return line;
                    }
                }
                if (eof) {
                    if (start == end) {
                        return null;
                    }
                    String line = decode(start, end);
                    start = end;
                    return line;
                }
                scan = end - start;
                fill();
            }
        }

        /** Moves the unread bytes to the front, grows the buffer if a line fills it, reads more. */
        private void fill() {
            int pending = end - start;
            if (pending == buf.length) {
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String decode(int from, int to) throws CharacterCodingException {
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
            decoder.reset();
            return decoder.decode(ByteBuffer.wrap(buf, from, to - from)).toString();
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
}
