package org.openhqd.platform.consultation;

import java.time.Instant;

/** A consultant's report as part of the patient's records (会诊意见 / 心电、影像诊断报告). */
public record RemoteReport(long consultationId, ConsultationType type, long patientId, String requestingInstitutionName,
                           String consultingInstitutionName, String question, String findings, String conclusion,
                           String reportedBy, Instant reportedAt) {
}
