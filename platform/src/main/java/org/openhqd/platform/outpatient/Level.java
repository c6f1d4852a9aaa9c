package org.openhqd.platform.outpatient;

/** How far the indicator table drills down: 机构 → 科室 → 医生. */
public enum Level {
    INSTITUTION, DEPARTMENT, DOCTOR;

    /** {@code institution}, {@code department} or {@code doctor}, as the API spells it. */
    public static Level parse(String s) {
        if (s == null || s.isBlank()) {
            return INSTITUTION;
        }
        for (Level l : values()) {
            if (l.name().equalsIgnoreCase(s.strip())) {
                return l;
            }
        }
        throw new InvalidRequestException("level", "层级应为 institution、department 或 doctor / level must be institution, department or doctor");
    }
}
