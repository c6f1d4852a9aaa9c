package org.openhqd.platform.drg.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.drg.WeightRow;
import org.openhqd.platform.drg.WeightRow.Basis;

/** The weight method on small data computed by hand (figures in the comments). */
class WeightCalculatorTest {

    private static final WeightParameters DEFAULTS = WeightParameters.defaults();

    private static Map<String, WeightRow> byDrg(WeightCalculator.Result r) {
        return r.rows().stream().collect(Collectors.toMap(WeightRow::drg, Function.identity()));
    }

    private static void add(WeightCalculator c, String drg, int year, int times, double cost) {
        for (int i = 0; i < times; i++) {
            c.add(drg, null, year, cost, 5, false);
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(DEFAULTS.trimming()).isEqualTo(WeightParameters.Trimming.IQR);
        assertThat(DEFAULTS.iqrK()).isEqualTo(1.5);
        assertThat(DEFAULTS.maxLos()).isEqualTo(60);
        assertThat(DEFAULTS.minCases()).isEqualTo(5);
        assertThat(DEFAULTS.yearWeights()).containsExactly(1, 2, 7);
        assertThat(DEFAULTS.describe()).isEqualTo("trimming=IQR; iqr_k=1.5; sd_k=3; max_los=60; min_cases=5; year_weights=1:2:7");
    }

    @Test
    void trimmingRemovesAPlantedOutlier() {
        // ln costs 9.105 9.159 9.210 9.259 9.306 11.513: Q1 = 9.172, Q3 = 9.294, IQR = 0.122, upper bound 9.477
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        for (double cost : new double[] {9000, 9500, 10000, 10500, 11000, 100000}) {
            c.add("GZ13", "GZ1", 2025, cost, 5, false);
        }
        WeightCalculator.Result r = c.result();
        WeightRow row = r.rows().get(0);
        assertThat(row.casesTotal()).isEqualTo(6);
        assertThat(row.casesUsed()).isEqualTo(5);
        assertThat(row.casesTrimmed()).isEqualTo(1);
        assertThat(row.benchmarkCost()).isEqualByComparingTo("10000.00"); // the five kept costs average 10,000
        assertThat(row.rw()).isEqualByComparingTo("1.0000");
        assertThat(row.basis()).isEqualTo(Basis.DRG);
        assertThat(r.referenceCost()).isEqualByComparingTo("10000.00");
        assertThat(r.casesTrimmed()).isEqualTo(1);
    }

    @Test
    void theSdRuleTrimsWhenTheSampleIsLargeEnough() {
        // 19 cases at 10,000 ± small noise and one at 1,000,000: ln 13.8 lies far beyond mean + 3 SD
        WeightCalculator c = new WeightCalculator(new WeightParameters(WeightParameters.Trimming.SD, 1.5, 3, 60, 5,
                List.of(1, 2, 7), 100));
        for (int i = 0; i < 19; i++) {
            c.add("GZ13", "GZ1", 2025, 9550 + 50 * i, 5, false);
        }
        c.add("GZ13", "GZ1", 2025, 1_000_000, 5, false);
        WeightRow row = c.result().rows().get(0);
        assertThat(row.casesUsed()).isEqualTo(19);
        assertThat(row.benchmarkCost()).isEqualByComparingTo("10000.00");
    }

    @Test
    void staysBeyondTheLimitAreLeftOutAndUnknownStaysCount() {
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "GZ13", 2025, 5, 10000);
        c.add("GZ13", "GZ1", 2025, 10000, 61, false);                        // longer than 60 days: out
        c.add("GZ13", "GZ1", 2025, 10000, WeightCalculator.UNKNOWN_LOS, false); // stay not known: counted
        WeightRow row = c.result().rows().get(0);
        assertThat(row.casesTotal()).isEqualTo(7);
        assertThat(row.casesUsed()).isEqualTo(6);
        assertThat(row.casesTrimmed()).isEqualTo(1);
        assertThat(row.benchmarkLos()).isEqualByComparingTo("5.00"); // the unknown stay is not averaged
    }

    @Test
    void theWeightOfTheAllCaseMeanIsOne() {
        // A 5 × 4,000, B 5 × 16,000, C 5 × 10,000: M = 150,000 ÷ 15 = 10,000
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "AA11", 2025, 5, 4000);
        add(c, "BB11", 2025, 5, 16000);
        add(c, "CC11", 2025, 5, 10000);
        WeightCalculator.Result r = c.result();
        Map<String, WeightRow> rows = byDrg(r);
        assertThat(r.referenceCost()).isEqualByComparingTo("10000.00");
        assertThat(rows.get("AA11").rw()).isEqualByComparingTo("0.4000");
        assertThat(rows.get("BB11").rw()).isEqualByComparingTo("1.6000");
        assertThat(rows.get("CC11").rw()).isEqualByComparingTo("1.0000");
        // one year, every DRG weighted: the case-mix index of the population is 1
        BigDecimal totalWeight = r.rows().stream().map(w -> w.rw().multiply(BigDecimal.valueOf(w.casesUsed())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totalWeight.divide(BigDecimal.valueOf(r.casesUsed()))).isEqualByComparingTo("1");
    }

