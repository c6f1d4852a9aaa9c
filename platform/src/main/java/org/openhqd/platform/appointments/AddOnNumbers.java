package org.openhqd.platform.appointments;

import java.time.Clock;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加号: the session's doctor (or the head of its department, or an administrator of its institution)
 * gives one patient a number beyond the planned capacity. It lives in the slot's ADD_ON pool, whose
 * capacity grows by one in the same transaction, so the planned pools stay exact and every add-on
 * is attributable to the person who approved it (the appointment's booked_by).
 */
@Service
public class AddOnNumbers {

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final Clock clock;

    AddOnNumbers(JdbcClient jdbc, Appointments appointments, Clock clock) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Transactional
    public AppointmentView addOn(long slotId, long patientId) {
        StaffPrincipal user = CurrentUser.get();
        Appointments.SlotInfo slot = appointments.slot(slotId).filter(s -> s.communityId() == user.communityId())
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        boolean approves = switch (user.role()) {
            case DOCTOR -> user.staffId() != null && user.staffId().equals(slot.doctorId());
            case DEPARTMENT_HEAD -> user.staffId() != null && jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = :s AND department_id = :d")
                    .param("s", user.staffId()).param("d", slot.departmentId()).query(Long.class).single() > 0;
            case INSTITUTION_ADMIN -> user.institutionId() == slot.institutionId();
            case SYSTEM_ADMIN, COMMUNITY_ADMIN -> true;
            default -> false;
        };
        if (!approves) {
            throw new Appointments.BookingException(HttpStatus.FORBIDDEN, "slotId",
                    "只有出诊医生、科主任或机构管理员可以加号 / only the session's doctor, department head or administrator may add a number");
        }
        Appointments.PatientInfo patient = appointments.patientInScope(patientId);
        int grown = jdbc.sql("UPDATE slot_pool SET capacity = capacity + 1 WHERE slot_id = :s AND channel = 'ADD_ON'")
                .param("s", slotId).update();
        if (grown == 0) {
            jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, 'ADD_ON', 1, 0, :now)")
                    .param("s", slotId).param("now", Appointments.utc(clock.instant())).update();
        }
        return appointments.take(slot, patient, Channel.ADD_ON, null, null, user.username() + " (加号)", null);
    }
}
