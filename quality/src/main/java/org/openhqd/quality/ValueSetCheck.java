package org.openhqd.quality;

import java.util.Set;

/**
 * VALUE_SET — a filled field holds one of the {@code allowed} codes, or none of the {@code
 * forbidden} ones (exactly one of the two parameters). Values compare as exact text: {@code " 1"}
 * is not {@code 1} for the upload interface either. Parameters: {@code field}, {@code allowed} or
 * {@code forbidden} (comma-separated).
 */
final class ValueSetCheck implements Check {

    private final FieldPath field;
    private final Set<String> values;
    private final boolean allowed;

    ValueSetCheck(Params p) {
        this.field = p.field("field");
        if (p.has("allowed") == p.has("forbidden")) {
            throw new IllegalArgumentException("give exactly one of 'allowed' and 'forbidden'");
        }
        this.allowed = p.has("allowed");
        this.values = p.values(allowed ? "allowed" : "forbidden");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        field.forEach(ctx.record, (index, value) -> {
            if (!Text.blank(value) && values.contains(value) != allowed) {
                hits.add(field.label(index), value, String.join(",", values.stream().sorted().toList()));
            }
        });
    }
}
