package org.openhqd.casemix.drg;

/**
 * Numbered, stable codes of what can be wrong with a case. The numbers never change meaning, so a
 * coder can search for {@code HQD-DRG-101} in the documentation (README, "Problem codes").
 */
public enum ProblemCode {
    NUMBER_UNPARSEABLE(101, Severity.ERROR),
    TOO_FEW_FIELDS(102, Severity.ERROR),
    SEX_EMPTY(103, Severity.ERROR),
    NEWBORN_WITHOUT_WEIGHT(104, Severity.ERROR),
    MALFORMED_ROW(105, Severity.ERROR),
    DIAGNOSIS_NOT_IN_DICTIONARY(201, Severity.WARNING),
    PROCEDURE_NOT_IN_DICTIONARY(202, Severity.WARNING),
    PRINCIPAL_DIAGNOSIS_EMPTY(203, Severity.WARNING),
    SEX_UNRECOGNISED(204, Severity.WARNING),
    NO_MDC(301, Severity.INFO),
    NO_ADRG_IN_ENTERED_MDC(302, Severity.INFO);

    /** ERROR problems make a case invalid; the others explain a result without changing it. */
    public enum Severity { ERROR, WARNING, INFO }

    private final int number;
    private final Severity severity;

    ProblemCode(int number, Severity severity) {
        this.number = number;
        this.severity = severity;
    }

    /** The searchable code, e.g. {@code HQD-DRG-101}. */
    public String id() {
        return "HQD-DRG-" + number;
    }

    public Severity severity() {
        return severity;
    }
}
