package org.openhqd.platform.drg.importing;

/**
 * A file read row by row and pushed to a {@link Handler} in file order, in constant memory. The
 * first non-blank row is the header. Line numbers are the file's (CSV: the text line, header = 1;
 * XLSX: the sheet's row number).
 */
public interface RowSource extends AutoCloseable {

    /** What a source pushes. */
    interface Handler {
        void header(long line, String[] cells);

        /** A data row; {@code cells} may be shorter or longer than the header (the handler judges). */
        void row(long line, String[] cells);
    }

    /**
     * Reads the whole file.
     *
     * @throws ImportFileException when the file cannot be read on (encoding, format)
     */
    void read(Handler handler);

    /** Bytes of the file read so far (an estimate for XLSX: the share of the sheet read). */
    long bytesRead();

    @Override
    void close();
}
