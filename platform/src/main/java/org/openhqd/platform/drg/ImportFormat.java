package org.openhqd.platform.drg;

import java.util.Locale;
import java.util.Optional;

/** The file kinds a case import reads: 结算清单 / 病案首页 exports of a HIS. */
public enum ImportFormat {
    /** Comma-separated text, UTF-8 (BOM allowed) unless another charset is named. */
    CSV,
    /** An Excel workbook; the first sheet is read, streaming. */
    XLSX;

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The format of a request body's media type ({@code text/csv}, {@code text/plain} or the XLSX type). */
    public static Optional<ImportFormat> ofMediaType(String type, String subtype) {
        String t = (type + "/" + subtype).toLowerCase(Locale.ROOT);
        return switch (t) {
            case "text/csv", "text/plain", "application/csv" -> Optional.of(CSV);
            case XLSX_MEDIA_TYPE -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }

    /** The format a file name suggests ({@code .xlsx} or anything else as CSV). */
    public static ImportFormat ofFileName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
    }
}
