package org.openhqd.platform.consultation;

import java.time.Instant;
import java.util.List;

/**
 * A request as the API and console show it: the patient by name and masked identity number only.
 *
 * @param scheduledFor the session time of a consultation
 */
public record ConsultationView(long id, ConsultationType type, ConsultationStatus status, Urgency urgency, long patientId,
                               String patientName, String patientIdNumber, long requestingInstitutionId,
                               String requestingInstitutionName, long consultingInstitutionId, String consultingInstitutionName,
                               String question, List<Study> studies, String requestedBy, Instant requestedAt, String decidedBy,
                               Instant decidedAt, String declineReason, Instant scheduledFor, String findings, String conclusion,
                               String reportedBy, Instant reportedAt, Instant closedAt, String cancelReason) {

    ConsultationView withStudies(List<Study> s) {
        return new ConsultationView(id, type, status, urgency, patientId, patientName, patientIdNumber, requestingInstitutionId,
                requestingInstitutionName, consultingInstitutionId, consultingInstitutionName, question, s, requestedBy, requestedAt,
                decidedBy, decidedAt, declineReason, scheduledFor, findings, conclusion, reportedBy, reportedAt, closedAt,
                cancelReason);
    }
}
