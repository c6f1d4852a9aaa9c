package org.openhqd.platform.appointments;

import java.time.Instant;
import java.util.List;

/**
 * A no-show penalty as shown anywhere: the patient by name and masked identity number only.
 *
 * @param reason bilingual, e.g. {@code 近 180 天内爽约 3 次 / 3 no-shows within 180 days}
 * @param appointmentIds the counted appointments that triggered it
 */
public record PenaltyView(long id, long patientId, String patientName, String patientIdNumber, String ruleCode,
                          NoShowRule.Scope scope, Long institutionId, String institutionName, Long departmentId,
                          String departmentName, Instant startsAt, Instant endsAt, Penalties.Status status, String reason,
                          String appealReason, String decisionReason, List<Long> appointmentIds) {
}
