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
        long same = jdbc.sql("""
                        SELECT COUNT(*) FROM appointment a
                          JOIN slot s ON s.id = a.slot_id JOIN clinic_session c ON c.id = s.session_id
                         WHERE a.patient_id = :p AND a.status IN ('BOOKED', 'CHECKED_IN') AND a.id <> :r
                           AND c.session_date = :d AND c.department_id = :dept""")
                .param("p", patientId).param("r", replacing == null ? -1L : replacing).param("d", slot.date())
                .param("dept", slot.departmentId()).query(Long.class).single();
        if (same > 0) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId",
                    "该患者当天在该科室已有预约 / the patient already has an appointment in this department that day");
        }
        long open = jdbc.sql("""
                        SELECT COUNT(*) FROM appointment a JOIN slot s ON s.id = a.slot_id
                         WHERE a.patient_id = :p AND a.status = 'BOOKED' AND a.id <> :r AND s.starts_at > :now""")
                .param("p", patientId).param("r", replacing == null ? -1L : replacing).param("now", Appointments.utc(now))
                .query(Long.class).single();
        if (open >= maxOpen) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId",
                    "该患者待就诊预约已达 " + maxOpen + " 个上限 / the patient already has " + maxOpen + " open appointments");
        }
    }
}
