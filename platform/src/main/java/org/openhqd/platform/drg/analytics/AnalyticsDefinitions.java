package org.openhqd.platform.drg.analytics;

import java.util.List;
import org.openhqd.platform.definitions.DefinitionTable;
import org.springframework.stereotype.Component;

/**
 * The DRG analytics indicator definitions (D01–D09 of the reference set, and the platform's
 * outlier, profit/loss, cost and stay figures), read once from the versioned resource
 * {@value #RESOURCE}; a malformed file stops the start, so a page never shows a definition that is
 * not the one computed.
 */
@Component
public class AnalyticsDefinitions {

    static final String RESOURCE = "org/openhqd/platform/indicators/drg-analytics.tsv";
    static final String HEADER =
            "version\tid\tkey\tname_zh\tname_en\tnumerator\tdenominator\tunit\tdirection\tsource\tplatform_rule";

    private final List<AnalyticsDefinition> all;

    AnalyticsDefinitions() {
        this.all = DefinitionTable.rows(RESOURCE, HEADER).stream()
                .map(f -> new AnalyticsDefinition(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10])).toList();
    }

    public List<AnalyticsDefinition> all() {
        return all;
    }

    /** The definitions' version, recorded with every report and export. */
    public String version() {
        return all.get(0).version();
    }
}
