package org.openhqd.platform.appointments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.patient.PatientLookup;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients booking for themselves on the mobile pages (患者自助预约), without a staff login. After
 * the real-name check every action runs as a service principal named {@value #ACTOR}: its
 * institution is the one whose clinic is booked (so the audit trail shows the event to that
 * institution) and its data scope is only the verified patient's own registration site, so the
 * booking service's "patient in scope" check passes for that patient and reaches nothing beyond
 * the site; each method also checks that the appointment is the verified patient's own.
 */
@Service
public class SelfService {

    static final String ACTOR = "patient-self-service";

    private final PatientLookup patients;
    private final Appointments appointments;
    private final AppointmentQueries queries;
    private final VerificationLimiter limiter;
    private final AuditLog audit;

    SelfService(PatientLookup patients, Appointments appointments, AppointmentQueries queries, VerificationLimiter limiter,
                AuditLog audit) {
        this.patients = patients;
        this.appointments = appointments;
        this.queries = queries;
        this.limiter = limiter;
        this.audit = audit;
    }

    /** Too many failed checks from this session or address. */
    public static final class TooManyAttempts extends RuntimeException {
        TooManyAttempts() {
            super("too many verification attempts");
        }
    }

    /**
     * The real-name check, limited per client key; empty on a mismatch (which part did not match
     * is not told). A success is audited as a read of the patient's record.
     *
     * @throws TooManyAttempts when a key has failed too often recently
     */
    @Transactional
    public Optional<PatientLookup.Verified> verify(String name, String idNumber, String phoneLast4, List<String> clientKeys) {
        if (!limiter.allowed(clientKeys)) {
            throw new TooManyAttempts();
        }
        Optional<PatientLookup.Verified> v = patients.verify(name, idNumber, phoneLast4);
        if (v.isEmpty()) {
            limiter.failed(clientKeys);
            return v;
        }
        PatientLookup.Verified p = v.get();
        CurrentUser.runAs(principal(p, p.institutionId(), p.communityId()), () -> {
            audit.record(AuditAction.READ, "patient", p.patientId(), p.patientId(), "real-name verification (self-service)");
            return null;
        });
        return v;
    }

    /** The free APP numbers of a department's slots on a day: schedule data only. */
    public List<SlotView> freeSlots(long institutionId, long departmentId, LocalDate date) {
        return queries.institutionPlace(institutionId)
                .map(pl -> new StaffPrincipal(null, ACTOR, Role.INTEGRATION, institutionId, pl.communityId(), pl.path()))
                .map(p -> CurrentUser.runAs(p, () -> appointments.slots(date, departmentId, Channel.APP)))
                .orElse(List.of()).stream().filter(s -> s.institutionId() == institutionId).toList();
    }

    /** A booked number and where. */
    public record Booked(AppointmentView appointment, AppointmentQueries.SlotPlace place) {
    }

    /** Books a number of the slot through the APP channel for the verified patient. */
    public Booked book(PatientLookup.Verified patient, long slotId, String requestId) {
        AppointmentQueries.SlotPlace place = queries.slotPlace(slotId)
                .filter(p -> p.communityId() == patient.communityId())
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        String key = requestId == null || requestId.isBlank() ? null : "m-" + requestId.strip();
        AppointmentView a = CurrentUser.runAs(principal(patient, place.institutionId(), place.communityId()), () -> {
            try {
                return appointments.book(slotId, patient.patientId(), Channel.APP, key).appointment();
            } catch (Appointments.ReplayedException e) {
                return appointments.byKey(e.key).orElseThrow();
            }
        });
        if (a.patientId() != patient.patientId()) {
            // a request id of someone else's booking: never show it
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "slotId", "请重新预约 / please book again");
        }
        return new Booked(a, place);
    }

    /** The verified patient's upcoming appointments. */
    public List<AppointmentQueries.OwnAppointment> upcoming(PatientLookup.Verified patient) {
        return CurrentUser.runAs(principal(patient, patient.institutionId(), patient.communityId()),
                () -> queries.upcoming(patient.patientId()));
    }

    /** Cancels one of the verified patient's own appointments. */
    public void cancel(PatientLookup.Verified patient, long appointmentId) {
        AppointmentQueries.AppointmentRef ref = queries.appointment(appointmentId)
                .filter(r -> r.patientId() == patient.patientId())
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "预约不存在 / not found"));
        AppointmentQueries.SlotPlace place = queries.slotPlace(ref.slotId()).orElseThrow();
        CurrentUser.runAs(principal(patient, place.institutionId(), place.communityId()), () -> {
            appointments.cancel(appointmentId);
            return null;
        });
    }

    private static StaffPrincipal principal(PatientLookup.Verified patient, long institutionId, long communityId) {
        return new StaffPrincipal(null, ACTOR, Role.INTEGRATION, institutionId, communityId, patient.institutionPath());
    }
}
