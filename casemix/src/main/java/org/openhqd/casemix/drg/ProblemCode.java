package org.openhqd.casemix.drg;

/**
 * Numbered, stable codes of what can be wrong with a case, with their message templates. The
 * numbers never change meaning, so a coder can search for {@code HQD-DRG-101} in the README's
 * problem-code table. Messages are built only when read, so a problem costs nothing to record.
 * Placeholders: {@code {field}} (column), {@code {fieldZh}} (its Chinese name), {@code {value}},
 * {@code {detail}}.
 */
public enum ProblemCode {
    NUMBER_UNPARSEABLE(101, Severity.ERROR,
            "{fieldZh} '{value}' 不是数字", "{field} '{value}' is not a number"),
    TOO_FEW_FIELDS(102, Severity.ERROR,
            "第 {value} 行：字段不足（实有/应有 {detail}）", "line {value}: too few fields (found/required {detail})"),
    SEX_EMPTY(103, Severity.ERROR, "性别为空", "sex is empty"),
    NEWBORN_WITHOUT_WEIGHT(104, Severity.ERROR,
            "年龄 0 岁且日龄 ≤ 28 天（空值按 0 计）的新生儿必须填写出生体重",
            "a newborn (age 0 years, age in days <= 28; empty counts as 0) must have a birth weight"),
    MALFORMED_ROW(105, Severity.ERROR, "第 {value} 行：{detail}", "line {value}: unbalanced quote"),
    DIAGNOSIS_NOT_IN_DICTIONARY(201, Severity.WARNING,
            "诊断编码 '{value}' 不在方案 {detail} 的字典中", "diagnosis code '{value}' is not in the dictionary of scheme {detail}"),
    PROCEDURE_NOT_IN_DICTIONARY(202, Severity.WARNING,
            "手术操作编码 '{value}' 不在方案 {detail} 的字典中", "procedure code '{value}' is not in the dictionary of scheme {detail}"),
    PRINCIPAL_DIAGNOSIS_EMPTY(203, Severity.WARNING, "主要诊断为空", "principal diagnosis is empty"),
    SEX_UNRECOGNISED(204, Severity.WARNING,
            "性别 '{value}' 既非男(1)也非女(2)，不进入 MDC M/N",
            "sex '{value}' is neither male (1) nor female (2); MDC M and N cannot apply"),
    NO_MDC(301, Severity.INFO,
            "主要诊断 '{value}' 不属于任何 MDC（且主手术未进入先期分组）",
            "principal diagnosis '{value}' belongs to no MDC (and no pre-MDC procedure applies)"),
    NO_ADRG_IN_ENTERED_MDC(302, Severity.INFO,
            "进入 {value} 但无 ADRG 符合，继续下一 MDC", "entered {value} but no ADRG fits; tried the next MDC");

    /** ERROR problems make a case invalid; the others explain a result without changing it. */
    public enum Severity { ERROR, WARNING, INFO }

    private final int number;
    private final Severity severity;
    private final String zh;
    private final String en;

    ProblemCode(int number, Severity severity, String zh, String en) {
        this.number = number;
        this.severity = severity;
        this.zh = zh;
        this.en = en;
    }

    /** The searchable code, e.g. {@code HQD-DRG-101}. */
    public String id() {
        return "HQD-DRG-" + number;
    }

    public Severity severity() {
        return severity;
    }

    String zhTemplate() {
        return zh;
    }

    String enTemplate() {
        return en;
    }
}
