package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhqd.casemix.casefile.CaseFileReader;
import org.openhqd.casemix.casefile.CaseRow;

/**
 * 100% agreement with the reference grouper's own output on the samples shipped with each scheme
 * (copied into test resources from the scheme reference: synthetic edge cases and real cases).
 */
class ConformanceTest {

    static final SchemeCatalog CATALOG = SchemeCatalog.builtIn();

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "chs-drg-1.1, cases.csv, expected.csv, 3000",
            "chs-drg-1.1, real_cases.csv, real_expected.csv, 30",
            "beijing-2022, cases.csv, expected.csv, 3000",
            "beijing-2022, real_cases.csv, real_expected.csv, 30",
            "chs-drg-2.0, cases.csv, expected.csv, 3000",
            "chs-drg-2.0, real_cases.csv, real_expected.csv, 30",
            "chs-drg-2.0, upstream_cases.csv, upstream_expected.csv, 1"
    })
    void groupsEverySampleExactlyAsTheReference(String scheme, String cases, String expected, int count) throws Exception {
        DrgGrouper grouper = DrgGrouper.of(CATALOG.get(scheme));
        CaseReading reading = grouper.scheme().caseReading();
        Map<String, String> want = readExpected("/conformance/" + scheme + "/" + expected);
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (CaseFileReader reader = CaseFileReader.of(resource("/conformance/" + scheme + "/" + cases),
                StandardCharsets.UTF_8, reading)) {
            for (CaseRow row = reader.next(); row != null; row = reader.next()) {
                n++;
                GroupingResult result = row.readable() ? grouper.group(row.kase())
                        : GroupingResult.unreadable(row.caseId(), row.problem());
                String got = result.toString();
                String exp = want.get(row.caseId());
                if (!got.equals(exp)) {
                    mismatches.add("expected " + exp + " got " + got);
                }
                // the explained path must reach the same result
                if (row.readable()) {
                    assertThat(grouper.explain(row.kase()).toString()).isEqualTo(got);
                }
            }
        }
        assertThat(n).isEqualTo(count).isEqualTo(want.size());
        assertThat(mismatches).as("mismatches on %s/%s", scheme, cases).isEmpty();
    }

    static InputStream resource(String path) {
        InputStream in = ConformanceTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }

    static Map<String, String> readExpected(String path) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.put(line.substring(0, line.indexOf(',')), line);
            }
        }
        return out;
    }
}
