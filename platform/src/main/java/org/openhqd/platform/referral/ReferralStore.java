package org.openhqd.platform.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of referrals. Every read a user makes goes through a {@link DataScope} condition on the
 * sending or the receiving institution, so a referral between two other institutions is never
 * read; state changes are conditional on the status and version the caller saw.
 */
@Repository
class ReferralStore {

    /** What the workflow needs of a referral and its two institutions. */
    record Row(long id, long communityId, long patientId, String patientPath, long fromInstitution, String fromPath,
               long toInstitution, String toPath, Direction direction, ReferralStatus status, int version,
               Instant submittedAt, Long appointmentId) {
    }

    private static final String VIEW_SELECT = """
            SELECT r.*, p.name AS patient_name, p.id_number_masked, fi.name AS from_name, ti.name AS to_name
              FROM referral r
              JOIN patient p ON p.id = r.patient_id
              JOIN institution fi ON fi.id = r.from_institution
              JOIN institution ti ON ti.id = r.to_institution
            """;

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String visibleTo(DataScope scope) {
        return "(" + scope.sql("fi") + " OR " + scope.sql("ti") + ")";
    }

    Optional<Row> row(long id, DataScope scope) {
        return jdbc.sql("""
                        SELECT r.id, r.community_id, r.patient_id, pi.path AS patient_path, r.from_institution, fi.path AS from_path,
                               r.to_institution, ti.path AS to_path, r.direction, r.status, r.version, r.submitted_at, r.appointment_id
                          FROM referral r
                          JOIN patient p ON p.id = r.patient_id
                          JOIN institution pi ON pi.id = p.institution_id
                          JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution
                         WHERE r.id = :id AND """ + visibleTo(scope))
                .param("id", id).params(scope.params())
                .query((rs, n) -> {
                    long appointment = rs.getLong("appointment_id");
                    return new Row(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("patient_id"),
                            rs.getString("patient_path"), rs.getLong("from_institution"), rs.getString("from_path"),
                            rs.getLong("to_institution"), rs.getString("to_path"), Direction.valueOf(rs.getString("direction")),
                            ReferralStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "submitted_at"),
                            rs.wasNull() ? null : appointment);
                })
                .optional();
    }

    Optional<ReferralView> view(long id, DataScope scope) {
        return jdbc.sql(VIEW_SELECT + " WHERE r.id = :id AND " + visibleTo(scope))
                .param("id", id).params(scope.params())
                .query(ReferralStore::view).optional()
                .map(v -> withContent(List.of(v)).get(0));
    }

    /** A page of referrals in scope, newest first; filters are optional. */
    List<ReferralView> list(DataScope scope, Long institution, ReferralStatus status, Direction direction, int page, int size) {
        List<ReferralView> rows = jdbc.sql(VIEW_SELECT + " WHERE " + filter(scope) + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .params(filterParams(scope, institution, status, direction))
                .param("limit", size).param("offset", (long) page * size)
                .query(ReferralStore::view).list();
        return withContent(rows);
    }

    long count(DataScope scope, Long institution, ReferralStatus status, Direction direction) {
        return jdbc.sql("SELECT COUNT(*) FROM referral r JOIN institution fi ON fi.id = r.from_institution "
                        + "JOIN institution ti ON ti.id = r.to_institution WHERE " + filter(scope))
                .params(filterParams(scope, institution, status, direction)).query(Long.class).single();
    }

    private static String filter(DataScope scope) {
        return visibleTo(scope) + " AND (:inst < 0 OR r.from_institution = :inst OR r.to_institution = :inst)"
                + " AND (:status = '' OR r.status = :status) AND (:direction = '' OR r.direction = :direction)";
    }

    private static Map<String, Object> filterParams(DataScope scope, Long institution, ReferralStatus status, Direction direction) {
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        p.put("inst", institution == null ? -1L : institution);
        p.put("status", status == null ? "" : status.name());
        p.put("direction", direction == null ? "" : direction.name());
        return p;
    }

    /**
     * The console inbox: referrals received by (or sent from) the subtree of {@code path}, open
     * ones waiting for a decision first.
     */
    List<ReferralView> inbox(String path, boolean incoming, int limit) {
        String side = incoming ? "ti" : "fi";
        return withContent(jdbc.sql(VIEW_SELECT + " WHERE " + side + ".path LIKE :path ORDER BY CASE r.status WHEN 'SUBMITTED' THEN 0 "
                        + "WHEN 'ACCEPTED' THEN 1 WHEN 'SCHEDULED' THEN 2 ELSE 3 END, r.id DESC LIMIT :limit")
                .param("path", path + "%").param("limit", limit)
                .query(ReferralStore::view).list());
    }

    List<TimelineEntry> timeline(long referralId) {
        return jdbc.sql("SELECT * FROM referral_event WHERE referral_id = :r ORDER BY id").param("r", referralId)
                .query((rs, n) -> new TimelineEntry(
                        rs.getString("from_status") == null ? null : ReferralStatus.valueOf(rs.getString("from_status")),
                        ReferralStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), instant(rs, "occurred_at"),
                        rs.getString("note")))
                .list();
    }

    /**
     * Moves a referral from the status and version the caller read to {@code to}, setting the given
     * columns too. The database serialises concurrent updates of the row, so of two requests that
     * read the same version only one changes it.
     *
     * @return whether this request made the change
     */
    boolean change(Row r, ReferralStatus to, Map<String, Object> columns) {
        StringBuilder sets = new StringBuilder("status = :to, version = version + 1");
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach((column, value) -> {
            sets.append(", ").append(column).append(" = :").append(column); // column names come from code, never from input
            params.put(column, value instanceof Instant i ? utc(i) : value);
        });
        var spec = jdbc.sql("UPDATE referral SET " + sets + " WHERE id = :id AND status = :from AND version = :version")
                .param("to", to.name()).param("id", r.id()).param("from", r.status().name()).param("version", r.version());
        for (var e : params.entrySet()) {
            spec = e.getValue() == null ? spec.param(e.getKey(), null, java.sql.Types.VARCHAR) : spec.param(e.getKey(), e.getValue());
        }
        return spec.update() == 1;
    }

    void setAppointment(long referralId, long appointmentId) {
        jdbc.sql("UPDATE referral SET appointment_id = :a WHERE id = :id").param("a", appointmentId).param("id", referralId).update();
    }

    void event(long referralId, ReferralStatus from, ReferralStatus to, String actor, Instant at, String note) {
        jdbc.sql("INSERT INTO referral_event (referral_id, from_status, to_status, actor, occurred_at, note) "
                        + "VALUES (:r, :from, :to, :actor, :at, :note)")
                .param("r", referralId).param("from", from == null ? null : from.name(), java.sql.Types.VARCHAR)
                .param("to", to.name()).param("actor", actor).param("at", utc(at)).param("note", note, java.sql.Types.VARCHAR)
                .update();
    }

    /** Inserts a referral with its diagnoses and attachments; returns its id. */
    long insert(long community, long patient, long from, long to, NewReferral n, ReferralStatus status, String actor, Instant now) {
        boolean retro = status == ReferralStatus.ARRIVED;
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO referral (community_id, patient_id, from_institution, to_institution, direction, emergency,
                                              retro_entered, status, reason, summary, current_treatment, created_by, created_at,
                                              submitted_at, arrived_at, version)
                        VALUES (:c, :p, :from, :to, :dir, :emergency, :retro, :status, :reason, :summary, :treatment, :by, :now,
                                :submitted, :arrived, 0)""")
                .param("c", community).param("p", patient).param("from", from).param("to", to).param("dir", n.direction().name())
                .param("emergency", n.isEmergency()).param("retro", retro).param("status", status.name())
                .param("reason", n.reason()).param("summary", n.summary(), java.sql.Types.VARCHAR)
                .param("treatment", n.currentTreatment(), java.sql.Types.VARCHAR).param("by", actor).param("now", utc(now))
                .param("submitted", status == ReferralStatus.SUBMITTED ? utc(now) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("arrived", retro ? utc(n.arrivedAt()) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < n.diagnoses().size(); i++) {
            jdbc.sql("INSERT INTO referral_diagnosis (referral_id, position, code) VALUES (:r, :i, :c)")
                    .param("r", id).param("i", i + 1).param("c", n.diagnoses().get(i)).update();
        }
        List<NewReferral.AttachmentRequest> attachments = n.attachments() == null ? List.of() : n.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            jdbc.sql("INSERT INTO referral_attachment (referral_id, position, type, reference, description) VALUES (:r, :i, :t, :ref, :d)")
                    .param("r", id).param("i", i + 1).param("t", a.type()).param("ref", a.reference())
                    .param("d", a.description(), java.sql.Types.VARCHAR).update();
        }
        return id;
    }

    /** Open referrals submitted before {@code before}: candidates for escalation or expiry. */
    List<Row> submittedBefore(Instant before, boolean notYetEscalated) {
        return jdbc.sql("""
                        SELECT r.id, r.community_id, r.patient_id, r.from_institution, fi.path AS from_path, r.to_institution,
                               ti.path AS to_path, r.direction, r.status, r.version, r.submitted_at, r.appointment_id
                          FROM referral r
                          JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution
                         WHERE r.status = 'SUBMITTED' AND r.submitted_at <= :before""" + (notYetEscalated ? " AND r.escalated_at IS NULL" : "")
                        + " ORDER BY r.id")
                .param("before", utc(before))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("patient_id"), null,
                        rs.getLong("from_institution"), rs.getString("from_path"), rs.getLong("to_institution"),
                        rs.getString("to_path"), Direction.valueOf(rs.getString("direction")),
                        ReferralStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "submitted_at"), null))
                .list();
    }

    /** Sets the escalation time once; false when another node escalated it first or it was decided meanwhile. */
    boolean escalate(long referralId, Instant now) {
        return jdbc.sql("UPDATE referral SET escalated_at = :now WHERE id = :id AND status = 'SUBMITTED' AND escalated_at IS NULL")
                .param("now", utc(now)).param("id", referralId).update() == 1;
    }

    void notice(long community, long referralId, String kind, String message, Instant now) {
        jdbc.sql("INSERT INTO referral_notice (community_id, referral_id, kind, message, created_at) VALUES (:c, :r, :k, :m, :now)")
                .param("c", community).param("r", referralId).param("k", kind).param("m", message).param("now", utc(now)).update();
    }

    /** A notice for the community admin: a referral not accepted in time. */
    public record Notice(long id, long referralId, String kind, String message, Instant createdAt) {
    }

    /** Notices about referrals in scope, newest first. */
    List<Notice> notices(DataScope scope, int limit) {
        return jdbc.sql("SELECT n.* FROM referral_notice n JOIN referral r ON r.id = n.referral_id "
                        + "JOIN institution fi ON fi.id = r.from_institution JOIN institution ti ON ti.id = r.to_institution "
                        + "WHERE " + visibleTo(scope) + " ORDER BY n.id DESC LIMIT :limit")
                .params(scope.params()).param("limit", limit)
                .query((rs, n) -> new Notice(rs.getLong("id"), rs.getLong("referral_id"), rs.getString("kind"),
                        rs.getString("message"), instant(rs, "created_at")))
                .list();
    }

    private List<ReferralView> withContent(List<ReferralView> views) {
        if (views.isEmpty()) {
            return views;
        }
        List<Long> ids = views.stream().map(ReferralView::id).toList();
        Map<Long, List<String>> diagnoses = jdbc.sql("SELECT referral_id, code FROM referral_diagnosis WHERE referral_id IN (:ids) "
                        + "ORDER BY referral_id, position").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<Attachment>> attachments = jdbc.sql("SELECT * FROM referral_attachment WHERE referral_id IN (:ids) "
                        + "ORDER BY referral_id, position").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong("referral_id"),
                        new Attachment(rs.getString("type"), rs.getString("reference"), rs.getString("description"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ReferralView> out = new ArrayList<>(views.size());
        for (ReferralView v : views) {
            out.add(v.withContent(diagnoses.getOrDefault(v.id(), List.of()), attachments.getOrDefault(v.id(), List.of())));
        }
        return out;
    }

    private static ReferralView view(ResultSet rs, int n) throws SQLException {
        long appointment = rs.getLong("appointment_id");
        Long appointmentId = rs.wasNull() ? null : appointment;
        return new ReferralView(rs.getLong("id"), ReferralStatus.valueOf(rs.getString("status")),
                Direction.valueOf(rs.getString("direction")), rs.getBoolean("emergency"), rs.getBoolean("retro_entered"),
                rs.getLong("patient_id"), rs.getString("patient_name"), rs.getString("id_number_masked"),
                rs.getLong("from_institution"), rs.getString("from_name"), rs.getLong("to_institution"), rs.getString("to_name"),
                rs.getString("reason"), List.of(), rs.getString("summary"), rs.getString("current_treatment"), List.of(),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "submitted_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("reject_reason"), appointmentId, instant(rs, "arrived_at"),
                instant(rs, "completed_at"), instant(rs, "closed_at"), rs.getString("closed_reason"), instant(rs, "escalated_at"),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
