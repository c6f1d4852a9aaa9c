package org.openhqd.platform.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下转后续治疗计划: once a downward referral is accepted, the sending (higher-level) doctor or the
 * receiving doctor writes follow-up tasks for the receiving institution; its staff work through
 * them on their worklist, overdue ones first. Every task created, closed or read is audited.
 */
@Service
public class CarePlans {

    /** A plan follows the patient's care at the receiver: from acceptance on, never before or after a refusal. */
    static final Set<ReferralStatus> PLANNABLE = EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.SCHEDULED, ReferralStatus.ARRIVED,
            ReferralStatus.COMPLETED);

    private final ReferralStore referrals;
    private final CareTaskStore tasks;
    private final AuditLog audit;
    private final Clock clock;

    CarePlans(ReferralStore referrals, CareTaskStore tasks, AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds tasks to the care plan of a downward referral; a second call adds more.
     *
     * @throws ReferralException 404 outside the caller's scope, 403 for staff of neither side, 400 for an
     *     upward referral or a task at fault, 409 when the referral is not (yet) accepted
     */
    @Transactional
    public List<CareTaskView> add(long referralId, List<NewCareTask> newTasks) {
        StaffPrincipal user = CurrentUser.get();
        ReferralStore.Row r = referrals.row(referralId, user.scope()).orElseThrow(ReferralException::notFound);
        if (!r.toPath().startsWith(user.institutionPath()) && !r.fromPath().startsWith(user.institutionPath())) {
            throw new ReferralException(HttpStatus.FORBIDDEN,
                    "只有转出或接收机构的人员可以制定治疗计划 / only staff of the sending or receiving institution may plan care", "id");
        }
        if (r.direction() != Direction.DOWN) {
            throw new ReferralException(HttpStatus.BAD_REQUEST,
                    "只有下转的转诊单可以制定后续治疗计划 / a care plan belongs to a downward referral", "direction");
        }
        if (!PLANNABLE.contains(r.status())) {
            throw new ReferralException(HttpStatus.CONFLICT, "转诊单当前状态为 " + r.status() + "，接收后才能制定治疗计划 / the referral is "
                    + r.status() + "; a care plan is made once it is accepted", "status");
        }
        if (newTasks == null || newTasks.isEmpty()) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, "请至少填写一项任务 / at least one task is required", "tasks");
        }
        LocalDate today = today();
        Instant now = clock.instant();
        for (int i = 0; i < newTasks.size(); i++) {
            NewCareTask t = newTasks.get(i);
            if (t.dueDate().isBefore(today)) {
                throw new ReferralException(HttpStatus.BAD_REQUEST, "截止日期不能早于今天 / dueDate is in the past",
                        "tasks[" + i + "].dueDate");
            }
            if (t.assignedStaffId() != null && !tasks.staffOf(t.assignedStaffId(), r.toInstitution())) {
                throw new ReferralException(HttpStatus.BAD_REQUEST, "只能指派给接收机构的人员 / assign the task to staff of the receiving institution",
                        "tasks[" + i + "].assignedStaffId");
            }
        }
        for (NewCareTask t : newTasks) {
            long id = tasks.insert(r, t, user.username(), now);
            audit.record(AuditAction.CREATE, "care-task", id, r.patientId(), "referral " + r.id() + " " + t.type() + " due " + t.dueDate());
        }
        return tasks.ofReferral(r.id(), today);
    }

    /** The care plan of a referral in the caller's scope, audited as a read of the patient. */
    @Transactional
    public List<CareTaskView> plan(long referralId) {
        ReferralStore.Row r = referrals.row(referralId, CurrentUser.get().scope()).orElseThrow(ReferralException::notFound);
        List<CareTaskView> plan = tasks.ofReferral(r.id(), today());
        audit.record(AuditAction.READ, "care-plan", r.id(), r.patientId(), "tasks " + plan.size());
        return plan;
    }

    /** The worklist of the caller's institution (and its subtree) today, overdue tasks first. */
    @Transactional
    public List<CareTaskView> worklist(CareTaskStatus status, boolean overdueOnly) {
        return worklist(status, overdueOnly, today());
    }

    /** The worklist as it stands on {@code today}: which OPEN tasks are overdue depends on the day asked about. */
    @Transactional
    List<CareTaskView> worklist(CareTaskStatus status, boolean overdueOnly, LocalDate today) {
        StaffPrincipal user = CurrentUser.get();
        List<CareTaskView> list = tasks.worklist(user.institutionPath(), status, overdueOnly, today, 500);
        audit.record(AuditAction.READ, "care-task-list", null, null,
                "status " + (status == null ? "any" : status) + (overdueOnly ? " overdue" : "") + " rows " + list.size());
        return list;
    }

    /** Marks an OPEN task done, by staff of the receiving institution, with what was done. */
    @Transactional
    public CareTaskView done(long taskId, String note) {
        return close(taskId, CareTaskStatus.DONE, note, false);
    }

    /** Cancels an OPEN task (no longer needed), by either side, with the reason. */
    @Transactional
    public CareTaskView cancel(long taskId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReferralException(HttpStatus.BAD_REQUEST, "请填写取消原因 / a reason is required", "reason");
        }
        return close(taskId, CareTaskStatus.CANCELLED, reason, true);
    }

    private CareTaskView close(long taskId, CareTaskStatus to, String note, boolean senderMay) {
        StaffPrincipal user = CurrentUser.get();
        CareTaskStore.Row t = tasks.row(taskId, user.scope()).orElseThrow(CarePlans::taskNotFound);
        boolean receiver = t.toPath().startsWith(user.institutionPath());
        boolean sender = t.fromPath().startsWith(user.institutionPath());
        if (!receiver && !(senderMay && sender)) {
            throw new ReferralException(HttpStatus.FORBIDDEN, "只有接收机构的人员可以完成任务 / only staff of the receiving institution may do this",
                    "id");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (t.status() != CareTaskStatus.OPEN || !tasks.close(taskId, to, user.username(), clock.instant(), text)) {
            CareTaskStatus current = tasks.row(taskId, user.scope()).map(CareTaskStore.Row::status).orElse(t.status());
            throw new ReferralException(HttpStatus.CONFLICT, "任务当前状态为 " + current + "，不能再处理 / the task is " + current
                    + " and cannot be " + (to == CareTaskStatus.DONE ? "done" : "cancelled"), "status");
        }
        audit.record(AuditAction.UPDATE, "care-task", taskId, t.patientId(), "OPEN -> " + to + (text == null ? "" : ": " + text));
        return tasks.view(taskId, today()).orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TestResults.CHINA));
    }

    private static ReferralException taskNotFound() {
        return new ReferralException(HttpStatus.NOT_FOUND, "任务不存在或无权访问 / care task not found", "id");
    }
}
