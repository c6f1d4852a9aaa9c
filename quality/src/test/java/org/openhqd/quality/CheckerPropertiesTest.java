package org.openhqd.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The checker never throws, whatever the record holds, and gives the same report every time. */
class CheckerPropertiesTest {

    private static final List<String> DX = Fixtures.CHS11.diagnosisDictionary();
    private static final List<String> PROC = Fixtures.CHS11.procedureDictionary();

    /** Any text: nulls, empties, blanks, unicode, huge and odd numbers, near-codes, dates. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.of("", " ", "-", "0", "1", "2", "5", "9", "NaN", "1e999999999",
                        "-1", "99999999999999999999999", "3.9", "45岁", "2026-02-30 10:00", "2026-03-05", "2026-03-05 25:61",
                        "{value}", "{detail}", "R10.400", "J17.0*", "Z37.000", "O80.000", "P07.100", "74.1x00"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(40),
                Arbitraries.longs().map(v -> Long.toString(v)),
                Arbitraries.doubles().map(v -> Double.toString(v)),
                Arbitraries.of(DX), Arbitraries.of(PROC));
    }

    static Arbitrary<String> dxCode() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(DX)), net.jqwik.api.Tuple.of(1, text()));
    }

    static Arbitrary<String> procCode() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(PROC)), net.jqwik.api.Tuple.of(1, text()));
    }

    @Provide
    Arbitrary<DischargeRecord> records() {
        Arbitrary<Diagnosis> dx = Combinators.combine(dxCode(), text(), text()).as(Diagnosis::new);
        Arbitrary<Procedure> proc = Combinators.combine(procCode(), text(), text(), text(), text(), text(), text())
                .as(Procedure::new);
        Arbitrary<List<Diagnosis>> dxs = dx.injectNull(0.02).list().ofMaxSize(12).injectNull(0.02);
        Arbitrary<List<Procedure>> procs = proc.injectNull(0.02).list().ofMaxSize(6).injectNull(0.02);
        Arbitrary<List<String>> scalars = text().list().ofSize(RecordFields.scalarNames().size());
        return Combinators.combine(scalars, dxs, procs).as((values, d, p) -> {
            DischargeRecord.Builder b = DischargeRecord.builder();
            List<String> names = RecordFields.scalarNames();
            for (int i = 0; i < names.size(); i++) {
                b.set(names.get(i), values.get(i));
            }
            b.diagnoses(d == null ? List.of() : new ArrayList<>(d));
            b.procedures(p == null ? List.of() : new ArrayList<>(p));
            return b.build();
        });
    }

    @Property(tries = 400)
    void neverThrowsAndIsDeterministic(@ForAll("records") DischargeRecord r) {
        QcReport first = Fixtures.CHECKER.check(r);
        QcReport second = Fixtures.CHECKER.check(r);
        assertThat(second).isEqualTo(first);
        for (Finding f : first.findings()) {
            assertThat(f.messageZh()).isNotBlank();
            assertThat(f.messageEn()).isNotBlank();
            f.ifFixed().ifPresent(g -> assertThat(g.before()).isEqualTo(first.group()));
        }
    }

    @Property(tries = 200)
    void aRecordThatDiffersOnlyInItsIdentityNumberGetsTheSameFindingsElsewhere(@ForAll("records") DischargeRecord r) {
        DischargeRecord other = r.toBuilder().set("patient_id_number", "11010519491231002X").build();
        List<Finding> a = Fixtures.CHECKER.check(r).findings().stream().filter(f -> !f.field().equals("patient_id_number")).toList();
        List<Finding> b = Fixtures.CHECKER.check(other).findings().stream().filter(f -> !f.field().equals("patient_id_number")).toList();
        assertThat(b).isEqualTo(a);
    }

    @net.jqwik.api.Example
    void sharedBetweenThreadsItGivesTheSameReportsAsOnOneThread() {
        List<DischargeRecord> records = new ArrayList<>();
        String[] variants = {"", "diagnoses=R10.400|K35.300", "procedures=87.0100|47.0100", "diagnoses=J18.900|J09.x00;procedures=",
                "diagnoses=k35.300|E11.900", "sex=2;diagnoses=K35.300|N40.x00", "los=9", "total_cost=1"};
        for (int i = 0; i < 400; i++) {
            records.add(Fixtures.edited(variants[i % variants.length] + ";case_id=P" + i));
        }
        List<QcReport> sequential = records.stream().map(Fixtures.CHECKER::check).toList();
        List<QcReport> parallel = records.parallelStream().map(Fixtures.CHECKER::check).toList();
        assertThat(parallel).isEqualTo(sequential);
    }
}
