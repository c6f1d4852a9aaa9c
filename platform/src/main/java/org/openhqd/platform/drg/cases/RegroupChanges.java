package org.openhqd.platform.drg.cases;

import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the changed cases of a run, audited (they name cases by their case id). */
@Service
class RegroupChanges {

    private final RegroupRuns runs;
    private final AuditLog audit;

    RegroupChanges(RegroupRuns runs, AuditLog audit) {
        this.runs = runs;
        this.audit = audit;
    }

    @Transactional
    public RegroupRuns.Changes read(long runId, StaffPrincipal me, Long after, int size) {
        RegroupRuns.Changes c = runs.changes(runId, me.scope(), after, size).orElseThrow(DrgProblem::notFound);
        audit.record(AuditAction.READ, "drg_regroup_change-list", runId, null, "changed cases of regrouping run " + runId
                + (after == null ? "" : " after " + after) + ", " + c.changes().size() + " rows");
        return c;
    }
}
