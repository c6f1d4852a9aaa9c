package org.openhqd.platform.appointments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the no-show policy after each counted event: a no-show ({@link AppointmentMissed}) or a
 * patient's cancellation ({@link AppointmentCancelledByPatient}). The events arrive after their
 * transaction committed, through the Modulith event publication registry (so an evaluation that
 * failed or was cut off by a restart is retried). For each rule in force at the event's
 * institution that counts this kind of event, the patient's events of that kind in the rule's
 * window and area are counted — only those after the last penalty of the same rule, so one set of
 * events is never punished twice, and never a hospital-side cancellation (停诊), whose status is
 * not counted at all. At the threshold a penalty is given; one below it the patient is warned.
 * Whitelisted patients are not evaluated. Evaluations of one patient are serialised on the
 * patient's row.
 */
@Component
class NoShowPolicyEngine {

    /** A counted event: the appointment and when it happened (the slot's start for a no-show, the cancellation time otherwise). */
    record Counted(long appointmentId, Instant at) {
    }

    private final JdbcClient jdbc;
    private final NoShowRules rules;
    private final Penalties penalties;
    private final NoShowWhitelist whitelist;
    private final PatientNotifications notifications;
    private final AuditLog audit;

    NoShowPolicyEngine(JdbcClient jdbc, NoShowRules rules, Penalties penalties, NoShowWhitelist whitelist,
                       PatientNotifications notifications, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.penalties = penalties;
        this.whitelist = whitelist;
        this.notifications = notifications;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(AppointmentMissed event) {
        evaluate(event.appointmentId(), event.at());
    }

    @ApplicationModuleListener
    void on(AppointmentCancelledByPatient event) {
        evaluate(event.appointmentId(), event.at());
    }

    /** Evaluates the rules for the event that happened to an appointment at {@code at}. */
    @Transactional
    public void evaluate(long appointmentId, Instant at) {
        Map<String, Object> a = jdbc.sql("""
                        SELECT a.patient_id, a.status, cs.institution_id, cs.department_id, i.community_id
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id WHERE a.id = :id""")
                .param("id", appointmentId).query().listOfRows().stream().findFirst().orElse(null);
        if (a == null) {
            return;
        }
        Set<NoShowRule.EventType> kinds = switch ((String) a.get("status")) {
            case "NO_SHOW" -> Set.of(NoShowRule.EventType.NO_SHOW);
            case "CANCELLED" -> Set.of(NoShowRule.EventType.PATIENT_CANCELLED, NoShowRule.EventType.SAME_DAY_CANCELLED);
            default -> Set.of(); // e.g. CANCELLED_BY_HOSPITAL: never counted
        };
        if (kinds.isEmpty()) {
            return;
        }
        long patient = ((Number) a.get("patient_id")).longValue();
        jdbc.sql("SELECT id FROM patient WHERE id = :p FOR UPDATE").param("p", patient).query(Long.class).single();
        if (whitelist.contains(patient)) {
            return;
        }
        long institution = ((Number) a.get("institution_id")).longValue();
        long department = ((Number) a.get("department_id")).longValue();
        long community = ((Number) a.get("community_id")).longValue();
        for (NoShowRule rule : rules.inForce(institution, at)) {
            if (!kinds.contains(rule.eventType())) {
                continue;
            }
            long area = switch (rule.scope()) {
                case DEPARTMENT -> department;
                case INSTITUTION -> institution;
                case COMMUNITY -> community;
            };
            List<Counted> counted = counted(patient, rule, area, at);
            if (counted.size() >= rule.threshold()) {
                penalise(patient, rule, community, institution, department, at, counted);
            } else if (rule.threshold() > 1 && counted.size() == rule.threshold() - 1
                    && counted.get(counted.size() - 1).appointmentId() == appointmentId) {
                // only the event that reached threshold − 1 warns, not others evaluated after it
                notifications.notify(patient, PatientNotifications.Kind.NO_SHOW_WARNING, rule.id(), null,
                        "温馨提示：您" + rule.reason(counted.size()).split(" / ")[0] + "，再有 1 次将" + rule.penaltyText().split(" / ")[0]
                                + "。如有特殊情况请联系医院。");
                audit.recordSystem(AuditAction.CREATE, "patient_notice", null, patient,
                        "NO_SHOW_WARNING " + rule.code() + " " + counted.size() + "/" + rule.threshold());
            }
        }
    }

    /** The patient's events of the rule's kind in its window and area that no earlier penalty of the rule used, oldest first. */
    List<Counted> counted(long patient, NoShowRule rule, long area, Instant at) {
        String areaColumn = switch (rule.scope()) {
            case DEPARTMENT -> "department_id";
            case INSTITUTION -> "institution_id";
            case COMMUNITY -> "community_id";
        };
        Timestamp used = jdbc.sql("SELECT MAX(np.counted_until) FROM no_show_penalty np JOIN no_show_rule r ON r.id = np.rule_id "
                        + "WHERE np.patient_id = :p AND r.code = :code AND np.scope = :scope AND np." + areaColumn + " = :area")
                .param("p", patient).param("code", rule.code()).param("scope", rule.scope().name()).param("area", area)
                .query(Timestamp.class).optional().orElse(null);
        Instant from = rule.windowStart(at);
        String status = rule.eventType() == NoShowRule.EventType.NO_SHOW ? "NO_SHOW" : "CANCELLED";
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT a.id, a.excuse, a.cancelled_at, s.starts_at
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id
                         WHERE a.patient_id = :p AND a.status = :status AND """ + " " + (rule.scope() == NoShowRule.Scope.COMMUNITY
                        ? "i.community_id" : "cs." + areaColumn) + " = :area")
                .param("p", patient).param("status", status).param("area", area).query().listOfRows();
        List<Counted> counted = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Instant slotStart = instant(r.get("starts_at"));
            Instant time = status.equals("NO_SHOW") ? slotStart : instant(r.get("cancelled_at"));
            if (time == null || time.isBefore(from) || time.isAfter(at)) {
                continue;
            }
            if (used != null && !time.isAfter(used.toInstant())) {
                continue;
            }
            if (r.get("excuse") != null && rule.exemptions().contains((String) r.get("excuse"))) {
                continue;
            }
            if (rule.eventType() == NoShowRule.EventType.SAME_DAY_CANCELLED && !chinaDate(time).equals(chinaDate(slotStart))) {
                continue;
            }
            counted.add(new Counted(((Number) r.get("id")).longValue(), time));
        }
        counted.sort(Comparator.comparing(Counted::at).thenComparingLong(Counted::appointmentId));
        return counted;
    }

    private void penalise(long patient, NoShowRule rule, long community, long institution, long department, Instant at,
                          List<Counted> counted) {
        String reason = rule.reason(counted.size());
        Instant countedUntil = counted.get(counted.size() - 1).at();
        long id = penalties.create(patient, rule, community, institution, department, at, countedUntil, reason,
                counted.stream().map(Counted::appointmentId).toList());
        String until = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(NoShowRule.CHINA)
                .format(rule.penaltyEnd(at));
        notifications.notify(patient, PatientNotifications.Kind.NO_SHOW_PENALTY, rule.id(), id,
                "您" + reason.split(" / ")[0] + "，在" + rule.scope().zh + "的预约已暂停至 " + until + "。如有异议可向医院申诉。");
        audit.recordSystem(AuditAction.CREATE, "no_show_penalty", id, patient,
                rule.code() + " " + rule.scope() + ": " + reason + "; appointments "
                        + counted.stream().map(Counted::appointmentId).toList());
    }

    private static LocalDate chinaDate(Instant i) {
        return i.atZone(NoShowRule.CHINA).toLocalDate();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }
}
