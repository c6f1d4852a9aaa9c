package org.openhqd.quality.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.quality.DischargeRecord;
import org.openhqd.quality.QcReport;
import org.openhqd.quality.QualityChecker;

class DischargeGeneratorTest {

    private static final Scheme SCHEME = SchemeCatalog.builtIn().get("chs-drg-1.1");

    @Test
    void sameSeedGivesTheSameRecords() {
        var a = new DischargeGenerator(SCHEME, 7, "H001", "Z", 2025);
        var b = new DischargeGenerator(SCHEME, 7, "H001", "Z", 2025);
        for (int i = 0; i < 200; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void aYearOfRecordsLooksLikeACountyHospitalsWithSomeCodingErrors() {
        var generator = new DischargeGenerator(SCHEME, 11, "H001", "Z", 2025);
        QualityChecker checker = QualityChecker.of(DrgGrouper.of(SCHEME));
        int n = 5000, grouped = 0, withErrorsOrWarnings = 0, symptomPrincipal = 0, losMismatch = 0, breakdown = 0;
        Set<String> drgs = new HashSet<>();
        Map<String, Integer> departments = new HashMap<>();
        for (int i = 0; i < n; i++) {
            DischargeRecord r = generator.next();
            assertThat(r.dischargeTime()).startsWith("2025-");
            assertThat(r.patientIdNumber()).hasSize(18);
            if (!r.age().isBlank() && !r.age().equals("0")) {
                assertThat(r.ageDays()).as("age in days is for infants only").isEmpty();
            }
            QcReport report = checker.check(r);
            if ("ok".equals(report.group().status())) {
                grouped++;
                drgs.add(report.group().drg());
            }
            if (!report.findings(org.openhqd.quality.Severity.WARNING).isEmpty()) {
                withErrorsOrWarnings++;
            }
            symptomPrincipal += report.findingsOf("QC-401").isEmpty() ? 0 : 1;
            losMismatch += report.findingsOf("QC-302").isEmpty() ? 0 : 1;
            breakdown += report.findingsOf("QC-315").isEmpty() ? 0 : 1;
            departments.merge(r.department(), 1, Integer::sum);
        }
        assertThat(grouped).isGreaterThan(n * 90 / 100);
        assertThat(drgs).hasSizeGreaterThan(250);
        assertThat(departments).hasSizeGreaterThan(15);
        assertThat(symptomPrincipal).isBetween(n / 100, n / 10);
        assertThat(losMismatch).isBetween(n / 200, n / 20);
        assertThat(breakdown).isBetween(n / 400, n / 20);
        assertThat(withErrorsOrWarnings).isBetween(n / 20, n / 2);
    }
}
