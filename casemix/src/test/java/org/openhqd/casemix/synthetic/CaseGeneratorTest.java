package org.openhqd.casemix.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhqd.casemix.drg.DrgGrouper;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.GroupingStatus;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;

class CaseGeneratorTest {

    static final Scheme CHS11 = SchemeCatalog.builtIn().get("chs-drg-1.1");

    @Test
    void sameSeedSameCasesOtherSeedOtherCases() {
        CaseGenerator a = new CaseGenerator(CHS11, 42);
        CaseGenerator b = new CaseGenerator(CHS11, 42);
        CaseGenerator c = new CaseGenerator(CHS11, 43);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            InpatientCase x = a.next();
            assertThat(b.next()).isEqualTo(x);
            if (!c.next().equals(x)) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(990);
        assertThat(new CaseGenerator(CHS11, 1).next().caseId()).isEqualTo("G000000001");
    }

    @Test
    void casesAreRealisticMostlyGroupedAcrossManyDrgsWithSomeInputErrors() {
        DrgGrouper grouper = DrgGrouper.of(CHS11);
        CaseGenerator gen = new CaseGenerator(CHS11, 7);
        Map<GroupingStatus, Integer> status = new EnumMap<>(GroupingStatus.class);
        Set<String> drgs = new HashSet<>();
        int withComplication = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            GroupingResult r = grouper.group(gen.next());
            status.merge(r.status(), 1, Integer::sum);
            if (r.status() == GroupingStatus.OK) {
                drgs.add(r.drg());
                char split = r.drg().charAt(3);
                if (split == '1' || split == '3') {
                    withComplication++;
                }
            }
        }
        assertThat(status.getOrDefault(GroupingStatus.OK, 0)).isGreaterThan(n * 85 / 100);
        assertThat(status.getOrDefault(GroupingStatus.INVALID, 0)).isBetween(1, n / 50);
        assertThat(drgs.size()).as("distinct DRGs").isGreaterThan(450);
        assertThat(withComplication).as("cases in an MCC/CC split").isGreaterThan(n / 10);
    }

    @Test
    void aSchemeWithoutDictionariesStillGeneratesGroupableCases() {
        Scheme chs20 = SchemeCatalog.builtIn().get("chs-drg-2.0");
        assertThat(chs20.hasDiagnosisDictionary()).isFalse();
        DrgGrouper grouper = DrgGrouper.of(chs20);
        CaseGenerator gen = new CaseGenerator(chs20, 7);
        Map<GroupingStatus, Integer> status = new EnumMap<>(GroupingStatus.class);
        Set<String> drgs = new HashSet<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            InpatientCase c = gen.next();
            if (!c.age().startsWith("0")) { // "0岁" is a noise case of an infant
                assertThat(c.ageDays()).as("2.0 reading: age in days only for infants").isEmpty();
            }
            GroupingResult r = grouper.group(c);
            status.merge(r.status(), 1, Integer::sum);
            if (r.status() == GroupingStatus.OK) {
                drgs.add(r.drg());
            }
        }
        assertThat(status.getOrDefault(GroupingStatus.OK, 0)).as(status.toString()).isGreaterThan(n * 85 / 100);
        assertThat(status.getOrDefault(GroupingStatus.INVALID, 0)).isBetween(1, n / 50);
        assertThat(drgs.size()).as("distinct DRGs").isGreaterThan(450);
    }
}
