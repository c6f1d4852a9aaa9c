package org.openhqd.platform.drg.importing;

/**
 * The file as a whole cannot be imported (bytes invalid in its encoding, no usable header, not a
 * workbook): the import stops, nothing is stored, and the batch's message names the line.
 */
public class ImportFileException extends RuntimeException {

    private final long line;
    private final String zh;
    private final String en;

    public ImportFileException(long line, String zh, String en) {
        super(describe(line, zh, en));
        this.line = line;
        this.zh = zh;
        this.en = en;
    }

    public long line() {
        return line;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    static String describe(long line, String zh, String en) {
        return line > 0 ? "第 " + line + " 行：" + zh + " / line " + line + ": " + en : zh + " / " + en;
    }
}
