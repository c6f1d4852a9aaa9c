package org.openhqd.platform.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up task as the API and the worklist show it: the patient by masked name and masked
 * identity number only, with the referral it belongs to.
 *
 * @param overdue OPEN and its due date is before today (China time)
 * @param closingNote the completion note, or why it was cancelled
 */
public record CareTaskView(long id, long referralId, long institutionId, String institutionName, long patientId,
                           String patientName, String patientIdNumber, CareTaskType type, String description, LocalDate dueDate,
                           Long assignedStaffId, String assignedStaffName, CareTaskStatus status, boolean overdue,
                           String createdBy, Instant createdAt, String closedBy, Instant closedAt, String closingNote) {
}
