package org.openhqd.quality;

import java.util.List;

/**
 * The quality check of one record: its group as submitted and every finding, in rule-file order.
 *
 * @param caseId the record's case id
 * @param group the record's group as submitted
 * @param findings every finding; each code or DRG finding carries its regrouping
 */
public record QcReport(String caseId, GroupOutcome group, List<Finding> findings) {

    public QcReport {
        findings = List.copyOf(findings);
    }

    /** The findings at least as severe as {@code min} (the severity filter). */
    public List<Finding> findings(Severity min) {
        return findings.stream().filter(f -> f.severity().atLeast(min)).toList();
    }

    public List<Finding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
