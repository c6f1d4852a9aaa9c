package org.openhqd.platform.drg.payment;

import java.util.Locale;
import java.util.Map;

/**
 * A request to compute a weight set: the scheme, an optional name and version label, whether to
 * activate it, and any method parameter to change from the defaults.
 */
record WeightComputeRequest(String scheme, String name, String versionLabel, Boolean activate, String trimming, Double iqrK,
                            Double sdK, Integer maxLos, Integer minCases, String yearWeights) {

    WeightParameters parameters(WeightParameters d) {
        WeightParameters.Trimming t = d.trimming();
        if (trimming != null && !trimming.isBlank()) {
            try {
                t = WeightParameters.Trimming.valueOf(trimming.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PaymentRequestException.of("trimming", "应为 IQR、SD 或 NONE", "must be IQR, SD or NONE");
            }
        }
        java.util.List<Integer> years = d.yearWeights();
        if (yearWeights != null && !yearWeights.isBlank()) {
            years = WeightParameters.yearWeights(yearWeights);
        }
        return new WeightParameters(t, iqrK == null ? d.iqrK() : iqrK, sdK == null ? d.sdK() : sdK,
                maxLos == null ? d.maxLos() : maxLos, minCases == null ? d.minCases() : minCases,
                years == null ? java.util.List.of() : years, d.autoMinCases());
    }

    boolean activates() {
        return Boolean.TRUE.equals(activate);
    }

    /** Reads the console form. */
    static WeightComputeRequest fromForm(Map<String, String> f) {
        return new WeightComputeRequest(f.get("scheme"), f.get("name"), f.get("versionLabel"),
                "on".equals(f.get("activate")) || "true".equals(f.get("activate")), f.get("trimming"),
                decimal(f, "iqrK"), decimal(f, "sdK"), whole(f, "maxLos"), whole(f, "minCases"), f.get("yearWeights"));
    }

    private static Double decimal(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw PaymentRequestException.of(field, "应为数字", "expected a number");
        }
    }

    private static Integer whole(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw PaymentRequestException.of(field, "应为整数", "expected a whole number");
        }
    }
}
