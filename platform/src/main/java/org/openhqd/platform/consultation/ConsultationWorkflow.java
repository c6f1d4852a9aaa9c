package org.openhqd.platform.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a consultation: who may make each one and from which states. A change is
 * one UPDATE conditional on the status read, so a concurrent second decision gets 409; every change
 * is audited in its transaction.
 */
@Service
public class ConsultationWorkflow {

    enum Side { REQUESTER, CONSULTANT }

    enum Transition {
        ACCEPT(Side.CONSULTANT, EnumSet.of(ConsultationStatus.REQUESTED), ConsultationStatus.ACCEPTED, "接受", "accepted"),
        DECLINE(Side.CONSULTANT, EnumSet.of(ConsultationStatus.REQUESTED), ConsultationStatus.DECLINED, "拒绝", "declined"),
        SCHEDULE(Side.CONSULTANT, EnumSet.of(ConsultationStatus.ACCEPTED), ConsultationStatus.SCHEDULED, "安排会诊时间", "scheduled"),
        // a consultation is reported after its session; a reading straight after acceptance (see reportableFrom)
        REPORT(Side.CONSULTANT, EnumSet.of(ConsultationStatus.ACCEPTED, ConsultationStatus.SCHEDULED), ConsultationStatus.REPORTED,
                "出具报告", "reported"),
        CANCEL(Side.REQUESTER, EnumSet.of(ConsultationStatus.REQUESTED, ConsultationStatus.ACCEPTED, ConsultationStatus.SCHEDULED),
                ConsultationStatus.CANCELLED, "取消", "cancelled");

        final Side side;
        final Set<ConsultationStatus> from;
        final ConsultationStatus to;
        final String zh;
        final String en;

        Transition(Side side, Set<ConsultationStatus> from, ConsultationStatus to, String zh, String en) {
            this.side = side;
            this.from = from;
            this.to = to;
            this.zh = zh;
            this.en = en;
        }

        /** The states this change starts from for a request of the given type. */
        Set<ConsultationStatus> from(ConsultationType type) {
            if (this == REPORT) {
                return EnumSet.of(type.isReading() ? ConsultationStatus.ACCEPTED : ConsultationStatus.SCHEDULED);
            }
            if (this == SCHEDULE && type.isReading()) {
                return EnumSet.noneOf(ConsultationStatus.class);
            }
            return from;
        }
    }

    private final ConsultationStore store;
    private final AuditLog audit;
    private final Clock clock;

    ConsultationWorkflow(ConsultationStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ConsultationView accept(long id) {
        return change(id, Transition.ACCEPT, null, decided());
    }

    @Transactional
    public ConsultationView decline(long id, String reason) {
        String r = required(reason, "reason", "请填写拒绝原因 / a reason is required");
        Map<String, Object> columns = decided();
        columns.put("decline_reason", r);
        return change(id, Transition.DECLINE, r, columns);
    }

    /** Sets the session time of a consultation (readings have none: 409). */
    @Transactional
    public ConsultationView schedule(long id, Instant at) {
        if (at == null) {
            throw new ConsultationException(HttpStatus.BAD_REQUEST, "请填写会诊时间 / scheduledFor is required", "scheduledFor");
        }
        if (!at.isAfter(clock.instant())) {
            throw new ConsultationException(HttpStatus.BAD_REQUEST, "会诊时间须晚于现在 / scheduledFor is not in the future", "scheduledFor");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("scheduled_for", at);
        return change(id, Transition.SCHEDULE, at.toString(), columns);
    }

    /** The consultant's report; from then on it is part of the patient's records. */
    @Transactional
    public ConsultationView report(long id, String findings, String conclusion) {
        String f = required(findings, "findings", "请填写所见 / findings are required");
        String c = required(conclusion, "conclusion", "请填写结论 / a conclusion is required");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("findings", f);
        columns.put("conclusion", c);
        columns.put("reported_by", CurrentUser.get().username());
        columns.put("reported_at", clock.instant());
        return change(id, Transition.REPORT, null, columns);
    }

    @Transactional
    public ConsultationView cancel(long id, String reason) {
        String r = required(reason, "reason", "请填写取消原因 / a reason is required");
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("closed_at", clock.instant());
        columns.put("cancel_reason", r);
        return change(id, Transition.CANCEL, r, columns);
    }

    private Map<String, Object> decided() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("decided_by", CurrentUser.get().username());
        columns.put("decided_at", clock.instant());
        return columns;
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new ConsultationException(HttpStatus.BAD_REQUEST, message, field);
        }
        return value.strip();
    }

    private ConsultationView change(long id, Transition t, String note, Map<String, Object> columns) {
        StaffPrincipal user = CurrentUser.get();
        ConsultationStore.Row c = store.row(id, user.scope()).orElseThrow(ConsultationException::notFound);
        String side = t.side == Side.CONSULTANT ? c.consultingPath() : c.requestingPath();
        if (!side.startsWith(user.institutionPath())) {
            throw new ConsultationException(HttpStatus.FORBIDDEN, t.side == Side.CONSULTANT
                    ? "只有会诊机构的人员可以" + t.zh + " / only staff of the consulting institution may do this"
                    : "只有申请机构的人员可以" + t.zh + " / only staff of the requesting institution may do this", "id");
        }
        if (!t.from(c.type()).contains(c.status())) {
            throw ConsultationException.conflict(c.status(), t.zh, t.en);
        }
        boolean changed;
        try {
            changed = store.change(id, c.status(), t.to, columns);
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            // the winner held the row longer than the database waits for a lock: the same outcome, 409
            throw ConsultationException.conflict(c.status(), t.zh, t.en);
        }
        if (!changed) {
            ConsultationStatus current = store.row(id, user.scope()).map(ConsultationStore.Row::status).orElse(c.status());
            throw ConsultationException.conflict(current, t.zh, t.en);
        }
        audit.record(AuditAction.UPDATE, "consultation", id, c.patientId(), c.status() + " -> " + t.to + (note == null ? "" : ": " + note));
        return store.view(id, user.scope()).orElseThrow();
    }
}