    @Test
    void tooFewCasesTakeTheAdrgPoolOrAreFlagged() {
        // GB11: 3 × 30,000 (< 5): pooled with GB13 6 × 20,000 → 210,000 ÷ 9 = 23,333.33
        // XJ15: 2 × 5,000, alone in its ADRG: flagged, no weight
        // M over the kept cases: (90,000 + 120,000 + 10,000) ÷ 11 = 20,000
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "GB11", 2025, 3, 30000);
        add(c, "GB13", 2025, 6, 20000);
        add(c, "XJ15", 2025, 2, 5000);
        WeightCalculator.Result r = c.result();
        Map<String, WeightRow> rows = byDrg(r);
        assertThat(r.referenceCost()).isEqualByComparingTo("20000.00");
        assertThat(rows.get("GB13").basis()).isEqualTo(Basis.DRG);
        assertThat(rows.get("GB13").rw()).isEqualByComparingTo("1.0000");
        assertThat(rows.get("GB11").basis()).isEqualTo(Basis.ADRG);
        assertThat(rows.get("GB11").adrg()).isEqualTo("GB1");
        assertThat(rows.get("GB11").benchmarkCost()).isEqualByComparingTo("23333.33");
        assertThat(rows.get("GB11").rw()).isEqualByComparingTo("1.1667");
        assertThat(rows.get("GB11").casesUsed()).isEqualTo(9);
        assertThat(rows.get("XJ15").basis()).isEqualTo(Basis.NONE);
        assertThat(rows.get("XJ15").tooFew()).isTrue();
        assertThat(rows.get("XJ15").rw()).isNull();
        assertThat(rows.get("XJ15").benchmarkCost()).isNull();
        assertThat(r.drgsWeighted()).isEqualTo(2);
        assertThat(r.drgsFlagged()).isEqualTo(1);
    }

    @Test
    void threeYearsAreWeighted127() {
        // 2023 5 × 1,000, 2024 5 × 2,000, 2025 5 × 3,000: (1 × 1,000 + 2 × 2,000 + 7 × 3,000) ÷ 10 = 2,600
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "GZ13", 2023, 5, 1000);
        add(c, "GZ13", 2024, 5, 2000);
        add(c, "GZ13", 2025, 5, 3000);
        add(c, "GZ13", 2021, 1, 999_999); // before the window: not counted at all
        WeightCalculator.Result r = c.result();
        assertThat(r.rows().get(0).benchmarkCost()).isEqualByComparingTo("2600.00");
        assertThat(r.rows().get(0).casesTotal()).isEqualTo(15);
        assertThat(r.years()).isEqualTo("2023:1,2024:2,2025:7");
        assertThat(r.referenceCost()).isEqualByComparingTo("2600.00");
    }

    @Test
    void twoYearsAreWeighted27Normalised() {
        // 2024 5 × 2,000, 2025 5 × 3,000: (2 × 2,000 + 7 × 3,000) ÷ 9 = 2,777.78
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "GZ13", 2024, 5, 2000);
        add(c, "GZ13", 2025, 5, 3000);
        add(c, "GZ15", 2025, 5, 2777.78 * 2); // twice the weighted mean of GZ13 in the newest year only
        WeightCalculator.Result r = c.result();
        Map<String, WeightRow> rows = byDrg(r);
        assertThat(rows.get("GZ13").benchmarkCost()).isEqualByComparingTo("2777.78");
        assertThat(r.years()).isEqualTo("2024:2,2025:7");
        // M: 2024 mean 2,000; 2025 mean (15,000 + 27,777.8) ÷ 10 = 4,277.78; (2 × 2,000 + 7 × 4,277.78) ÷ 9 = 3,771.61
        assertThat(r.referenceCost()).isEqualByComparingTo("3771.61");
        assertThat(rows.get("GZ13").rw()).isEqualByComparingTo("0.7365"); // 2,777.78 ÷ 3,771.61
    }

    @Test
    void mortalityAndRiskLevelsComeFromAllTheDrgsCases() {
        WeightCalculator c = new WeightCalculator(DEFAULTS);
        add(c, "AA11", 2025, 10, 10000);
        for (int i = 0; i < 10; i++) {
            c.add("BB11", null, 2025, 10000, 5, i < 2); // 2 deaths of 10
        }
        Map<String, WeightRow> rows = byDrg(c.result());
        assertThat(rows.get("AA11").riskLevel()).isZero();
        assertThat(rows.get("BB11").deaths()).isEqualTo(2);
        assertThat(rows.get("BB11").mortality()).isEqualByComparingTo("0.2");
        assertThat(rows.get("BB11").riskLevel()).isEqualTo(3); // one DRG with deaths: z taken as 0
    }
}
