package org.openhqd.platform.community;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
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

    CommunityIndicatorDefinitions() throws IOException {
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

    private static List<CommunityIndicatorDefinition> read() throws IOException {
        String text;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalStateException(RESOURCE + ": header must be " + HEADER);
        }
        List<CommunityIndicatorDefinition> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 14 || Arrays.stream(f).anyMatch(String::isBlank) || !PLATFORMS.contains(f[12])) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": 14 non-empty columns and a known platform expected");
            }
            out.add(new CommunityIndicatorDefinition(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12],
                    f[13]));
        }
        if (out.isEmpty() || out.stream().map(CommunityIndicatorDefinition::version).distinct().count() != 1) {
            throw new IllegalStateException(RESOURCE + ": rows expected, all of one version");
        }
        return out;
    }
}
