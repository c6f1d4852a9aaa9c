package org.openhqd.platform.drg.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhqd.platform.definitions.DefinitionTable;

/**
 * The parameters of the weight method (权重测算方法), every one configurable per computation; the
 * defaults are data ({@value #RESOURCE}).
 *
 * @param trimming how outlier costs are left out per DRG
 * @param iqrK k of the IQR rule: keep ln(cost) within Q1 − k·IQR … Q3 + k·IQR
 * @param sdK k of the SD rule: keep ln(cost) within mean ± k·SD
 * @param maxLos stays longer than this (days) are left out of the averages
 * @param minCases cases a DRG needs after trimming for its own weight
 * @param yearWeights weights of the discharge years, oldest to newest (1:2:7)
 * @param autoMinCases grouped cases a community needs for a set to be computed automatically
 */
public record WeightParameters(Trimming trimming, double iqrK, double sdK, int maxLos, int minCases, List<Integer> yearWeights,
                               int autoMinCases) {

    static final String RESOURCE = "org/openhqd/platform/drg/payment/weight-method.tsv";
    static final String HEADER = "version\tparameter\tvalue\tmeaning";

    /** Trimming rule on the log of the case cost, per DRG. */
    public enum Trimming {
        IQR, SD, NONE
    }

    public WeightParameters {
        yearWeights = List.copyOf(yearWeights);
    }

    /** The shipped defaults. */
    public static WeightParameters defaults() {
        Map<String, String> v = new HashMap<>();
        for (String[] row : DefinitionTable.rows(RESOURCE, HEADER)) {
            v.put(row[1], row[2]);
        }
        WeightParameters p = new WeightParameters(Trimming.valueOf(v.get("trimming")), Double.parseDouble(v.get("iqr_k")),
                Double.parseDouble(v.get("sd_k")), Integer.parseInt(v.get("max_los")), Integer.parseInt(v.get("min_cases")),
                yearWeights(v.get("year_weights")), Integer.parseInt(v.get("auto_min_cases")));
        p.check();
        return p;
    }

    /** Reads {@code 1:2:7}; null when it is not a list of 1–5 positive whole numbers. */
    static List<Integer> yearWeights(String text) {
        if (text == null || !text.strip().matches("\\d{1,3}(:\\d{1,3}){0,4}")) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String s : text.strip().split(":")) {
            out.add(Integer.parseInt(s));
        }
        return out.stream().allMatch(w -> w > 0) ? out : null;
    }

    /**
     * Checks the parameters.
     *
     * @throws PaymentRequestException naming the first bad one
     */
    void check() {
        if (trimming == null) {
            throw PaymentRequestException.of("trimming", "请选择剔除方法 IQR、SD 或 NONE", "trimming must be IQR, SD or NONE");
        }
        if (!(iqrK > 0 && iqrK <= 10)) {
            throw PaymentRequestException.of("iqrK", "IQR 倍数应在 0–10 之间", "iqrK must be greater than 0 and at most 10");
        }
        if (!(sdK > 0 && sdK <= 10)) {
            throw PaymentRequestException.of("sdK", "标准差倍数应在 0–10 之间", "sdK must be greater than 0 and at most 10");
        }
        if (maxLos < 1 || maxLos > 3650) {
            throw PaymentRequestException.of("maxLos", "最长住院日应在 1–3650 天之间", "maxLos must be between 1 and 3650 days");
        }
        if (minCases < 1 || minCases > 1000) {
            throw PaymentRequestException.of("minCases", "最少病例数应在 1–1000 之间", "minCases must be between 1 and 1000");
        }
        if (yearWeights == null || yearWeights.isEmpty() || yearWeights.size() > 5 || yearWeights.stream().anyMatch(w -> w <= 0)) {
            throw PaymentRequestException.of("yearWeights", "年度权重应为 1–5 个正整数，如 1:2:7（由远及近）",
                    "yearWeights must be 1–5 positive whole numbers, oldest to newest, e.g. 1:2:7");
        }
        if (autoMinCases < 1) {
            throw PaymentRequestException.of("autoMinCases", "应为正整数", "autoMinCases must be a positive whole number");
        }
    }

    /** The parameters as stored with a set and shown on the page. */
    public String describe() {
        return "trimming=" + trimming + "; iqr_k=" + number(iqrK) + "; sd_k=" + number(sdK) + "; max_los=" + maxLos
                + "; min_cases=" + minCases + "; year_weights=" + String.join(":", yearWeights.stream().map(String::valueOf).toList());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
