package org.openhqd.casemix.drg;

import java.util.Map;

/**
 * One thing wrong with (or worth knowing about) a case: which field, which value, and a message
 * in Chinese and English (built from the code's template when asked for).
 *
 * @param code numbered problem code
 * @param field input column, e.g. {@code age} or {@code diagnoses}; empty when not about one field
 * @param index position in a list field (0 = principal), or -1
 * @param value the offending value as given (for row problems: the line number)
 * @param detail further context, e.g. the scheme id or the field counts
 */
public record Problem(ProblemCode code, String field, int index, String value, String detail) {

    private static final Map<String, String> FIELD_ZH = Map.of(
            "age", "年龄", "age_days", "年龄（天）", "birth_weight", "出生体重", "los", "住院天数",
            "sex", "性别", "diagnoses", "诊断", "procedures", "手术操作");

    public Problem {
        field = field == null ? "" : field;
        value = value == null ? "" : value;
        detail = detail == null ? "" : detail;
    }

    public String zh() {
        return fill(code.zhTemplate());
    }

    public String en() {
        return fill(code.enTemplate());
    }

    private String fill(String template) {
        return template.replace("{fieldZh}", FIELD_ZH.getOrDefault(field, field)).replace("{field}", field)
                .replace("{value}", value).replace("{detail}", detail);
    }

    /** {@code [HQD-DRG-101] age: 年龄 '45岁' 不是数字 / age '45岁' is not a number}. */
    public String describe() {
        return "[" + code.id() + "] " + (field.isEmpty() ? "" : field + (index >= 0 ? "[" + index + "]" : "") + ": ")
                + zh() + " / " + en();
    }
}
