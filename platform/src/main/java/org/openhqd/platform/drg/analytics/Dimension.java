package org.openhqd.platform.drg.analytics;

import java.util.Locale;

/**
 * What the rows of an analytics report are: one per institution, department (出院科别), attending
 * doctor (主诊医师), DRG or discharge month. The first four are the drill-down path hospital →
 * department → doctor → DRG, after which come the cases.
 */
public enum Dimension {
    INSTITUTION, DEPARTMENT, DOCTOR, DRG, MONTH;

    /** The drill-down levels in order. */
    static final Dimension[] PATH = {INSTITUTION, DEPARTMENT, DOCTOR, DRG};

    /** The request parameter's word, e.g. {@code department}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code institution|department|doctor|drg|month}; null or blank is {@code fallback}. */
    static Dimension parse(String value, Dimension fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (Dimension d : values()) {
            if (d.word().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidAnalyticsRequest("dimension", "维度应为 institution、department、doctor、drg 或 month / "
                + "dimension must be institution, department, doctor, drg or month");
    }
}
