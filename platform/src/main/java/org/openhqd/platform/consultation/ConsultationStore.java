package org.openhqd.platform.consultation;

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
 * The SQL of consultations. Every read a user makes goes through a {@link DataScope} condition on
 * the requesting or the consulting institution; a state change is one UPDATE conditional on the
 * status the caller saw, so of two concurrent decisions exactly one wins.
 */
@Repository
class ConsultationStore {

    /** What the workflow needs: the two sides, the type and the status. */
    record Row(long id, long communityId, ConsultationType type, long patientId, String requestingPath, String consultingPath,
               ConsultationStatus status) {
    }

    private static final String VIEW_SELECT = """
            SELECT c.*, p.name AS patient_name, p.id_number_masked, ri.name AS requesting_name, ci.name AS consulting_name
              FROM consultation c
              JOIN patient p ON p.id = c.patient_id
              JOIN institution ri ON ri.id = c.requesting_institution
              JOIN institution ci ON ci.id = c.consulting_institution
            """;

    private final JdbcClient jdbc;

    ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String visibleTo(DataScope scope) {
        return "(" + scope.sql("ri") + " OR " + scope.sql("ci") + ")";
    }

    long insert(long community, long patient, long from, long to, NewConsultation n, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO consultation (community_id, type, patient_id, requesting_institution, consulting_institution, urgency,
                                                  question, status, requested_by, requested_at)
                        VALUES (:c, :type, :p, :from, :to, :urgency, :q, 'REQUESTED', :by, :now)""")
                .param("c", community).param("type", n.type().name()).param("p", patient).param("from", from).param("to", to)
                .param("urgency", n.urgencyOrRoutine().name()).param("q", n.question().strip()).param("by", actor)
                .param("now", utc(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        List<Study> studies = n.studiesOrNone();
        for (int i = 0; i < studies.size(); i++) {
            jdbc.sql("INSERT INTO consultation_study (consultation_id, position, reference, description) VALUES (:c, :i, :r, :d)")
                    .param("c", id).param("i", i + 1).param("r", studies.get(i).reference())
                    .param("d", studies.get(i).description(), java.sql.Types.VARCHAR).update();
        }
        return id;
    }

    Optional<Row> row(long id, DataScope scope) {
        return jdbc.sql("""
                        SELECT c.id, c.community_id, c.type, c.patient_id, ri.path AS requesting_path, ci.path AS consulting_path, c.status
                          FROM consultation c
                          JOIN institution ri ON ri.id = c.requesting_institution
                          JOIN institution ci ON ci.id = c.consulting_institution
                         WHERE c.id = :id AND """ + visibleTo(scope))
                .param("id", id).params(scope.params())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("community_id"), ConsultationType.valueOf(rs.getString("type")),
                        rs.getLong("patient_id"), rs.getString("requesting_path"), rs.getString("consulting_path"),
                        ConsultationStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    Optional<ConsultationView> view(long id, DataScope scope) {
        return jdbc.sql(VIEW_SELECT + " WHERE c.id = :id AND " + visibleTo(scope)).param("id", id).params(scope.params())
                .query(ConsultationStore::view).optional().map(v -> withStudies(List.of(v)).get(0));
    }

    /**
     * Requests received by (incoming) or sent from the subtree of {@code path}, those waiting for the
     * reader's action first, then newest first; {@code status} filters when given.
     */
    List<ConsultationView> inbox(String path, boolean incoming, ConsultationStatus status, int limit) {
        String side = incoming ? "ci" : "ri";
        return withStudies(jdbc.sql(VIEW_SELECT + " WHERE " + side + ".path LIKE :path AND (:status = '' OR c.status = :status) "
                        + "ORDER BY CASE c.status WHEN 'REQUESTED' THEN 0 WHEN 'ACCEPTED' THEN 1 WHEN 'SCHEDULED' THEN 2 ELSE 3 END, "
                        + "CASE c.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, c.id DESC LIMIT :limit")
                .param("path", path + "%").param("status", status == null ? "" : status.name()).param("limit", limit)
                .query(ConsultationStore::view).list());
    }

    /** Whether a consultation of the patient involves an institution of the scope (the consultant sees the patient through it). */
    boolean involves(long patientId, DataScope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation c JOIN institution ri ON ri.id = c.requesting_institution "
                        + "JOIN institution ci ON ci.id = c.consulting_institution WHERE c.patient_id = :p AND " + visibleTo(scope))
                .param("p", patientId).params(scope.params()).query(Long.class).single() > 0;
    }

    /** The patient's reports written within the community, newest first. */
    List<RemoteReport> reports(long patientId, long community) {
        return jdbc.sql(VIEW_SELECT + " WHERE c.patient_id = :p AND c.community_id = :c AND c.status = 'REPORTED' "
                        + "ORDER BY c.reported_at DESC, c.id DESC")
                .param("p", patientId).param("c", community)
                .query((rs, n) -> new RemoteReport(rs.getLong("id"), ConsultationType.valueOf(rs.getString("type")),
                        rs.getLong("patient_id"), rs.getString("requesting_name"), rs.getString("consulting_name"),
                        rs.getString("question"), rs.getString("findings"), rs.getString("conclusion"), rs.getString("reported_by"),
                        instant(rs, "reported_at")))
                .list();
    }

    /** Moves from {@code from} to {@code to} setting the columns; false when the status changed meanwhile. */
    boolean change(long id, ConsultationStatus from, ConsultationStatus to, Map<String, Object> columns) {
        StringBuilder sets = new StringBuilder("status = :to");
        columns.keySet().forEach(column -> sets.append(", ").append(column).append(" = :").append(column)); // names from code only
        var spec = jdbc.sql("UPDATE consultation SET " + sets + " WHERE id = :id AND status = :from")
                .param("to", to.name()).param("from", from.name()).param("id", id);
        for (var e : columns.entrySet()) {
            Object v = e.getValue() instanceof Instant i ? utc(i) : e.getValue();
            spec = v == null ? spec.param(e.getKey(), null, java.sql.Types.VARCHAR) : spec.param(e.getKey(), v);
        }
        return spec.update() == 1;
    }

    private List<ConsultationView> withStudies(List<ConsultationView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<Long, List<Study>> studies = jdbc.sql("SELECT * FROM consultation_study WHERE consultation_id IN (:ids) "
                        + "ORDER BY consultation_id, position").param("ids", views.stream().map(ConsultationView::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong("consultation_id"), new Study(rs.getString("reference"), rs.getString("description"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<ConsultationView> out = new ArrayList<>(views.size());
        for (ConsultationView v : views) {
            out.add(v.withStudies(studies.getOrDefault(v.id(), List.of())));
        }
        return out;
    }

    private static ConsultationView view(ResultSet rs, int n) throws SQLException {
        return new ConsultationView(rs.getLong("id"), ConsultationType.valueOf(rs.getString("type")),
                ConsultationStatus.valueOf(rs.getString("status")), Urgency.valueOf(rs.getString("urgency")), rs.getLong("patient_id"),
                rs.getString("patient_name"), rs.getString("id_number_masked"), rs.getLong("requesting_institution"),
                rs.getString("requesting_name"), rs.getLong("consulting_institution"), rs.getString("consulting_name"),
                rs.getString("question"), List.of(), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decline_reason"), instant(rs, "scheduled_for"),
                rs.getString("findings"), rs.getString("conclusion"), rs.getString("reported_by"), instant(rs, "reported_at"),
                instant(rs, "closed_at"), rs.getString("cancel_reason"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
