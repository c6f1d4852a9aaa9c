package org.openhqd.platform.appointments;

import java.time.Instant;

/**
 * An appointment was marked 爽约 (no-show) at {@code at}; published by {@link Visits#markNoShows} so
 * the no-show policy can count it after the marking committed.
 */
public record AppointmentMissed(long appointmentId, long patientId, Instant at) {
}
