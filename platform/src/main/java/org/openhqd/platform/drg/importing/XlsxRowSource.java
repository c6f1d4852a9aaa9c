package org.openhqd.platform.drg.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook with POI's event API (SAX over the sheet XML), so a
 * sheet of a million rows streams in constant memory; only the shared-strings table is held (a HIS
 * export that writes inline strings holds none).
 *
 * <p>Cells arrive as the text the record expects: a date cell as {@code yyyy-MM-dd} or, with a
 * time, {@code yyyy-MM-dd HH:mm} (seconds only when not zero); a number as its plain decimal
 * ({@code 10000000}, {@code 45}, {@code 1234.5} — never {@code 1.0E7} or {@code 45.0}), whatever
 * the cell's display format says; text as typed.
 */
public final class XlsxRowSource implements RowSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path file;
    private final long fileSize;
    private volatile long bytesRead;
    private OPCPackage pkg;

    public XlsxRowSource(Path file) {
        this.file = file;
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        this.fileSize = size;
    }

    @Override
    public void read(Handler handler) {
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new ImportFileException(0, "工作簿没有工作表", "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                PackagePart part = sheets.getSheetPart();
                long xmlSize = part.getSize();
                Counting counted = new Counting(sheet, xmlSize);
                Rows rows = new Rows(handler);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new CellTypes(new XSSFSheetXMLHandler(styles, null, strings, rows, new TextFormatter(),
                        false), rows));
                parser.parse(new InputSource(counted));
                if (!rows.headerSeen) {
                    throw new ImportFileException(1, "工作表为空，缺少表头", "the sheet is empty; a header row is required");
                }
            }
            bytesRead = fileSize;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new ImportFileException(0, "不是有效的 XLSX 工作簿（请另存为 .xlsx，或以 CSV 导入）",
                    "not a valid XLSX workbook (save it as .xlsx, or import it as CSV)");
        } catch (SAXException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ImportFileException(0, "工作表内容无法解析：" + e.getMessage(), "the sheet cannot be parsed: " + e.getMessage());
        } catch (OpenXML4JException | ParserConfigurationException e) {
            throw new ImportFileException(0, "工作簿无法打开：" + e.getMessage(), "the workbook cannot be opened: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidOperationException | org.apache.poi.ooxml.POIXMLException e) {
            throw new ImportFileException(0, "不是有效的 XLSX 工作簿：" + e.getMessage(), "not a valid XLSX workbook: " + e.getMessage());
        }
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (pkg != null) {
            pkg.revert(); // opened read-only: nothing to write back
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12} (letters only, no $ in a sheet's cells). */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return col - 1;
    }

    /** Plain decimal text of a number, without exponent or trailing zeros. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String date(double value) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, false, true);
        if (t.toLocalTime().toSecondOfDay() == 0 && value == Math.floor(value)) {
            return t.format(DAY);
        }
        return t.getSecond() == 0 ? t.format(MINUTE) : t.format(SECOND);
    }

    /** Formats numeric cells: dates as ISO text, other numbers as plain decimals. */
    static final class TextFormatter extends DataFormatter {
        /** Whether a format index (a workbook's formats are numbered) is a date format: 0 unknown, 1 no, 2 yes. */
        private final byte[] dateFormats = new byte[1 << 16];

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            int i = formatIndex & 0xFFFF;
            if (dateFormats[i] == 0) {
                dateFormats[i] = (byte) (DateUtil.isADateFormat(formatIndex, formatString) ? 2 : 1);
            }
            boolean isDate = dateFormats[i] == 2;
            if (isDate && DateUtil.isValidExcelDate(value)) {
                return date(value);
            }
            return plain(value);
        }
    }

    /** The row assembled from cell events, handed on at the row's end. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler handler;
        private String[] cells = new String[64];
        private int width;
        private boolean headerSeen;
        boolean numericCell;

        Rows(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? width : column(ref);
            if (col >= 16384) {
                return;
            }
            if (col >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
            }
            if (numericCell && value != null && !value.isEmpty() && looksRawNumber(value)) {
                // a number without a style reaches us as the XML's raw text (1.0E7): render it plainly
                try {
                    value = plain(Double.parseDouble(value));
                } catch (NumberFormatException ignored) {
                    // not a number after all: keep the text
                }
            }
            cells[col] = value;
            width = Math.max(width, col + 1);
        }

        @Override
        public void endRow(int rowNum) {
            String[] row = new String[width];
            boolean blank = true;
            for (int i = 0; i < width; i++) {
                row[i] = cells[i] == null ? "" : cells[i];
                blank &= row[i].isBlank();
            }
            if (blank) {
                return;
            }
            long line = rowNum + 1L;
            if (!headerSeen) {
                headerSeen = true;
                handler.header(line, row);
            } else {
                handler.row(line, row);
            }
        }
    }

    /** Whether text is a number as the sheet XML writes one: {@code -12}, {@code 45.0}, {@code 1.0E7}. */
    static boolean looksRawNumber(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean dot = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else if ((c == 'E' || c == 'e') && digits > 0) {
                int j = i + 1;
                if (j < v.length() && (v.charAt(j) == '-' || v.charAt(j) == '+')) {
                    j++;
                }
                if (j == v.length()) {
                    return false;
                }
                for (; j < v.length(); j++) {
                    if (v.charAt(j) < '0' || v.charAt(j) > '9') {
                        return false;
                    }
                }
                return true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** Passes SAX events on, noting whether the current cell is numeric ({@code t} absent or {@code n}). */
    private static final class CellTypes implements ContentHandler {
        private final ContentHandler next;
        private final Rows rows;

        CellTypes(ContentHandler next, Rows rows) {
            this.next = next;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                String t = atts.getValue("t");
                rows.numericCell = t == null || "n".equals(t);
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            next.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            next.characters(ch, start, length);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }

    /** Counts the sheet XML read and reports it as the same share of the file's bytes. */
    private final class Counting extends FilterInputStream {
        private final long xmlSize;
        private long xmlRead;

        Counting(InputStream in, long xmlSize) {
            super(in);
            this.xmlSize = xmlSize;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            xmlRead += n;
            if (xmlSize > 0) {
                bytesRead = Math.min(fileSize, (long) (fileSize * ((double) xmlRead / xmlSize)));
            }
        }
    }
}
