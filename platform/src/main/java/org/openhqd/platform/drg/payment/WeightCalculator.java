package org.openhqd.platform.drg.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openhqd.platform.drg.WeightRow;
import org.openhqd.platform.drg.WeightRow.Basis;

/**
 * Computes relative weights from historical cases (历史费用法), one case at a time, keeping only
 * primitive columns per DRG (a million cases take some 20 MB):
 *
 * <ol>
 *   <li>only the newest {@code yearWeights.size()} discharge years count (window ending at the newest
 *       year present); a stay longer than {@code maxLos} is left out of the averages;</li>
 *   <li>per DRG, costs outside the trimming bounds on ln(cost) are left out — bounds from the DRG's
 *       own cases when it has at least {@code minCases}, else from its ADRG's pooled cases;</li>
 *   <li>a DRG's benchmark cost and stay are the year-weighted means of its kept cases: the mean of
 *       each year, combined with the year weights (1:2:7), normalised over the years it has;</li>
 *   <li>a DRG with fewer than {@code minCases} kept cases takes its ADRG's pooled figures if the pool
 *       (trimmed on its own) reaches the minimum; else it is flagged and has no weight;</li>
 *   <li>M is the year-weighted mean cost of all kept cases; RW = the DRG's benchmark cost ÷ M;</li>
 *   <li>mortality and its risk level per DRG come from all its cases in the window ({@link MortalityRisk}).</li>
 * </ol>
 */
final class WeightCalculator {

