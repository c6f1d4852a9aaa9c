package org.openhqd.quality;

/**
 * One procedure line (手术及操作) of the settlement list / record home page, as submitted.
 *
 * @param code ICD-9-CM-3 code (医保版 for the settlement list)
 * @param name procedure name as written; may be empty
 * @param date date (and time) of the procedure
 * @param level 手术级别 {@code 1}–{@code 4}
 * @param incisionClass 切口类别 ({@code 0}, {@code 1} Ⅰ, {@code 2} Ⅱ, {@code 3} Ⅲ)
 * @param healingGrade 愈合等级 ({@code 1} 甲, {@code 2} 乙, {@code 3} 丙, {@code 9} 其他)
 * @param anaesthesia 麻醉方式
 */
public record Procedure(String code, String name, String date, String level, String incisionClass,
                        String healingGrade, String anaesthesia) {

    public Procedure {
        code = Text.orEmpty(code);
        name = Text.orEmpty(name);
        date = Text.orEmpty(date);
        level = Text.orEmpty(level);
        incisionClass = Text.orEmpty(incisionClass);
        healingGrade = Text.orEmpty(healingGrade);
        anaesthesia = Text.orEmpty(anaesthesia);
    }

    public static Procedure of(String code) {
        return new Procedure(code, "", "", "", "", "", "");
    }

    public Procedure withCode(String newCode) {
        return new Procedure(newCode, name, date, level, incisionClass, healingGrade, anaesthesia);
    }
}
