package org.openhqd.platform.consultation;

import java.time.Clock;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.patient.PatientLookup;
import org.openhqd.platform.patient.PatientView;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requesting a consultation or a reading, and reading requests and reports. The requester is always
 * the caller's institution and the patient one of its own; the consultant is any other member of
 * the community. Every read shows patient data and is audited in its transaction.
 */
@Service
public class Consultations {

    private final ConsultationStore store;
    private final PatientLookup patients;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    Consultations(ConsultationStore store, PatientLookup patients, Organizations organizations, AuditLog audit, Clock clock) {
        this.store = store;
        this.patients = patients;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a REQUESTED consultation from the caller's institution.
     *
     * @throws ConsultationException 404 for a patient outside the caller's scope, 400 for a consultant that is not
     *     another member of the community
     */
    @Transactional
    public ConsultationView request(NewConsultation n) {
        StaffPrincipal user = CurrentUser.get();
        PatientView patient = patients.get(n.patientId(), user.scope(), "remote consultation request")
                .orElseThrow(() -> new ConsultationException(HttpStatus.NOT_FOUND, "患者不存在或无权访问 / unknown patient", "patientId"));
        // the community's directory: any member institution may be asked, not only those in the caller's scope
        Institution to = organizations.institution(n.consultingInstitutionId(), DataScope.community(user.communityId()))
                .filter(i -> i.id() != user.institutionId())
                .orElseThrow(() -> new ConsultationException(HttpStatus.BAD_REQUEST,
                        "会诊机构须为本医共体内的其他机构 / the consulting institution must be another member of your medical community",
                        "consultingInstitutionId"));
        long id = store.insert(user.communityId(), patient.id(), user.institutionId(), to.id(), n, user.username(), clock.instant());
        audit.record(AuditAction.CREATE, "consultation", id, patient.id(), "new -> REQUESTED " + n.type() + " to " + to.code());
        return store.view(id, DataScope.community(user.communityId())).orElseThrow();
    }

    /** One request in the caller's scope (either side), audited as a read of the patient. */
    @Transactional
    public ConsultationView get(long id) {
        ConsultationView v = store.view(id, CurrentUser.get().scope()).orElseThrow(ConsultationException::notFound);
        audit.record(AuditAction.READ, "consultation", id, v.patientId(), null);
        return v;
    }

    /** Requests received by (incoming) or sent from the caller's institution and its subtree. */
    @Transactional
    public List<ConsultationView> inbox(boolean incoming, ConsultationStatus status) {
        List<ConsultationView> rows = store.inbox(CurrentUser.get().institutionPath(), incoming, status, 200);
        audit.record(AuditAction.READ, "consultation-list", null, null, (incoming ? "incoming" : "outgoing") + " rows " + rows.size());
        return rows;
    }

    /**
     * The patient's remote reports, for staff who may see the patient: registered in their scope, or
     * the subject of a consultation their institution took part in.
     *
     * @throws ConsultationException 404 for anyone else
     */
    @Transactional
    public List<RemoteReport> reports(long patientId) {
        StaffPrincipal user = CurrentUser.get();
        boolean mayRead = store.involves(patientId, user.scope())
                || patients.get(patientId, user.scope(), "remote reports").isPresent();
        if (!mayRead) {
            throw new ConsultationException(HttpStatus.NOT_FOUND, "患者不存在或无权访问 / unknown patient", "id");
        }
        List<RemoteReport> reports = store.reports(patientId, user.communityId());
        audit.record(AuditAction.READ, "remote-report", "patient " + patientId, patientId, "rows " + reports.size());
        return reports;
    }
}
