package org.openhqd.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Searching the audit trail (auditor role). */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, String action, String entity, String entityId, Long patientId,
                        String remoteAddress, String detail) {
        private static final java.time.format.DateTimeFormatter TIME =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

        /** China time, as the console shows it. */
        public String time() {
            return TIME.format(at);
        }
    }

    /** Newest first, within the scope; null or blank filters are ignored; dates are China dates, both inclusive. */
    public List<Entry> search(org.openhqd.platform.security.DataScope scope, String actor, String action, Long patientId,
                              LocalDate from, LocalDate to, int limit) {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        StringBuilder where = new StringBuilder("1 = 1");
        var q = new java.util.HashMap<String, Object>();
        if (scope.communityId() != null) {
            // an auditor sees the events of its own community's people only (events of unknown
            // actors, such as failed logins with a made-up name, are for system administrators)
            where.append(" AND actor_institution_id IN (SELECT i.id FROM institution i WHERE ").append(scope.sql("i")).append(")");
            q.putAll(scope.params());
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" AND actor = :actor");
            q.put("actor", actor.strip());
        }
        if (action != null && !action.isBlank()) {
            where.append(" AND action = :action");
            q.put("action", action);
        }
        if (patientId != null) {
            where.append(" AND patient_id = :patient");
            q.put("patient", patientId);
        }
        if (from != null) {
            where.append(" AND occurred_at >= :from");
            q.put("from", from.atStartOfDay(china).toOffsetDateTime());
        }
        if (to != null) {
            where.append(" AND occurred_at < :to");
            q.put("to", to.plusDays(1).atStartOfDay(china).toOffsetDateTime());
        }
        return jdbc.sql("SELECT * FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT " + Math.min(Math.max(limit, 1), 1000))
                .params(q)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getObject("patient_id") == null ? null : rs.getLong("patient_id"), rs.getString("remote_address"),
                        rs.getString("detail")))
                .list();
    }
}
