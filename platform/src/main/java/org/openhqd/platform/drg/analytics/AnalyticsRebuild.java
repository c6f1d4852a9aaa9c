package org.openhqd.platform.drg.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.drg.DrgAccess;
import org.openhqd.platform.drg.DrgAnalytics;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A manager's request to rebuild the analytics cube (after manual fixes in the database, or when
 * the cube is suspected stale): one institution in the manager's scope, or every institution in it
 * with cases. Audited.
 */
@Service
class AnalyticsRebuild {

    private final DrgAnalytics analytics;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AnalyticsRebuild(DrgAnalytics analytics, JdbcClient jdbc, AuditLog audit, TransactionTemplate transaction) {
        this.analytics = analytics;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = transaction;
    }

    DrgAnalytics.Rebuilt rebuild(StaffPrincipal me, Long institution) {
        if (!DrgAccess.mayManage(me)) {
            throw new AccessDeniedException("rebuilding the DRG analytics needs a DRG manager's role");
        }
        DataScope scope = me.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("inst", institution == null ? -1L : institution);
        List<Long> ids = jdbc.sql("SELECT i.id FROM institution i WHERE " + scope.sql("i")
                        + (institution == null ? " AND (EXISTS (SELECT 1 FROM drg_case c WHERE c.institution_id = i.id)"
                        + " OR EXISTS (SELECT 1 FROM drg_cube_build b WHERE b.institution_id = i.id))"
                        : " AND i.id = :inst"))
                .params(params).query(Long.class).list();
        if (institution != null && ids.isEmpty()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "机构不存在或不在您的数据范围内 / no such institution in your scope");
        }
        DrgAnalytics.Rebuilt done = analytics.rebuild(new TreeSet<>(ids));
        transaction.executeWithoutResult(s -> audit.record(AuditAction.UPDATE, "drg_cube", institution, null,
                "DRG analytics cube rebuilt for institutions " + done.institutionIds() + ": " + done.cases() + " cases, "
                        + done.cubeRows() + " rows, " + done.millis() + " ms"));
        return done;
    }
}
