package org.openhqd.platform.appointments;

import java.time.Instant;

/**
 * The patient cancelled (退号) an appointment at {@code at}; published by {@link Appointments#cancel}.
 * A hospital's cancellation (停诊, {@code CANCELLED_BY_HOSPITAL}) publishes nothing: it never counts
 * against the patient.
 */
public record AppointmentCancelledByPatient(long appointmentId, long patientId, Instant at) {
}
