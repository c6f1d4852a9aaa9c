package org.openhqd.casemix.drg;

/**
 * One step of an explanation: which rule decided, on which code, and what it means.
 *
 * @param kind the stage of grouping
 * @param rule the scheme rule (MDC, entry rule, DRG, table) that decided, or empty
 * @param code the case's code or value that decided, or empty
 * @param zh the step in Chinese
 * @param en the step in English
 */
public record Step(Kind kind, String rule, String code, String zh, String en) {

    public enum Kind {
        /** Code conversion or normalisation applied before grouping. */
        MAPPING,
        /** Reading and validating the case. */
        CHECK,
        /** An MDC entered or left. */
        MDC,
        /** The entry rule that chose the ADRG. */
        ADRG,
        /** A secondary diagnosis found on the MCC or CC table, counted or excluded. */
        COMPLICATION,
        /** The DRG chosen inside the ADRG. */
        DRG,
        /** The final outcome. */
        RESULT
    }

    @Override
    public String toString() {
        return kind + (rule.isEmpty() ? "" : " " + rule) + (code.isEmpty() ? "" : " " + code) + ": " + zh;
    }
}
