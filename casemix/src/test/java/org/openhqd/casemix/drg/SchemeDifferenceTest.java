package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.casefile.CaseFileReader;
import org.openhqd.casemix.casefile.CaseRow;

/** The two shipped schemes are really different data through one engine (Beijing README §5). */
class SchemeDifferenceTest {

    @Test
    void groupingTheBeijingSamplesWithChsDrg11Changes1341Results() throws Exception {
        DrgGrouper beijing = DrgGrouper.of(ConformanceTest.CATALOG.get("beijing-2022"));
        DrgGrouper chs = ExplanationTest.CHS11;
        int differ = 0;
        try (CaseFileReader reader = CaseFileReader.of(
                ConformanceTest.resource("/conformance/beijing-2022/cases.csv"), StandardCharsets.UTF_8)) {
            for (CaseRow row = reader.next(); row != null; row = reader.next()) {
                if (!beijing.group(row.kase()).sameGroupAs(chs.group(row.kase()))) {
                    differ++;
                }
            }
        }
        assertThat(differ).isEqualTo(1341);
    }
}
