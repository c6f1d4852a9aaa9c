package org.openhqd.casemix.drg;

import java.util.List;
import java.util.stream.Collectors;

/** The ordered steps that led to a grouping result. */
public record Explanation(List<Step> steps) {

    public Explanation {
        steps = List.copyOf(steps);
    }

    /** Steps in Chinese, joined with {@code " → "}, for a single CSV cell. */
    public String toChinese() {
        return steps.stream().map(Step::zh).collect(Collectors.joining(" → "));
    }

    /** Steps in English, joined with {@code " -> "}. */
    public String toEnglish() {
        return steps.stream().map(Step::en).collect(Collectors.joining(" -> "));
    }
}
