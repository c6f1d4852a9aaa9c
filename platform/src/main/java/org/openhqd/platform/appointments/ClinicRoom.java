package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctor's consulting room (诊室): the doctor moves the patients of their own sessions through
 * the queue (叫号 → 就诊完成) and books the follow-up visit (诊间预约) into a later slot of the same
 * department from the in-clinic (CLINIC) pool. Another doctor's session is "not found", even in
 * the same hospital: the queue belongs to the doctor sitting in the room.
 */
@Service
public class ClinicRoom {

    private final JdbcClient jdbc;
    private final Visits visits;
    private final Appointments appointments;
    private final AppointmentQueries queries;
    private final Clock clock;

    ClinicRoom(JdbcClient jdbc, Visits visits, Appointments appointments, AppointmentQueries queries, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.appointments = appointments;
        this.queries = queries;
        this.clock = clock;
    }

    /** 叫号: the next patient into the room. */
    public AppointmentView call(long appointmentId) {
        own(appointmentId);
        return visits.advance(appointmentId, Visits.Step.CALL);
    }

    /** 就诊完成. */
    public AppointmentView seen(long appointmentId) {
        own(appointmentId);
        return visits.advance(appointmentId, Visits.Step.SEEN);
    }

    /** The follow-up choice: later slots of the appointment's department on a day, free numbers of the CLINIC pool. */
    public FollowUpOptions followUpSlots(long appointmentId, LocalDate date) {
        AppointmentQueries.AppointmentRef ref = own(appointmentId);
        long department = departmentOf(ref.sessionId());
        var now = clock.instant();
        List<SlotView> later = appointments.slots(date, department, Channel.CLINIC).stream()
                .filter(s -> s.start().isAfter(now) && s.sessionId() != ref.sessionId()).toList();
        boolean anyPool = later.stream().anyMatch(s -> hasClinicPool(s.id()));
        return new FollowUpOptions(date, later.stream().map(s -> new FollowUpSlot(s.id(),
                java.time.LocalDateTime.ofInstant(s.start(), Appointments.CHINA), s.doctorName(), s.available())).toList(), anyPool);
    }

    /** Later slots for a follow-up and whether any of them has an in-clinic pool at all. */
    public record FollowUpOptions(LocalDate date, List<FollowUpSlot> slots, boolean clinicPoolExists) {
    }

    /** A later slot with its free CLINIC numbers. */
    public record FollowUpSlot(long id, java.time.LocalDateTime start, String doctorName, int available) {
    }

    /**
     * 诊间预约: books the patient of an appointment in the doctor's own session (in the room or just
     * seen) into a later slot of the same department, through the CLINIC pool.
     */
    @Transactional
    public Appointments.Booking bookFollowUp(long appointmentId, long slotId, String requestId) {
        AppointmentQueries.AppointmentRef ref = own(appointmentId);
        if (!List.of("CALLED", "SEEN").contains(ref.status())) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id",
                    "只能为诊室中的患者诊间预约 / only the patient in the room can be booked for a follow-up");
        }
        AppointmentQueries.SlotPlace target = queries.slotPlace(slotId)
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        AppointmentQueries.SlotPlace current = queries.slotPlace(ref.slotId()).orElseThrow();
        if (target.departmentId() != current.departmentId() || !target.start().isAfter(current.start())
                || target.sessionId() == current.sessionId()) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "slotId",
                    "复诊只能预约本科室以后的出诊 / a follow-up goes into a later session of the same department");
        }
        if (!hasClinicPool(slotId)) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "slotId",
                    "该时段未设诊间预约号源 / this slot has no in-clinic (CLINIC) pool");
        }
        return appointments.book(slotId, ref.patientId(), Channel.CLINIC, requestId);
    }

    private boolean hasClinicPool(long slotId) {
        return jdbc.sql("SELECT COUNT(*) FROM slot_pool WHERE slot_id = :s AND channel = 'CLINIC'").param("s", slotId)
                .query(Long.class).single() > 0;
    }

    private long departmentOf(long sessionId) {
        return jdbc.sql("SELECT department_id FROM clinic_session WHERE id = :id").param("id", sessionId).query(Long.class).single();
    }

    /** The appointment, when it is in a session of the logged-in doctor; otherwise 404. */
    private AppointmentQueries.AppointmentRef own(long appointmentId) {
        StaffPrincipal me = CurrentUser.get();
        AppointmentQueries.AppointmentRef ref = queries.appointment(appointmentId).orElse(null);
        Long doctor = ref == null ? null : jdbc.sql("SELECT doctor_id FROM clinic_session WHERE id = :id")
                .param("id", ref.sessionId()).query(Long.class).optional().orElse(null);
        if (ref == null || me.staffId() == null || !me.staffId().equals(doctor)) {
            throw new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "预约不存在或无权访问 / not found");
        }
        return ref;
    }
}
