package org.openhqd.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. A write joins the caller's transaction, so a change and its audit
 * record commit together; a failed audit write fails the operation (nothing is done unrecorded),
 * and a read of patient data is not returned unless its audit record was written.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the current user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String entity, Object entityId, Long patientId, String detail) {
        StaffPrincipal p = CurrentUser.find().orElse(null);
        write(p == null ? "anonymous" : p.username(), p == null ? null : p.institutionId(), action, entity, entityId,
                patientId, detail);
    }

    /** Records what the system did by itself (scheduled jobs), inside the job's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSystem(AuditAction action, String entity, Object entityId, Long patientId, String detail) {
        write("system", null, action, entity, entityId, patientId, detail);
    }

    /** Records an event outside a user's transaction (logins), in its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordStandalone(String actor, AuditAction action, String detail) {
        // the actor's institution, so that the event shows only to auditors of that community
        Long institution = jdbc.sql("SELECT institution_id FROM staff WHERE username = :u").param("u", actor)
                .query(Long.class).optional().orElse(null);
        write(actor, institution, action, null, null, null, detail);
    }

    private void write(String actor, Long institutionId, AuditAction action, String entity, Object entityId, Long patientId,
                       String detail) {
        int rows = jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, actor_institution_id, action, entity, entity_id,
                                                 patient_id, remote_address, detail)
                        VALUES (:at, :actor, :inst, :action, :entity, :entityId, :patient, :remote, :detail)""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", truncate(actor, 64))
                .param("inst", institutionId, java.sql.Types.BIGINT)
                .param("action", action.name())
                .param("entity", entity, java.sql.Types.VARCHAR)
                .param("entityId", entityId == null ? null : String.valueOf(entityId), java.sql.Types.VARCHAR)
                .param("patient", patientId, java.sql.Types.BIGINT)
                .param("remote", remoteAddress(), java.sql.Types.VARCHAR)
                .param("detail", truncate(detail, 1000), java.sql.Types.VARCHAR)
                .update();
        if (rows != 1) {
            throw new IllegalStateException("audit record not written");
        }
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
