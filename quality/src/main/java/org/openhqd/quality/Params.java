package org.openhqd.quality;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one rule ({@code key=value; key=value}), read by its rule type. Every key must
 * be read: a parameter the type does not know is a typo, and the loader rejects it.
 */
final class Params {

    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Splits {@code key=value; key=value}. Values may contain {@code =}, {@code ,} and {@code |}
     * (regular expressions, code lists) but not {@code ;}.
     */
    static Params parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + part.strip() + "' is not key=value");
            }
            String key = part.substring(0, eq).strip();
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' is given twice");
            }
        }
        return new Params(out);
    }

    Map<String, String> asMap() {
        return values;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String text(String key) {
        read.add(key);
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing parameter '" + key + "'");
        }
        return v;
    }

    String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    FieldPath field(String key) {
        return FieldPath.parse(text(key));
    }

    CodeRanges codes(String key) {
        return CodeRanges.parse(text(key));
    }

    /** Optional code ranges: null when absent. */
    CodeRanges codesOrNull(String key) {
        return has(key) ? codes(key) : null;
    }

    Set<String> values(String key) {
        return Set.copyOf(Arrays.stream(text(key).split(",")).map(String::strip).toList());
    }

    double number(String key) {
        double v = Numbers.decimal(text(key));
        if (Numbers.isNone(v)) {
            throw new IllegalArgumentException("parameter '" + key + "' is not a number: '" + values.get(key) + "'");
        }
        return v;
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    /** One of {@code choices}; the first is the default. */
    String choice(String key, String... choices) {
        String v = text(key, choices[0]);
        if (!List.of(choices).contains(v)) {
            throw new IllegalArgumentException("parameter '" + key + "' must be one of " + List.of(choices)
                    + ", not '" + v + "'");
        }
        return v;
    }

    /** {@code diagnoses} or {@code procedures}. */
    CodeList list(String key) {
        return CodeList.valueOf(choice(key, "diagnoses", "procedures").toUpperCase(java.util.Locale.ROOT));
    }

    /** @throws IllegalArgumentException naming the parameters that were never read */
    void requireAllRead() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) " + unknown.stream().sorted().toList());
        }
    }
}
