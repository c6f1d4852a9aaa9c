package org.openhqd.platform.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registration desk, the doctor's room and the patients' self-service pages list: the
 * departments and sessions of a day, the slots with their free numbers per channel, and a session's
 * queue (候诊队列). Staff queries are bounded by the caller's data scope in SQL; a queue read shows
 * patients and is audited per patient.
 */
@Service
public class AppointmentQueries {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Appointments appointments;
    private final Clock clock;

    AppointmentQueries(JdbcClient jdbc, AuditLog audit, Appointments appointments, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.appointments = appointments;
        this.clock = clock;
    }

    public record Option(long id, String name, String institutionName) {
    }

    public record SessionView(long id, long institutionId, long departmentId, String departmentName, Long doctorId,
                              String doctorName, LocalDate date, String block, String clinicType, String status) {
    }

    /** A slot as the desk sees it: free numbers for every channel that has a pool in it. */
    public record ChannelSlot(long id, long sessionId, String doctorName, String clinicType, LocalDateTime start,
                              LocalTime end, int capacity, Map<Channel, Integer> free) {

        public int freeIn(Channel channel) {
            return free.getOrDefault(channel, 0);
        }
    }

    /** One appointment of a session's queue, the patient's identity masked. */
    public record QueueEntry(long appointmentId, long sessionId, int sequenceNumber, LocalTime suggestedAt, long patientId,
                             String patientName, String idNumberMasked, Channel channel, String status, LocalTime arrivedAt) {
    }

    Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Appointments.CHINA));
    }

    /** The departments of the institutions in the scope. */
    public List<Option> departments(DataScope scope) {
        return jdbc.sql("SELECT d.id, d.name, i.name AS institution FROM department d JOIN institution i ON i.id = d.institution_id "
                        + "WHERE " + scope.sql("i") + " ORDER BY i.id, d.code")
                .params(scope.params())
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The sessions of a department on a day, when the department is in the scope. */
    public List<SessionView> sessions(LocalDate date, long departmentId, DataScope scope) {
        return jdbc.sql(SESSIONS + " WHERE cs.session_date = :date AND cs.department_id = :d AND " + scope.sql("i")
                        + " ORDER BY cs.block DESC, cs.id")
                .param("date", date).param("d", departmentId).params(scope.params())
                .query(AppointmentQueries::session).list();
    }

    /** A doctor's own sessions of a day (出诊). */
    public List<SessionView> doctorSessions(long staffId, LocalDate date) {
        return jdbc.sql(SESSIONS + " WHERE cs.session_date = :date AND cs.doctor_id = :doc ORDER BY cs.block DESC, cs.id")
                .param("date", date).param("doc", staffId).query(AppointmentQueries::session).list();
    }

    public Optional<SessionView> session(long sessionId, DataScope scope) {
        return jdbc.sql(SESSIONS + " WHERE cs.id = :id AND " + scope.sql("i"))
                .param("id", sessionId).params(scope.params()).query(AppointmentQueries::session).optional();
    }

    private static final String SESSIONS = """
            SELECT cs.id, cs.institution_id, cs.department_id, d.name AS department_name, cs.doctor_id, st.name AS doctor_name,
                   cs.session_date, cs.block, cs.clinic_type, cs.status
              FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id JOIN department d ON d.id = cs.department_id
              LEFT JOIN staff st ON st.id = cs.doctor_id""";

    private static SessionView session(ResultSet rs, int n) throws SQLException {
        long doctor = rs.getLong("doctor_id");
        return new SessionView(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("department_id"),
                rs.getString("department_name"), rs.wasNull() ? null : doctor, rs.getString("doctor_name"),
                rs.getObject("session_date", LocalDate.class), rs.getString("block"), rs.getString("clinic_type"),
                rs.getString("status"));
    }

    /**
     * The slots of a department's open sessions on a day with the free numbers of every channel,
     * optionally of one session; the department must be in the scope. The counts come from
     * {@link Appointments#slots}, so the desk sees exactly what booking will allow.
     */
    public List<ChannelSlot> slots(LocalDate date, long departmentId, Long sessionId, DataScope scope) {
        List<Long> sessions = sessions(date, departmentId, scope).stream().map(SessionView::id)
                .filter(id -> sessionId == null || id.equals(sessionId)).toList();
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<Long, ChannelSlot> byId = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            for (SlotView s : appointments.slots(date, departmentId, channel)) {
                if (!sessions.contains(s.sessionId())) {
                    continue;
                }
                ChannelSlot c = byId.computeIfAbsent(s.id(), id -> new ChannelSlot(id, s.sessionId(), s.doctorName(), s.clinicType(),
                        LocalDateTime.ofInstant(s.start(), Appointments.CHINA), LocalTime.ofInstant(s.end(), Appointments.CHINA),
                        s.capacity(), new EnumMap<>(Channel.class)));
                c.free().put(channel, s.available());
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * A session's queue: the patient in the room first, then those checked in by arrival, then the
     * booked by number, then the rest. Each patient shown is an audited read.
     */
    @Transactional
    public List<QueueEntry> queue(long sessionId, DataScope scope, String purpose) {
        List<QueueEntry> rows = jdbc.sql("""
                        SELECT a.id, s.session_id, a.sequence_number, a.suggested_at, a.patient_id, pt.name, pt.id_number_masked,
                               a.channel, a.status, a.arrived_at
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id JOIN patient pt ON pt.id = a.patient_id
                         WHERE s.session_id = :sid AND""" + " " + scope.sql("i") + """

                         ORDER BY CASE a.status WHEN 'CALLED' THEN 0 WHEN 'CHECKED_IN' THEN 1 WHEN 'BOOKED' THEN 2 ELSE 3 END,
                                  a.arrived_at, a.sequence_number""")
                .param("sid", sessionId).params(scope.params())
                .query((rs, n) -> new QueueEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), time(rs.getTimestamp(4)),
                        rs.getLong(5), rs.getString(6), rs.getString(7), Channel.valueOf(rs.getString(8)), rs.getString(9),
                        time(rs.getTimestamp(10))))
                .list();
        for (QueueEntry e : rows) {
            audit.record(AuditAction.READ, "patient", e.patientId(), e.patientId(), purpose + " session " + sessionId);
        }
        return rows;
    }

    // --- public, for the self-service pages: organisation and schedule data only, no patient data ---

    /** Institutions with open sessions from today for the coming week. */
    public List<Option> institutionsWithSessions() {
        LocalDate today = today();
        return jdbc.sql("SELECT DISTINCT i.id, i.name, i.code FROM institution i JOIN clinic_session cs ON cs.institution_id = i.id "
                        + "WHERE cs.status = 'OPEN' AND cs.session_date BETWEEN :from AND :to ORDER BY i.code")
                .param("from", today).param("to", today.plusDays(7))
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), rs.getString(2))).list();
    }

    /** Departments of an institution with open sessions from today for the coming week. */
    public List<Option> departmentsWithSessions(long institutionId) {
        LocalDate today = today();
        return jdbc.sql("SELECT DISTINCT d.id, d.name, d.code, i.name AS institution FROM department d "
                        + "JOIN clinic_session cs ON cs.department_id = d.id JOIN institution i ON i.id = d.institution_id "
                        + "WHERE d.institution_id = :i AND cs.status = 'OPEN' AND cs.session_date BETWEEN :from AND :to ORDER BY d.code")
                .param("i", institutionId).param("from", today).param("to", today.plusDays(7))
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2), rs.getString(4))).list();
    }

    /** An institution's community and materialised path. */
    public record InstitutionPlace(long id, String name, long communityId, String path) {
    }

    public Optional<InstitutionPlace> institutionPlace(long institutionId) {
        return jdbc.sql("SELECT id, name, community_id, path FROM institution WHERE id = :i").param("i", institutionId)
                .query((rs, n) -> new InstitutionPlace(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).optional();
    }

    /** Where a slot is: for choosing the service principal that books it and for showing it. */
    public record SlotPlace(long slotId, long sessionId, long institutionId, String institutionName, long communityId,
                            String institutionPath, long departmentId, String departmentName, String doctorName,
                            LocalDateTime start, LocalTime end) {
    }

    public Optional<SlotPlace> slotPlace(long slotId) {
        return jdbc.sql("""
                        SELECT s.id, s.session_id, i.id AS inst, i.name AS inst_name, i.community_id, i.path, d.id AS dept,
                               d.name AS dept_name, st.name AS doctor, s.starts_at, s.ends_at
                          FROM slot s JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                          JOIN department d ON d.id = cs.department_id LEFT JOIN staff st ON st.id = cs.doctor_id
                         WHERE s.id = :s""")
                .param("s", slotId)
                .query((rs, n) -> new SlotPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), dateTime(rs.getTimestamp(10)),
                        time(rs.getTimestamp(11))))
                .optional();
    }

    /** A patient's appointment as the patient sees it on the self-service pages. */
    public record OwnAppointment(long id, String institutionName, String departmentName, String doctorName, LocalDateTime slotStart,
                                 int sequenceNumber, LocalTime suggestedAt, String status, Channel channel) {
    }

    /** The patient's booked or checked-in appointments whose slot has not started yet; audited. */
    @Transactional
    public List<OwnAppointment> upcoming(long patientId) {
        List<OwnAppointment> rows = jdbc.sql("""
                        SELECT a.id, i.name, d.name, st.name, s.starts_at, a.sequence_number, a.suggested_at, a.status, a.channel
                          FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id JOIN department d ON d.id = cs.department_id
                          LEFT JOIN staff st ON st.id = cs.doctor_id
                         WHERE a.patient_id = :p AND a.status IN ('BOOKED', 'CHECKED_IN') AND s.ends_at > :now
                         ORDER BY s.starts_at""")
                .param("p", patientId).param("now", Appointments.utc(clock.instant()))
                .query((rs, n) -> new OwnAppointment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        dateTime(rs.getTimestamp(5)), rs.getInt(6), time(rs.getTimestamp(7)), rs.getString(8),
                        Channel.valueOf(rs.getString(9))))
                .list();
        audit.record(AuditAction.READ, "appointment-list", null, patientId, "own upcoming appointments: " + rows.size());
        return rows;
    }

    /** The patient and session of an appointment (no scope: callers check who may act on it). */
    record AppointmentRef(long id, long patientId, long sessionId, long slotId, String status) {
    }

    Optional<AppointmentRef> appointment(long appointmentId) {
        return jdbc.sql("SELECT a.id, a.patient_id, s.session_id, a.slot_id, a.status FROM appointment a JOIN slot s ON s.id = a.slot_id "
                        + "WHERE a.id = :id")
                .param("id", appointmentId)
                .query((rs, n) -> new AppointmentRef(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)))
                .optional();
    }

    AppointmentView appointmentByKey(String key) {
        return jdbc.sql("SELECT * FROM appointment WHERE idempotency_key = :k").param("k", key).query(Appointments::view).single();
    }

    static LocalTime time(Timestamp t) {
        return t == null ? null : LocalTime.ofInstant(t.toInstant(), Appointments.CHINA);
    }

    static LocalDateTime dateTime(Timestamp t) {
        return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), Appointments.CHINA);
    }

    static LocalTime time(Instant i) {
        return i == null ? null : LocalTime.ofInstant(i, Appointments.CHINA);
    }
}
