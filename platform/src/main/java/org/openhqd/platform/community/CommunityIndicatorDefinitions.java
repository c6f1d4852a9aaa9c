package org.openhqd.platform.community;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The medical-community indicator definitions, read once from the versioned resource
 * {@code org/openhqd/platform/indicators/medical-community.tsv} (the reference rows MC01–MC18 with
 * the platform's columns); a malformed file stops the start.
 */
@Component
public class CommunityIndicatorDefinitions {

    static final String RESOURCE = "org/openhqd/platform/indicators/medical-community.tsv";
    private static final String HEADER = "version\tid\tkey\tname_zh\tname_en\tdimension\tnumerator\tdenominator\tunit\tdirection"
            + "\tdata_sources\tnotes\tplatform\tplatform_rule";
    private static final Set<String> PLATFORMS = Set.of("COMPUTED", "REFERRAL", "EXTERNAL", "QUALITATIVE");

    private final List<CommunityIndicatorDefinition> all;

    CommunityIndicatorDefinitions() {
        this.all = List.copyOf(read());
    }

    public List<CommunityIndicatorDefinition> all() {
        return all;
    }

    public String version() {
        return all.get(0).version();
    }

    public Optional<CommunityIndicatorDefinition> find(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    private static List<CommunityIndicatorDefinition> read() {
        return org.openhqd.platform.definitions.DefinitionTable.rows(RESOURCE, HEADER).stream()
                .map(CommunityIndicatorDefinitions::definition).toList();
    }

    private static CommunityIndicatorDefinition definition(String[] f) {
        if (!PLATFORMS.contains(f[12])) {
            throw new IllegalStateException(RESOURCE + ": unknown platform " + f[12] + " for " + f[1] + " (expected one of " + PLATFORMS + ")");
        }
        return new CommunityIndicatorDefinition(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13]);
    }
}
