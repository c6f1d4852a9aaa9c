package org.openhqd.platform.referral;

import java.time.Instant;

/**
 * What the statistics need of one referral: its two institutions, direction, final status, the
 * times of its events, whether it was entered after the fact, and its principal diagnosis.
 */
record ReferralFact(long id, long fromInstitution, String fromName, long toInstitution, String toName, Direction direction,
                    ReferralStatus status, boolean retroEntered, Instant submittedAt, Instant decidedAt, Instant arrivedAt,
                    Instant closedAt, String principalDiagnosis) {

    boolean accepted() {
        return decidedAt != null && status != ReferralStatus.REJECTED;
    }

    boolean rejected() {
        return decidedAt != null && status == ReferralStatus.REJECTED;
    }

    boolean expired() {
        return status == ReferralStatus.EXPIRED && closedAt != null;
    }

    /** Completed in the indicators' sense: the patient reached the receiver. */
    boolean arrived() {
        return arrivedAt != null && (status == ReferralStatus.ARRIVED || status == ReferralStatus.COMPLETED);
    }

    /** When it was sent: submission, or for an emergency entered afterwards the arrival it records. */
    Instant sentAt() {
        return retroEntered ? arrivedAt : submittedAt;
    }
}
