package org.openhqd.platform.appointments;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-patient limits that stop hoarding (囤号) and duplicate bookings through several channels:
 * one appointment per day and department, and at most {@code hqd.appointments.max-open-bookings}
 * upcoming appointments in all.
 */
@Component
class BookingLimits {

    private final JdbcClient jdbc;
    private final int maxOpen;

    BookingLimits(JdbcClient jdbc, @Value("${hqd.appointments.max-open-bookings:5}") int maxOpen) {
        this.jdbc = jdbc;
        this.maxOpen = maxOpen;
    }

    /** @param replacing an appointment being rescheduled: it does not count */
    void check(long patientId, Appointments.SlotInfo slot, Long replacing, Instant now) {
        // both limits in one read: the same day and department, and all open appointments
        long[] counts = jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN a.status IN ('BOOKED', 'CHECKED_IN') AND c.session_date = :d
                                                  AND c.department_id = :dept THEN 1 ELSE 0 END), 0) AS same_day,
                               COALESCE(SUM(CASE WHEN a.status = 'BOOKED' AND s.starts_at > :now THEN 1 ELSE 0 END), 0) AS open_now
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN clinic_session c ON c.id = s.session_id
                         WHERE a.patient_id = :p AND a.id <> :r AND a.status IN ('BOOKED', 'CHECKED_IN')""")
                .param("p", patientId).param("r", replacing == null ? -1L : replacing).param("d", slot.date())
                .param("dept", slot.departmentId()).param("now", Appointments.utc(now))
                .query((rs, n) -> new long[] {rs.getLong("same_day"), rs.getLong("open_now")}).single();
        long same = counts[0];
        long open = counts[1];
        if (same > 0) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId",
                    "该患者当天在该科室已有预约 / the patient already has an appointment in this department that day");
        }
        if (open >= maxOpen) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId",
                    "该患者待就诊预约已达 " + maxOpen + " 个上限 / the patient already has " + maxOpen + " open appointments");
        }
    }
}
