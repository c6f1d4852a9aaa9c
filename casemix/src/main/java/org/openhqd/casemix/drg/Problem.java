package org.openhqd.casemix.drg;

/**
 * One thing wrong with (or worth knowing about) a case, with the field and value at fault and a
 * message in Chinese and English.
 *
 * @param code numbered problem code
 * @param field input column, e.g. {@code age} or {@code diagnoses}; empty when not about one field
 * @param index position in a list field (0 = principal), or -1
 * @param value the offending value as given
 * @param zh message in Chinese
 * @param en message in English
 */
public record Problem(ProblemCode code, String field, int index, String value, String zh, String en) {

    /** {@code [HQD-DRG-101] age: 年龄… / age …}. */
    public String describe() {
        return "[" + code.id() + "] " + (field.isEmpty() ? "" : field + (index >= 0 ? "[" + index + "]" : "") + ": ")
                + zh + " / " + en;
    }
}
