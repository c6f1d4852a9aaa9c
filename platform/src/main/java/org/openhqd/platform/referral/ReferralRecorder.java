package org.openhqd.platform.referral;

import java.time.Instant;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every state change leaves behind, in the change's transaction: its row in the timeline, its
 * audit record and the {@link ReferralStateChanged} event — all committed with the change or not at all.
 */
@Component
class ReferralRecorder {

    static final String SYSTEM = "system";

    private final ReferralStore store;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ReferralRecorder(ReferralStore store, AuditLog audit, ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void changed(ReferralStore.Row r, ReferralStatus from, ReferralStatus to, String actor, Instant at, String note,
                 AuditAction action) {
        store.event(r.id(), from, to, actor, at, note);
        String detail = (from == null ? "new" : from.name()) + " -> " + to + (note == null ? "" : ": " + note);
        if (SYSTEM.equals(actor)) {
            audit.recordSystem(action, "referral", r.id(), r.patientId(), detail);
        } else {
            audit.record(action, "referral", r.id(), r.patientId(), detail);
        }
        events.publishEvent(new ReferralStateChanged(r.id(), r.fromInstitution(), r.toInstitution(), r.direction(), to, at));
    }

    /** An escalation: the status stays, the timeline and the audit trail show it (no state-change event). */
    @Transactional(propagation = Propagation.MANDATORY)
    void escalated(ReferralStore.Row r, Instant at, String message) {
        store.event(r.id(), r.status(), r.status(), SYSTEM, at, message);
        audit.recordSystem(AuditAction.UPDATE, "referral", r.id(), r.patientId(), "escalated: " + message);
    }
}
