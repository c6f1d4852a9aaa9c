package org.openhqd.quality;

import java.util.Optional;

/**
 * One rule hit on one record: which rule, where, the offending value, the message, and for code
 * and DRG findings the group the case would fall into if fixed.
 *
 * @param ruleId e.g. {@code QC-401}
 * @param ruleVersion the rule's version, so stored findings stay traceable after the rule changes
 * @param category the rule's category
 * @param severity the rule's severity
 * @param field e.g. {@code diagnoses[2].code}; empty when the finding is about the whole record
 * @param value the offending value (identity numbers masked)
 * @param messageZh the Chinese message, placeholders filled
 * @param messageEn the English message, placeholders filled
 * @param basis the regulation or reference of the rule
 * @param regrouping the fix and its effect on the group, or null
 */
public record Finding(String ruleId, String ruleVersion, Category category, Severity severity, String field,
                      String value, String messageZh, String messageEn, String basis, Regrouping regrouping) {

    public Optional<Regrouping> ifFixed() {
        return Optional.ofNullable(regrouping);
    }

    /** {@code [QC-101 ERROR] case_id: 病案号为空 / case id is empty}. */
    public String describe() {
        return "[" + ruleId + " " + severity + "] " + (field.isEmpty() ? "" : field + ": ") + messageZh + " / "
                + messageEn + (regrouping == null ? "" : " — " + regrouping.describe());
    }
}
