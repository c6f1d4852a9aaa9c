package org.openhqd.quality;

import java.util.List;

/** Turns one rule's hits on one record into findings, regrouping the fixes it proposes. */
final class Hits {

    private final QcRule rule;
    private final CheckContext ctx;
    private final List<Finding> out;

    Hits(QcRule rule, CheckContext ctx, List<Finding> out) {
        this.rule = rule;
        this.ctx = ctx;
        this.out = out;
    }

    void add(String field, String value, String detail) {
        add(field, value, detail, null);
    }

    void add(String field, String value, String detail, SuggestedFix fix) {
        String shown = masked(field) ? Text.mask(value) : value;
        Regrouping regrouping = null;
        if (fix != null) {
            regrouping = new Regrouping(fix.zh(), fix.en(), GroupOutcome.of(ctx.before()),
                    GroupOutcome.of(ctx.group(fix.fixed())));
        }
        out.add(new Finding(rule.id(), rule.version(), rule.category(), rule.severity(), field, shown,
                fill(rule.messageZh(), field, shown, detail), fill(rule.messageEn(), field, shown, detail),
                rule.basis(), regrouping));
    }

    private static boolean masked(String field) {
        return RecordFields.MASKED.contains(field);
    }

    /** One pass over the template, so a value that itself contains "{detail}" stays as it was. */
    static String fill(String template, String field, String value, String detail) {
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{field}", i)) {
                sb.append(field);
                i += 7;
            } else if (template.startsWith("{value}", i)) {
                sb.append(value);
                i += 7;
            } else if (template.startsWith("{detail}", i)) {
                sb.append(detail == null ? "" : detail);
                i += 8;
            } else {
                sb.append(template.charAt(i++));
            }
        }
        return sb.toString();
    }
}
