package org.openhqd.platform.referral;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The referral dashboard's measures, read once from the versioned resource
 * {@code org/openhqd/platform/referral/referral-dashboard.tsv}; a malformed file stops the start, so
 * the page never shows a definition other than the one computed.
 */
@Component
public class ReferralDashboardDefinitions {

    static final String RESOURCE = "org/openhqd/platform/referral/referral-dashboard.tsv";
    private static final String HEADER =
            "version\tid\tkey\tname_zh\tname_en\tnumerator\tdenominator\tunit\treference\tplatform_rule";

    /** One measure: what it counts, over what, and the reference indicator it corresponds to (MC16, MC17 …). */
    public record Measure(String version, String id, String key, String nameZh, String nameEn, String numerator,
                          String denominator, String unit, String reference, String platformRule) {
    }

    private final List<Measure> all;

    ReferralDashboardDefinitions() {
        this.all = List.copyOf(read());
    }

    public List<Measure> all() {
        return all;
    }

    /** The definitions' version, recorded with every export. */
    public String version() {
        return all.get(0).version();
    }

    private static List<Measure> read() {
        return org.openhqd.platform.definitions.DefinitionTable.rows(RESOURCE, HEADER).stream()
                .map(f -> new Measure(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9])).toList();
    }
}
