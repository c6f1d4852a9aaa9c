package org.openhqd.quality;

import java.util.regex.Pattern;

/**
 * PATTERN — a filled field matches a regular expression ({@code match=required}, the default) or
 * must not match it ({@code match=forbidden}, e.g. an asterisk code standing alone). Parameters:
 * {@code field}, {@code regex}, {@code match}. Empty fields are REQUIRED's business.
 */
final class PatternCheck implements Check {

    private final FieldPath field;
    private final Pattern pattern;
    private final boolean required;

    PatternCheck(Params p) {
        this.field = p.field("field");
        this.pattern = Pattern.compile(p.text("regex"));
        this.required = p.choice("match", "required", "forbidden").equals("required");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        field.forEach(ctx.record, (index, value) -> {
            if (!value.isEmpty() && pattern.matcher(value).matches() != required) {
                hits.add(field.label(index), value, pattern.pattern());
            }
        });
    }
}
