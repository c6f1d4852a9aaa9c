package org.openhqd.platform.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No-show penalties (爽约处罚): refusing bookings while one applies, appeal (申诉) and its decision,
 * expiry. A penalty under appeal still applies until it is decided; a whitelisted patient is never
 * refused. Staff see the penalties of patients of their scope and those given at institutions of
 * their scope.
 */
@Service
public class Penalties {

    /** ACTIVE → APPEALED → LIFTED (appeal accepted) or back to ACTIVE (rejected); ACTIVE → EXPIRED at its end. */
    public enum Status { ACTIVE, APPEALED, LIFTED, EXPIRED }

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(NoShowRule.CHINA);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final NoShowWhitelist whitelist;
    private final PatientNotifications notifications;

    Penalties(JdbcClient jdbc, AuditLog audit, Clock clock, NoShowWhitelist whitelist, PatientNotifications notifications) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.whitelist = whitelist;
        this.notifications = notifications;
    }

    /**
     * Refuses a booking at a department while a penalty applies to the patient there.
     *
     * @throws Appointments.BookingException 409 on {@code patientId}, saying until when and why
     */
    public void assertMayBook(long patientId, long institutionId, long departmentId) {
        if (whitelist.contains(patientId)) {
            return;
        }
        Optional<Map<String, Object>> p = jdbc.sql("""
                        SELECT np.id, np.scope, np.ends_at, np.reason FROM no_show_penalty np
                         WHERE np.patient_id = :p AND np.status IN ('ACTIVE', 'APPEALED') AND np.starts_at <= :now AND np.ends_at > :now
                           AND ((np.scope = 'COMMUNITY' AND np.community_id = (SELECT community_id FROM institution WHERE id = :inst))
                             OR (np.scope = 'INSTITUTION' AND np.institution_id = :inst)
                             OR (np.scope = 'DEPARTMENT' AND np.department_id = :dept))
                         ORDER BY np.ends_at DESC, np.id""")
                .param("p", patientId).param("now", utc(clock.instant())).param("inst", institutionId).param("dept", departmentId)
                .query().listOfRows().stream().findFirst();
        if (p.isEmpty()) {
            return;
        }
        NoShowRule.Scope scope = NoShowRule.Scope.valueOf((String) p.get().get("scope"));
        String until = UNTIL.format(instant(p.get().get("ends_at")));
        String[] reason = ((String) p.get().get("reason")).split(" / ", 2);
        long id = ((Number) p.get().get("id")).longValue();
        throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId",
                "该患者因" + reason[0] + "，在" + scope.zh + "的预约已暂停至 " + until + "（处罚 #" + id + "，可申诉） / booking suspended "
                        + scope.en + " until " + until + " (China time): " + reason[reason.length - 1] + " (penalty #" + id
                        + ", may be appealed)");
    }

    /** The penalties visible in a scope, newest first; filters may be null. The read is audited. */
    @Transactional
    public List<PenaltyView> list(DataScope scope, Long patientId, Status status) {
        Map<String, Object> q = new HashMap<>(scope.params());
        q.put("p", patientId == null ? -1L : patientId);
        q.put("status", status == null ? "" : status.name());
        List<PenaltyView> rows = jdbc.sql(SELECT + " WHERE " + visible(scope) + " AND (:p < 0 OR np.patient_id = :p) AND (:status = '' OR np.status = :status) "
                        + "ORDER BY np.id DESC LIMIT 500")
                .params(q).query(this::view).list();
        audit.record(AuditAction.READ, "no_show_penalty-list", null, patientId, "status " + status + " rows " + rows.size());
        return rows;
    }

    /** One penalty of the scope, or 404. */
    public PenaltyView get(DataScope scope, long id) {
        return jdbc.sql(SELECT + " WHERE np.id = :id AND " + visible(scope)).param("id", id).params(scope.params())
                .query(this::view).optional()
                .orElseThrow(() -> new NoShowProblem(HttpStatus.NOT_FOUND, "id", "处罚不存在或无权访问 / penalty not found"));
    }

    /** 申诉: the patient (through staff) contests an active penalty; it stays in force until decided. */
    @Transactional
    public PenaltyView appeal(long id, String reason) {
        DataScope scope = CurrentUser.get().scope();
        PenaltyView p = get(scope, id);
        int n = jdbc.sql("UPDATE no_show_penalty SET status = 'APPEALED', appeal_reason = :r, appealed_by = :by, appealed_at = :now "
                        + "WHERE id = :id AND status = 'ACTIVE'")
                .param("r", reason).param("by", CurrentUser.name()).param("now", utc(clock.instant())).param("id", id).update();
        if (n != 1) {
            throw new NoShowProblem(HttpStatus.CONFLICT, "id", "只能对生效中的处罚申诉（当前：" + p.status() + "） / only an active penalty can be "
                    + "appealed (it is " + p.status() + ")");
        }
        audit.record(AuditAction.UPDATE, "no_show_penalty", id, p.patientId(), "APPEALED: " + reason);
        return get(scope, id);
    }

    /** Decides an appeal: accepted lifts the penalty (and tells the patient), rejected puts it back in force. */
    @Transactional
    public PenaltyView decide(long id, boolean accept, String reason) {
        DataScope scope = CurrentUser.get().scope();
        PenaltyView p = get(scope, id);
        Status to = accept ? Status.LIFTED : Status.ACTIVE;
        int n = jdbc.sql("UPDATE no_show_penalty SET status = :to, decision_reason = :r, decided_by = :by, decided_at = :now "
                        + "WHERE id = :id AND status = 'APPEALED'")
                .param("to", to.name()).param("r", reason).param("by", CurrentUser.name()).param("now", utc(clock.instant()))
                .param("id", id).update();
        if (n != 1) {
            throw new NoShowProblem(HttpStatus.CONFLICT, "id", "该处罚没有待处理的申诉（当前：" + p.status() + "） / the penalty has no pending "
                    + "appeal (it is " + p.status() + ")");
        }
        if (accept) {
            notifications.notify(p.patientId(), PatientNotifications.Kind.NO_SHOW_PENALTY_LIFTED, null, id,
                    "您的申诉已通过，预约限制已解除。");
        }
        audit.record(AuditAction.UPDATE, "no_show_penalty", id, p.patientId(), (accept ? "APPEAL_ACCEPTED → " : "APPEAL_REJECTED → ")
                + to + ": " + reason);
        return get(scope, id);
    }

    /** Marks as EXPIRED the active penalties that ended before {@code now} (a system action). */
    @Transactional
    public int expire(Instant now) {
        List<Map<String, Object>> due = jdbc.sql("SELECT id, patient_id FROM no_show_penalty WHERE status = 'ACTIVE' AND ends_at <= :now")
                .param("now", utc(now)).query().listOfRows();
        for (Map<String, Object> p : due) {
            long id = ((Number) p.get("id")).longValue();
            if (jdbc.sql("UPDATE no_show_penalty SET status = 'EXPIRED' WHERE id = :id AND status = 'ACTIVE'").param("id", id).update() == 1) {
                audit.recordSystem(AuditAction.UPDATE, "no_show_penalty", id, ((Number) p.get("patient_id")).longValue(), "EXPIRED");
            }
        }
        return due.size();
    }

    /** Records a penalty and the appointments that triggered it (the engine audits and notifies). */
    long create(long patientId, NoShowRule rule, long communityId, long institutionId, long departmentId, Instant from,
                Instant countedUntil, String reason, List<Long> appointmentIds) {
        jdbc.sql("""
                        INSERT INTO no_show_penalty (patient_id, rule_id, scope, community_id, institution_id, department_id, starts_at,
                                                     ends_at, counted_until, status, reason, created_at)
                        VALUES (:p, :rule, :scope, :community, :inst, :dept, :from, :to, :counted, 'ACTIVE', :reason, :now)""")
                .param("p", patientId).param("rule", rule.id()).param("scope", rule.scope().name()).param("community", communityId)
                .param("inst", institutionId).param("dept", departmentId).param("from", utc(from))
                .param("to", utc(rule.penaltyEnd(from))).param("counted", utc(countedUntil)).param("reason", reason)
                .param("now", utc(clock.instant())).update();
        long id = jdbc.sql("SELECT MAX(id) FROM no_show_penalty WHERE patient_id = :p AND rule_id = :rule")
                .param("p", patientId).param("rule", rule.id()).query(Long.class).single();
        for (long a : appointmentIds) {
            jdbc.sql("INSERT INTO no_show_penalty_event (penalty_id, appointment_id) VALUES (:id, :a)").param("id", id).param("a", a).update();
        }
        return id;
    }

    private static final String SELECT = """
            SELECT np.*, r.code, pt.name AS patient_name, pt.id_number_masked, ni.name AS institution_name, d.name AS department_name
              FROM no_show_penalty np JOIN no_show_rule r ON r.id = np.rule_id
              JOIN patient pt ON pt.id = np.patient_id JOIN institution pi ON pi.id = pt.institution_id
              LEFT JOIN institution ni ON ni.id = np.institution_id LEFT JOIN department d ON d.id = np.department_id""";

    /** The patient belongs to the scope, or the penalty was given at an institution of it. */
    private static String visible(DataScope scope) {
        return "(" + scope.sql("pi") + " OR (ni.id IS NOT NULL AND " + scope.sql("ni") + "))";
    }

    private PenaltyView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Long> appointments = jdbc.sql("SELECT appointment_id FROM no_show_penalty_event WHERE penalty_id = :id ORDER BY appointment_id")
                .param("id", id).query(Long.class).list();
        return new PenaltyView(id, rs.getLong("patient_id"), rs.getString("patient_name"), rs.getString("id_number_masked"),
                rs.getString("code"), NoShowRule.Scope.valueOf(rs.getString("scope")), rs.getObject("institution_id", Long.class),
                rs.getString("institution_name"), rs.getObject("department_id", Long.class), rs.getString("department_name"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), Status.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("appeal_reason"), rs.getString("decision_reason"), appointments);
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
