package org.openhqd.platform.appointments;

/**
 * Counts of one clinic (institution, department, doctor) in one period for one booking channel:
 * the numerators and denominators behind the outpatient indicators, kept apart so they can be
 * added up to any level (a ratio is never averaged).
 *
 * @param period index of the period, {@code [boundaries[period], boundaries[period + 1])}
 * @param doctorId the session's doctor, or null for a session without a named doctor
 * @param appointed appointments whose patient was called into the room (CALLED or SEEN): 预约诊疗人次
 * @param waited of those, the ones with a check-in time (the waiting-time denominator)
 * @param waitSeconds Σ (called − max(arrived, slot start)), never below zero per visit
 * @param noShows appointments marked NO_SHOW
 * @param due appointments that were due and have an outcome: arrived (CHECKED_IN, CALLED, SEEN)
 *     or NO_SHOW; patient and hospital cancellations and not-yet-decided bookings are not due
 * @param booked appointments not cancelled (by the patient or the hospital)
 * @param released numbers released in the channel's pools of open (not stopped) sessions
 */
public record ClinicTally(long institutionId, long departmentId, Long doctorId, String doctorName, int period, Channel channel,
                          long appointed, long waited, double waitSeconds, long noShows, long due, long booked,
                          long released) {
}
