package org.openhqd.platform.appointments;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 改约: moves a booked appointment to another slot in one transaction — the new number is taken
 * first, so a patient never loses the old one when the new slot is full. The old appointment becomes
 * RESCHEDULED (a patient's change, not a cancellation that counts towards penalties) and its number
 * goes back to its pool for the waitlist.
 */
@Service
public class Rescheduling {

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final Waitlist waitlist;
    private final AuditLog audit;
    private final Clock clock;

    Rescheduling(JdbcClient jdbc, Appointments appointments, Waitlist waitlist, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.waitlist = waitlist;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Appointments.Booking reschedule(long appointmentId, long newSlotId, String idempotencyKey, String referralRef) {
        if (idempotencyKey != null) {
            Optional<AppointmentView> done = appointments.byKey(idempotencyKey);
            if (done.isPresent()) {
                return new Appointments.Booking(done.get(), false);
            }
        }
        StaffPrincipal user = CurrentUser.get();
        var scope = user.scope();
        Map<String, Object> old = jdbc.sql("SELECT a.* FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN institution i "
                        + "ON i.id = p.institution_id WHERE a.id = :id AND " + scope.sql("i"))
                .param("id", appointmentId).params(scope.params()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "预约不存在或无权访问 / not found"));
        long patientId = ((Number) old.get("patient_id")).longValue();
        long oldSlot = ((Number) old.get("slot_id")).longValue();
        if (oldSlot == newSlotId) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "slotId", "新时段与原时段相同 / the new slot is the current one");
        }
        Channel channel = Channel.valueOf((String) old.get("channel"));
        if (channel == Channel.ADD_ON) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id", "加号不能改约 / add-on numbers cannot be moved");
        }
        int moved = jdbc.sql("UPDATE appointment SET status = 'RESCHEDULED', cancelled_at = :now WHERE id = :id AND status = 'BOOKED' "
                        + "AND (SELECT starts_at FROM slot WHERE slot.id = appointment.slot_id) > :now")
                .param("now", Appointments.utc(clock.instant())).param("id", appointmentId).update();
        if (moved != 1) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id",
                    "只能在就诊时段开始前改约已预约的预约 / only a booked appointment can be moved, before its slot starts");
        }
        Appointments.SlotInfo slot = appointments.slot(newSlotId).filter(s -> s.communityId() == user.communityId())
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        String referral = referralRef != null ? referralRef : (String) old.get("referral_ref");
        AppointmentView created = appointments.take(slot, appointments.patient(patientId), channel, idempotencyKey, referral,
                user.username(), appointmentId);
        jdbc.sql("UPDATE appointment SET rescheduled_to = :n WHERE id = :id").param("n", created.id()).param("id", appointmentId).update();
        appointments.release(((Number) old.get("pool_id")).longValue(), channel);
        audit.record(AuditAction.UPDATE, "appointment", appointmentId, patientId, "rescheduled to appointment " + created.id());
        waitlist.promote(appointments.sessionOfSlot(oldSlot));
        return new Appointments.Booking(created, true);
    }
}
