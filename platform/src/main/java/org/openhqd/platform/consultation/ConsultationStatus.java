package org.openhqd.platform.consultation;

/**
 * REQUESTED → ACCEPTED (or DECLINED) → SCHEDULED (consultations only) → REPORTED; CANCELLED by the
 * requester while no report exists.
 */
public enum ConsultationStatus {
    REQUESTED, ACCEPTED, DECLINED, SCHEDULED, REPORTED, CANCELLED
}
