package org.openhqd.quality;

/**
 * One diagnosis line of the settlement list / record home page, as submitted (text, not checked).
 *
 * @param code ICD-10 code (医保版 for the settlement list)
 * @param name diagnosis name as written; may be empty
 * @param admissionCondition 入院病情: {@code 1} 有, {@code 2} 临床未确定, {@code 3} 情况不明, {@code 4} 无
 */
public record Diagnosis(String code, String name, String admissionCondition) {

    public Diagnosis {
        code = Text.orEmpty(code);
        name = Text.orEmpty(name);
        admissionCondition = Text.orEmpty(admissionCondition);
    }

    public static Diagnosis of(String code) {
        return new Diagnosis(code, "", "");
    }

    public Diagnosis withCode(String newCode) {
        return new Diagnosis(newCode, name, admissionCondition);
    }
}
