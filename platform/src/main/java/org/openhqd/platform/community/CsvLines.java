package org.openhqd.platform.community;

import java.util.List;

/** The lines of an uploaded CSV, without the byte-order mark Excel writes. */
final class CsvLines {

    private CsvLines() {
    }

    static List<String> of(String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        return text.lines().toList();
    }
}
