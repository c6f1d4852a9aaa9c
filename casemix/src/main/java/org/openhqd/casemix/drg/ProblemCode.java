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
    NUMBER_OUT_OF_RANGE(106, Severity.ERROR,
            "{fieldZh} '{value}' 超出范围：须为有限数且不小于 {detail}",
            "{field} '{value}' is out of range: must be finite and at least {detail}"),
    AGE_WITH_AGE_DAYS(107, Severity.ERROR,
            "填写了日龄（{detail} 天）时年龄须为 0 或空，实为 '{value}'",
            "age must be 0 or empty when the age in days is given ({detail} days), found '{value}'"),
    SEX_INVALID(108, Severity.ERROR,
            "性别 '{value}' 无效：只接受 1（男）、2（女）或空", "sex '{value}' is invalid: only 1 (male), 2 (female) or empty"),
    DIAGNOSIS_NOT_IN_DICTIONARY(201, Severity.WARNING,
            "诊断编码 '{value}' 不在方案 {detail} 的字典中", "diagnosis code '{value}' is not in the dictionary of scheme {detail}"),
    PROCEDURE_NOT_IN_DICTIONARY(202, Severity.WARNING,
            "手术操作编码 '{value}' 不在方案 {detail} 的字典中", "procedure code '{value}' is not in the dictionary of scheme {detail}"),
    PRINCIPAL_DIAGNOSIS_EMPTY(203, Severity.WARNING, "主要诊断为空", "principal diagnosis is empty"),
    SEX_UNRECOGNISED(204, Severity.WARNING,
            "性别 '{value}' 既非男(1)也非女(2)，不进入 MDC M/N",
            "sex '{value}' is neither male (1) nor female (2); MDC M and N cannot apply"),
    PRINCIPAL_DIAGNOSIS_GRAY(205, Severity.WARNING,
            "主要诊断 '{value}' 是方案 {detail} 的灰码，不能作为主要诊断入组",
            "principal diagnosis '{value}' is a gray code of scheme {detail} and cannot be grouped as principal"),
    PRINCIPAL_DIAGNOSIS_NOT_ALLOWED(206, Severity.WARNING,
            "主要诊断 '{value}' 在方案 {detail} 的主要诊断无效表中，不能作为主要诊断",
            "principal diagnosis '{value}' is on the invalid-principal list of scheme {detail} and cannot be principal"),
    PRINCIPAL_PROCEDURE_GRAY(207, Severity.WARNING,
            "主要手术操作 '{value}' 是方案 {detail} 的灰码，不能作为主要手术操作入组",
            "principal procedure '{value}' is a gray code of scheme {detail} and cannot be grouped as principal"),
    NO_MDC(301, Severity.INFO,
            "主要诊断 '{value}' 不属于任何 MDC（且主手术未进入先期分组）",
            "principal diagnosis '{value}' belongs to no MDC (and no pre-MDC procedure applies)"),
    NO_ADRG_IN_ENTERED_MDC(302, Severity.INFO,
            "进入 {value} 但无 ADRG 符合，继续下一 MDC", "entered {value} but no ADRG fits; tried the next MDC"),
    PRINCIPAL_PROCEDURE_NOT_SURGICAL(303, Severity.INFO,
            "主要手术操作 '{value}' 在方案 {detail} 的手术无效表中，不计为主要手术操作（其余手术操作位置不变）",
            "principal procedure '{value}' is on the non-surgical list of scheme {detail} and does not count as "
                    + "principal procedure (the other procedures keep their positions)"),
    NO_ADRG_IN_FINAL_MDC(304, Severity.INFO,
            "进入 {value} 但无 ADRG 符合；该 MDC 不转入下一 MDC，无法入组",
            "entered {value} but no ADRG fits; this MDC does not fall through, so the case is ungroupable"),
    MEDICAL_ADRG_WITH_PROCEDURE(305, Severity.INFO,
            "入内科 ADRG {detail}，但有有效主要手术操作 '{value}'：歧义病案（QY）",
            "medical ADRG {detail} chosen while principal procedure '{value}' counts: ambiguous (QY)");

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