    /** What the method produced. */
    record Result(List<WeightRow> rows, BigDecimal referenceCost, Map<Integer, Integer> yearWeights, long casesTotal,
                  long casesUsed, long casesTrimmed) {

        int drgsWeighted() {
            return (int) rows.stream().filter(r -> r.rw() != null).count();
        }

        int drgsFlagged() {
            return (int) rows.stream().filter(WeightRow::tooFew).count();
        }

        /** {@code 2023:1,2024:2,2025:7} */
        String years() {
            return String.join(",", yearWeights.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
        }
    }

    /** One DRG's cases, column-wise. */
    private static final class Cases {
        final String adrg;
        double[] cost = new double[8];
        int[] los = new int[8];
        int[] year = new int[8];
        boolean[] death = new boolean[8];
        int size;

        Cases(String adrg) {
            this.adrg = adrg;
        }

        void add(int y, double c, int l, boolean d) {
            if (size == cost.length) {
                int n = size * 2;
                cost = Arrays.copyOf(cost, n);
                los = Arrays.copyOf(los, n);
                year = Arrays.copyOf(year, n);
                death = Arrays.copyOf(death, n);
            }
            cost[size] = c;
            los[size] = l;
            year[size] = y;
            death[size] = d;
            size++;
        }
    }

    /** Year-weighted means of a set of kept cases. */
    private static final class YearMeans {
        final Map<Integer, double[]> sums = new HashMap<>(); // year → {cost sum, cases, los sum, cases with los}

        void add(int year, double cost, int los) {
            double[] s = sums.computeIfAbsent(year, y -> new double[4]);
            s[0] += cost;
            s[1]++;
            if (los >= 0) {
                s[2] += los;
                s[3]++;
            }
        }

        double cost(Map<Integer, Integer> weights) {
            return combine(weights, 0, 1);
        }

        double los(Map<Integer, Integer> weights) {
            return combine(weights, 2, 3);
        }

        private double combine(Map<Integer, Integer> weights, int sum, int count) {
            double num = 0;
            double den = 0;
            for (var e : sums.entrySet()) {
                double[] s = e.getValue();
                if (s[count] > 0) {
                    int w = weights.get(e.getKey());
                    num += w * s[sum] / s[count];
                    den += w;
                }
            }
            return den == 0 ? Double.NaN : num / den;
        }
    }

    /** A stay not known (null): counted, never excluded by the LOS limit. */
    static final int UNKNOWN_LOS = -1;

    private final WeightParameters p;
    private final Map<String, Cases> byDrg = new HashMap<>();
    private int newestYear = Integer.MIN_VALUE;

    WeightCalculator(WeightParameters p) {
        this.p = p;
    }

    /**
     * Adds one grouped case.
     *
     * @param los length of stay in days, or {@link #UNKNOWN_LOS}
     * @param death whether the patient died (离院方式 5)
     */
    void add(String drg, String adrg, int year, double cost, int los, boolean death) {
        byDrg.computeIfAbsent(drg, d -> new Cases(adrg == null || adrg.isBlank() ? adrgOf(d) : adrg)).add(year, cost, los, death);
        newestYear = Math.max(newestYear, year);
    }

    /** CHS-DRG codes are the ADRG and one digit (GZ13 → GZ1). */
    static String adrgOf(String drg) {
        return drg.length() > 3 ? drg.substring(0, drg.length() - 1) : drg;
    }

    Result result() {
        Map<Integer, Integer> weights = new TreeMap<>();
        List<Integer> w = p.yearWeights();
        if (!byDrg.isEmpty()) {
            for (int i = 0; i < w.size(); i++) {
                weights.put(newestYear - (w.size() - 1) + i, w.get(i));
            }
        }
        int firstYear = newestYear - (w.size() - 1);

        // per DRG: the cases inside the window whose stay counts (their ln cost), and their counts
        Map<String, int[]> valid = new HashMap<>();          // drg → indexes of valid cases
        Map<String, MortalityRisk.Counts> mortality = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        Map<String, List<String>> drgsOfAdrg = new TreeMap<>();
        for (var e : byDrg.entrySet()) {
            Cases c = e.getValue();
            int[] idx = new int[c.size];
            int n = 0;
            int total = 0;
            int deaths = 0;
            for (int i = 0; i < c.size; i++) {
                if (c.year[i] < firstYear) {
                    continue;
                }
                total++;
                deaths += c.death[i] ? 1 : 0;
                if ((c.los[i] == UNKNOWN_LOS || c.los[i] <= p.maxLos()) && c.cost[i] > 0) {
                    idx[n++] = i;
                }
            }
            if (total == 0) {
                continue;
            }
            valid.put(e.getKey(), Arrays.copyOf(idx, n));
            totals.put(e.getKey(), total);
            mortality.put(e.getKey(), new MortalityRisk.Counts(total, deaths));
            drgsOfAdrg.computeIfAbsent(c.adrg, a -> new ArrayList<>()).add(e.getKey());
        }

        // per ADRG: the pooled bounds, and the pooled year means of the cases the pool keeps
        Map<String, TrimBounds> poolBounds = new HashMap<>();
        Map<String, YearMeans> poolMeans = new HashMap<>();
        Map<String, Integer> poolKept = new HashMap<>();
        for (var e : drgsOfAdrg.entrySet()) {
            int n = 0;
            for (String d : e.getValue()) {
                n += valid.get(d).length;
            }
            double[] logs = new double[n];
            int k = 0;
            for (String d : e.getValue()) {
                Cases c = byDrg.get(d);
                for (int i : valid.get(d)) {
                    logs[k++] = Math.log(c.cost[i]);
                }
            }
            TrimBounds bounds = TrimBounds.of(logs, n, p);
            YearMeans means = new YearMeans();
            int kept = 0;
            for (String d : e.getValue()) {
                Cases c = byDrg.get(d);
                for (int i : valid.get(d)) {
                    if (bounds.keeps(Math.log(c.cost[i]))) {
                        means.add(c.year[i], c.cost[i], c.los[i]);
                        kept++;
                    }
                }
            }
            poolBounds.put(e.getKey(), bounds);
            poolMeans.put(e.getKey(), means);
            poolKept.put(e.getKey(), kept);
        }

        // per DRG: its own kept cases (also the population of M)
        YearMeans all = new YearMeans();
        Map<String, YearMeans> ownMeans = new HashMap<>();
        Map<String, Integer> ownKept = new HashMap<>();
        long used = 0;
        for (var e : valid.entrySet()) {
            Cases c = byDrg.get(e.getKey());
            int[] idx = e.getValue();
            double[] logs = new double[idx.length];
            for (int j = 0; j < idx.length; j++) {
                logs[j] = Math.log(c.cost[idx[j]]);
            }
            TrimBounds bounds = idx.length >= p.minCases() ? TrimBounds.of(logs, idx.length, p) : poolBounds.get(c.adrg);
            YearMeans means = new YearMeans();
            int kept = 0;
            for (int j = 0; j < idx.length; j++) {
                if (bounds.keeps(logs[j])) {
                    int i = idx[j];
                    means.add(c.year[i], c.cost[i], c.los[i]);
                    all.add(c.year[i], c.cost[i], c.los[i]);
                    kept++;
                }
            }
            ownMeans.put(e.getKey(), means);
            ownKept.put(e.getKey(), kept);
            used += kept;
        }

        double m = all.cost(weights);
        Map<String, Integer> risk = MortalityRisk.levels(mortality);
        List<WeightRow> rows = new ArrayList<>();
        long total = 0;
        for (var d : new TreeMap<>(valid).keySet()) {
            Cases c = byDrg.get(d);
            int kept = ownKept.get(d);
            int cases = totals.get(d);
            total += cases;
            Basis basis;
            YearMeans means;
            int casesUsed;
            if (kept >= p.minCases()) {
                basis = Basis.DRG;
                means = ownMeans.get(d);
                casesUsed = kept;
            } else if (poolKept.get(c.adrg) >= p.minCases()) {
                basis = Basis.ADRG;
                means = poolMeans.get(c.adrg);
                casesUsed = poolKept.get(c.adrg);
            } else {
                basis = Basis.NONE;
                means = null;
                casesUsed = kept;
            }
            MortalityRisk.Counts mc = mortality.get(d);
            BigDecimal cost = means == null ? null : money(means.cost(weights));
            double los = means == null ? Double.NaN : means.los(weights);
            rows.add(new WeightRow(d, c.adrg, means == null || !(m > 0) ? null : rw(means.cost(weights) / m), cost,
                    Double.isNaN(los) ? null : BigDecimal.valueOf(los).setScale(2, RoundingMode.HALF_UP), cases, casesUsed,
                    cases - kept, mc.deaths(), BigDecimal.valueOf((double) mc.deaths() / cases).setScale(6, RoundingMode.HALF_UP),
                    risk.get(d), basis));
        }
        Map<Integer, Integer> usedYears = new LinkedHashMap<>();
        weights.forEach((y, wt) -> {
            if (all.sums.containsKey(y)) {
                usedYears.put(y, wt);
            }
        });
        return new Result(rows, Double.isNaN(m) ? null : money(m), usedYears, total, used, total - used);
    }

    static BigDecimal rw(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
