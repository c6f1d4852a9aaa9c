package org.openhqd.platform.referral;

import java.time.Instant;
import java.util.List;

/**
 * A referral as the API and console show it: the patient by name and masked identity number only.
 *
 * @param retroEntered an emergency transfer entered after the patient arrived (补录); not counted
 *     in response times
 * @param closedReason why it was cancelled or expired
 */
public record ReferralView(long id, ReferralStatus status, Direction direction, boolean emergency, boolean retroEntered,
                           long patientId, String patientName, String patientIdNumber,
                           long fromInstitutionId, String fromInstitutionName, long toInstitutionId, String toInstitutionName,
                           String reason, List<String> diagnoses, String summary, String currentTreatment,
                           List<Attachment> attachments, String createdBy, Instant createdAt, Instant submittedAt,
                           String decidedBy, Instant decidedAt, String rejectReason, Long appointmentId, Instant arrivedAt,
                           Instant completedAt, Instant closedAt, String closedReason, Instant escalatedAt, int version) {

    ReferralView withContent(List<String> diagnoses, List<Attachment> attachments) {
        return new ReferralView(id, status, direction, emergency, retroEntered, patientId, patientName, patientIdNumber,
                fromInstitutionId, fromInstitutionName, toInstitutionId, toInstitutionName, reason, diagnoses, summary,
                currentTreatment, attachments, createdBy, createdAt, submittedAt, decidedBy, decidedAt, rejectReason,
                appointmentId, arrivedAt, completedAt, closedAt, closedReason, escalatedAt, version);
    }
}
