package org.openhqd.platform.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A test or examination result recorded by the member institution that made it, by reference: the
 * summary (value or conclusion) and where the full report is.
 */
public record TestResult(long id, long patientId, long institutionId, String institutionName, String testCode, String testName,
                         LocalDate resultDate, String summary, String reportRef, String recordedBy, Instant recordedAt) {
}
