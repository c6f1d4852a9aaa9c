package org.openhqd.casemix.normalise;

/**
 * One change normalisation made.
 *
 * @param field input column, e.g. {@code diagnoses}
 * @param index position in a list field (0 = principal), or -1
 * @param before the value as submitted
 * @param after the value used instead
 * @param rule what was done, e.g. {@code TRIM}, {@code FULL_WIDTH}, {@code CASE}, {@code CODE_MAP}
 * @param zh the change described in Chinese
 * @param en the change described in English
 */
public record Change(String field, int index, String before, String after, Rule rule, String zh, String en) {

    public enum Rule { TRIM, FULL_WIDTH, CASE, DOT, CODE_MAP, UNIT, SEX }

    /** {@code diagnoses[0]: 'i21.000' → 'I21.000' (CASE)}. */
    public String describe() {
        return field + (index >= 0 ? "[" + index + "]" : "") + ": '" + before + "' → '" + after + "' (" + rule + ")";
    }
}
