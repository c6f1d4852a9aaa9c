package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * For arbitrary text, numbers and code lists — real codes of the scheme mixed with garbage — the
 * grouper returns a result and never throws; grouping is deterministic, the explained path agrees
 * with the fast one, and the result does not depend on the thread.
 */
class GroupingPropertiesTest {

    static final DrgGrouper CHS11 = ExplanationTest.CHS11;
    static final DrgGrouper BEIJING = DrgGrouper.of(ConformanceTest.CATALOG.get("beijing-2022"));
    static final DrgGrouper CHS20 = ChsDrg20Test.CHS20;
    /** Codes that exercise the 2.0 code checks: non-surgical and gray principal procedures, gray principals. */
    static final List<String> PROC20 = CHS20.scheme().nonSurgicalProcedures();
    static final List<String> DX = CHS11.scheme().diagnosisDictionary();
    static final List<String> PROC = CHS11.scheme().procedureDictionary();
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterContainer
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Property(tries = 1500)
    void neverThrowsAndIsDeterministic(@ForAll("cases") InpatientCase c) {
        for (DrgGrouper g : List.of(CHS11, BEIJING, CHS20)) {
            check(g, c);
        }
    }

    @Property(tries = 500)
    void neverThrowsWithTheChsDrg20Reading(@ForAll("cases20") InpatientCase c) {
        check(CHS20, c);
    }

    private static void check(DrgGrouper g, InpatientCase c) {
        GroupingResult first = g.group(c);
        assertThat(first).isNotNull();
        assertThat(first.status()).isNotNull();
        assertThat(g.group(c).toString()).isEqualTo(first.toString());
        GroupingResult explained = g.explain(c);
        assertThat(explained.toString()).isEqualTo(first.toString());
        assertThat(explained.problems()).isEqualTo(first.problems());
        assertThat(explained.explanation()).isPresent();
        switch (first.status()) {
            case OK -> assertThat(first.drg()).isNotEmpty().startsWith(first.adrg());
            case INVALID -> assertThat(first.problems()).anyMatch(p -> p.code().severity() == ProblemCode.Severity.ERROR);
            case UNGROUPABLE -> assertThat(first.drg()).isEmpty();
            case AMBIGUOUS -> assertThat(first.drg()).endsWith("QY");
        }
    }

    @Property(tries = 100)
    void independentOfThread(@ForAll("batches") List<InpatientCase> batch) throws Exception {
        List<String> here = batch.stream().map(c -> CHS11.group(c).toString()).toList();
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(POOL.submit(() -> batch.stream().map(c -> CHS11.group(c).toString()).toList()));
        }
        for (Future<List<String>> f : futures) {
            assertThat(f.get()).isEqualTo(here);
        }
    }

    @Provide
    Arbitrary<InpatientCase> cases20() {
        Arbitrary<String> blank = Arbitraries.of("", " ", "\u3000", "\t", "\u00A0", "\uFEFF");
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 400).map(String::valueOf),
                Arbitraries.of("", " ", "0x1F", "0b11", "0o17", ".5", "12.", "1e3", "-0", "Infinity", "1e400", "0.5",
                        "3f", "NaN", "1_0", "0x", "+1", " 28 "),
                Arbitraries.doubles().between(-1, 5000).map(String::valueOf));
        Arbitrary<String> sex = Arbitraries.of("1", "2", "", " 1 ", "1.0", "男", "3", "\u30002");
        Arbitrary<String> dxCode = Arbitraries.oneOf(Arbitraries.of(DX), Arbitraries.of(DX),
                Combinators.combine(blank, Arbitraries.of(DX), blank).as((a, code, b) -> a + code + b),
                Arbitraries.of("", "D48.400", "B95.000", "I86.200", "O75.700x001", "A,B"));
        Arbitrary<String> procCode = Arbitraries.oneOf(Arbitraries.of(PROC), Arbitraries.of(PROC20),
                Arbitraries.of("", " ", "86.2800", "99.9999x999"));
        return Combinators.combine(sex, numbers, numbers, numbers, numbers, dxCode.list().ofMaxSize(10),
                        procCode.list().ofMaxSize(6))
                .as((s, age, days, weight, los, d, p) -> new InpatientCase("c", s, age, days, weight, "", los, "", d, p));
    }

    @Provide
    Arbitrary<List<InpatientCase>> batches() {
        return cases().list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<InpatientCase> cases() {
        Arbitrary<String> any = Arbitraries.strings().withChars("0123456789.-+eExXdDfF |,岁男女 \u3000NaInfity").ofMaxLength(8);
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 120).map(String::valueOf),
                Arbitraries.doubles().between(-10, 5000).map(String::valueOf),
                Arbitraries.of("", "", "0", "28", "29", "1499", "1500", "1e400", "NaN", "-0", "0x1p3"),
                any);
        Arbitrary<String> sex = Arbitraries.oneOf(Arbitraries.of("1", "2", "1.0", "2.0", "男", "女", "", "9", "M"), any);
        Arbitrary<String> dxCode = Arbitraries.oneOf(Arbitraries.of(DX), Arbitraries.of(DX), Arbitraries.of(DX),
                Arbitraries.strings().ofMaxLength(12), Arbitraries.of("", " ", "\u0000"));
        Arbitrary<String> procCode = Arbitraries.oneOf(Arbitraries.of(PROC), Arbitraries.of(PROC),
                Arbitraries.strings().ofMaxLength(12), Arbitraries.of(""));
        Arbitrary<List<String>> dx = dxCode.list().ofMaxSize(15);
        Arbitrary<List<String>> procs = procCode.list().ofMaxSize(8);
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(10);
        return Combinators.combine(sex, numbers, numbers, numbers, numbers, text, dx, procs)
                .as((s, age, days, weight, los, id, d, p) -> new InpatientCase(id, s, age, days, weight, "", los, "", d, p));
    }
}
