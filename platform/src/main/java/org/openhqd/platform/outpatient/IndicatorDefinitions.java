package org.openhqd.platform.outpatient;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outpatient indicator definitions, read once from the versioned resource
 * {@code org/openhqd/platform/indicators/outpatient.tsv}; a malformed file stops the start, so a
 * page never shows a definition that is not the one computed.
 */
@Component
public class IndicatorDefinitions {

    static final String RESOURCE = "org/openhqd/platform/indicators/outpatient.tsv";
    private static final String HEADER =
            "version\tid\tkey\tname_zh\tname_en\tnumerator\tdenominator\tunit\tdirection\tbasis\tplatform_rule";

    private final List<IndicatorDefinition> all;

    IndicatorDefinitions() {
        this.all = List.copyOf(read());
    }

    public List<IndicatorDefinition> all() {
        return all;
    }

    /** The definitions' version, recorded with every exported value. */
    public String version() {
        return all.get(0).version();
    }

    private static List<IndicatorDefinition> read() {
        return org.openhqd.platform.definitions.DefinitionTable.rows(RESOURCE, HEADER).stream()
                .map(f -> new IndicatorDefinition(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10])).toList();
    }
}
