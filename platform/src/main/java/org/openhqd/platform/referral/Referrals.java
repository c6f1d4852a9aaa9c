package org.openhqd.platform.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating referrals and reading them. The sender is always the caller's institution; both
 * institutions must be in the same community and their levels must fit the direction. Every read
 * shows patient data and is audited in its transaction.
 */
@Service
public class Referrals {

    private final ReferralStore store;
    private final PatientAccess patients;
    private final Organizations organizations;
    private final ReferralRecorder recorder;
    private final AuditLog audit;
    private final Clock clock;

    Referrals(ReferralStore store, PatientAccess patients, Organizations organizations, ReferralRecorder recorder, AuditLog audit,
              Clock clock) {
        this.store = store;
        this.patients = patients;
        this.organizations = organizations;
        this.recorder = recorder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of referrals. */
    public record Page(List<ReferralView> content, int page, int size, long totalElements) {
    }

    /**
     * Creates a referral from the caller's institution: submitted at once, kept as a draft, or — for
     * an emergency transfer entered after the fact — created as ARRIVED with the arrival time.
     *
     * @throws ReferralException 400 naming the field at fault, 404 for a patient outside the caller's reach
     */
    @Transactional
    public ReferralView create(NewReferral n) {
        StaffPrincipal user = CurrentUser.get();
        Instant now = clock.instant();
        PatientAccess.Patient patient = patients.find(n.patientId(), user.scope())
                .orElseThrow(() -> new ReferralException(HttpStatus.NOT_FOUND, "患者不存在或无权访问 / unknown patient", "patientId"));
        // the community's directory: a referral goes to any member institution, not only those in the caller's scope
        DataScope community = DataScope.community(user.communityId());
        Institution from = organizations.institution(user.institutionId(), community).orElseThrow();
        Institution to = organizations.institution(n.toInstitutionId(), community)
                .orElseThrow(() -> new ReferralException(HttpStatus.BAD_REQUEST,
                        "接收机构不在本医共体内 / the receiving institution is not a member of your medical community", "toInstitutionId"));
        if (patient.communityId() != user.communityId()) {
            throw new ReferralException(HttpStatus.NOT_FOUND, "患者不存在或无权访问 / unknown patient", "patientId");
        }
        if (!n.direction().fits(from.level(), to.level())) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, n.direction() == Direction.UP
                    ? "上转须转往更高级别的机构（" + from.name() + " 为 " + from.level() + "，" + to.name() + " 为 " + to.level()
                            + "）/ an upward referral goes to an institution of a higher level"
                    : "下转须转往更低级别的机构（" + from.name() + " 为 " + from.level() + "，" + to.name() + " 为 " + to.level()
                            + "）/ a downward referral goes to an institution of a lower level",
                    "direction", "toInstitutionId");
        }
        ReferralStatus status = ReferralStatus.SUBMITTED;
        String note = null;
        if (n.arrivedAt() != null) {
            if (!n.isEmergency()) {
                throw new ReferralException(HttpStatus.BAD_REQUEST,
                        "只有急诊转诊可以补录到达时间 / only an emergency transfer is entered with its arrival time", "arrivedAt");
            }
            if (n.arrivedAt().isAfter(now)) {
                throw new ReferralException(HttpStatus.BAD_REQUEST, "到达时间不能晚于现在 / arrivedAt is in the future", "arrivedAt");
            }
            status = ReferralStatus.ARRIVED;
            note = "急诊转诊补录 / emergency transfer entered after arrival";
        } else if (n.isDraft()) {
            status = ReferralStatus.DRAFT;
        }
        long id = store.insert(user.communityId(), patient.id(), from.id(), to.id(), n, status, user.username(), now);
        ReferralStore.Row row = store.row(id, DataScope.community(user.communityId())).orElseThrow();
        recorder.changed(row, null, status, user.username(), now, note, AuditAction.CREATE);
        return store.view(id, DataScope.community(user.communityId())).orElseThrow();
    }

    /** One referral in the caller's scope (sender's or receiver's side), audited as a read of the patient. */
    @Transactional
    public ReferralView get(long id) {
        ReferralView v = store.view(id, CurrentUser.get().scope()).orElseThrow(ReferralException::notFound);
        audit.record(AuditAction.READ, "referral", id, v.patientId(), null);
        return v;
    }

    /** The referral's state changes in order (its timeline). */
    @Transactional
    public List<TimelineEntry> timeline(long id) {
        ReferralView v = store.view(id, CurrentUser.get().scope()).orElseThrow(ReferralException::notFound);
        audit.record(AuditAction.READ, "referral-events", id, v.patientId(), null);
        return store.timeline(id);
    }

    @Transactional
    public Page list(Long institution, ReferralStatus status, Direction direction, int page, int size) {
        DataScope scope = CurrentUser.get().scope();
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        List<ReferralView> rows = store.list(scope, institution, status, direction, p, s);
        long total = store.count(scope, institution, status, direction);
        audit.record(AuditAction.READ, "referral-list", null, null, "page " + p + " size " + s + " rows " + rows.size());
        return new Page(rows, p, s, total);
    }

    /** The console inbox of the caller's institution (and its subtree), incoming or outgoing. */
    @Transactional
    public List<ReferralView> inbox(boolean incoming) {
        StaffPrincipal user = CurrentUser.get();
        List<ReferralView> rows = store.inbox(user.institutionPath(), incoming, 100);
        audit.record(AuditAction.READ, "referral-list", null, null, (incoming ? "incoming" : "outgoing") + " rows " + rows.size());
        return rows;
    }

    /** Escalation notices about referrals in the caller's scope. */
    public List<ReferralStore.Notice> notices() {
        return store.notices(CurrentUser.get().scope(), 50);
    }
}
