package org.openhqd.platform.outpatient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
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

    IndicatorDefinitions() throws IOException {
        this.all = List.copyOf(read());
    }

    public List<IndicatorDefinition> all() {
        return all;
    }

    /** The definitions' version, recorded with every exported value. */
    public String version() {
        return all.get(0).version();
    }

    private static List<IndicatorDefinition> read() throws IOException {
        String text;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalStateException(RESOURCE + ": header must be " + HEADER);
        }
        List<IndicatorDefinition> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 11 || java.util.Arrays.stream(f).anyMatch(String::isBlank)) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": 11 non-empty columns expected");
            }
            out.add(new IndicatorDefinition(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]));
        }
        if (out.isEmpty() || out.stream().map(IndicatorDefinition::version).distinct().count() != 1) {
            throw new IllegalStateException(RESOURCE + ": rows expected, all of one version");
        }
        return out;
    }
}
