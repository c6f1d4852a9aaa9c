package org.openhqd.quality;

import java.util.Set;

/**
 * REQUIRED — the field is filled (not empty, not only blanks, not a lone {@code -}). Parameters:
 * {@code field}; optionally {@code when_field} and {@code when_values} to require it only when
 * another field has one of those values (e.g. 拟接收机构 for discharge by transfer).
 */
final class RequiredCheck implements Check {

    private final FieldPath field;
    private final FieldPath whenField;
    private final Set<String> whenValues;

    RequiredCheck(Params p) {
        this.field = p.field("field");
        this.whenField = p.has("when_field") ? p.field("when_field") : null;
        this.whenValues = whenField != null ? p.values("when_values") : Set.of();
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        if (whenField != null && !conditionHolds(ctx.record)) {
            return;
        }
        field.forEach(ctx.record, (index, value) -> {
            if (Text.blank(value)) {
                hits.add(field.label(index), value, "");
            }
        });
    }

    private boolean conditionHolds(DischargeRecord r) {
        boolean[] holds = {false};
        whenField.forEach(r, (index, value) -> holds[0] |= whenValues.contains(value.strip()));
        return holds[0];
    }
}
