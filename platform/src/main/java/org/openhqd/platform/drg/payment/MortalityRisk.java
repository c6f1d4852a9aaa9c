package org.openhqd.platform.drg.payment;

import java.util.HashMap;
import java.util.Map;

/**
 * Mortality risk levels per DRG (死亡风险分级) from a reference population, as the indicator
 * definitions set them (NHC DRG evaluation; log step from the Beijing method): a DRG without deaths
 * is level 0; for the others z = (ln m − μ) ÷ σ with μ and σ the mean and sample standard deviation
 * of ln m over those DRGs, and z &lt; −1 → 1 低风险, −1 ≤ z &lt; 0 → 2 中低风险, 0 ≤ z &lt; 1 → 3 中高风险,
 * z ≥ 1 → 4 高风险. With fewer than two DRGs with deaths (or all at one rate) σ is undefined and z is
 * taken as 0 (level 3): nothing says those DRGs are safer than average.
 */
final class MortalityRisk {

    private MortalityRisk() {
    }

    /** Mortality of one DRG: deaths among cases. */
    record Counts(int cases, int deaths) {
    }

    static Map<String, Integer> levels(Map<String, Counts> byDrg) {
        Map<String, Double> logRates = new HashMap<>();
        Map<String, Integer> out = new HashMap<>();
        for (var e : byDrg.entrySet()) {
            Counts c = e.getValue();
            if (c.deaths() <= 0 || c.cases() <= 0) {
                out.put(e.getKey(), 0);
            } else {
                logRates.put(e.getKey(), Math.log((double) c.deaths() / c.cases()));
            }
        }
        int n = logRates.size();
        double mean = logRates.values().stream().mapToDouble(Double::doubleValue).sum() / Math.max(n, 1);
        double ss = logRates.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        for (var e : logRates.entrySet()) {
            double z = sd > 1e-12 ? (e.getValue() - mean) / sd : 0;
            out.put(e.getKey(), level(z));
        }
        return out;
    }

    static int level(double z) {
        return z < -1 ? 1 : z < 0 ? 2 : z < 1 ? 3 : 4;
    }
}
