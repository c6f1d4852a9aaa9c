package org.openhqd.platform.appointments;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the MDT teams of the institutions in the caller's scope. */
@Service
public class MdtTeams {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    MdtTeams(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A team to create: 2–8 members of the community, the chief among them. */
    public record Draft(long institutionId, long departmentId, String name, String focus, long chiefId, Long coordinatorId,
                        List<MdtTeam.Member> members) {
    }

    @Transactional
    public MdtTeam create(Draft d) {
        DataScope scope = CurrentUser.get().scope();
        if (jdbc.sql("SELECT COUNT(*) FROM department dp JOIN institution i ON i.id = dp.institution_id "
                        + "WHERE dp.id = :d AND i.id = :h AND " + scope.sql("i"))
                .param("d", d.departmentId()).param("h", d.institutionId()).params(scope.params()).query(Long.class).single() == 0) {
            throw invalid(HttpStatus.NOT_FOUND, "departmentId", "科室不存在、不属于该机构或无权访问 / unknown department of this institution");
        }
        if (d.members() == null || d.members().size() < 2 || d.members().size() > 8) {
            throw invalid(HttpStatus.BAD_REQUEST, "members", "MDT 团队须有 2–8 名成员 / an MDT team has 2–8 members");
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < d.members().size(); i++) {
            MdtTeam.Member m = d.members().get(i);
            if (!ids.add(m.staffId())) {
                throw invalid(HttpStatus.BAD_REQUEST, "members[" + i + "].staffId", "成员重复 / member listed twice");
            }
            if (m.role() == null || m.role().isBlank() || m.role().length() > 64) {
                throw invalid(HttpStatus.BAD_REQUEST, "members[" + i + "].role", "须填写成员专业（≤64 字）/ the member's specialty is required");
            }
            boolean doctorInCommunity = jdbc.sql("SELECT COUNT(*) FROM staff s JOIN institution i ON i.id = s.institution_id "
                            + "JOIN institution h ON h.community_id = i.community_id WHERE s.id = :s AND h.id = :h AND s.enabled "
                            + "AND s.role IN ('DOCTOR', 'DEPARTMENT_HEAD')")
                    .param("s", m.staffId()).param("h", d.institutionId()).query(Long.class).single() > 0;
            if (!doctorInCommunity) {
                throw invalid(HttpStatus.NOT_FOUND, "members[" + i + "].staffId", "医生不存在或不在本医共体 / unknown doctor in this community");
            }
        }
        if (!ids.contains(d.chiefId())) {
            throw invalid(HttpStatus.BAD_REQUEST, "chiefId", "首席专家须为团队成员 / the chief must be a member");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mdt_team (institution_id, department_id, name, focus, chief_id, coordinator_id, active, created_by, created_at) "
                        + "VALUES (:h, :d, :n, :f, :chief, :coord, TRUE, :by, :now)")
                .param("h", d.institutionId()).param("d", d.departmentId()).param("n", d.name()).param("f", d.focus(), java.sql.Types.VARCHAR)
                .param("chief", d.chiefId()).param("coord", d.coordinatorId(), java.sql.Types.BIGINT).param("by", CurrentUser.name())
                .param("now", Appointments.utc(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        for (MdtTeam.Member m : d.members()) {
            jdbc.sql("INSERT INTO mdt_team_member (team_id, staff_id, role) VALUES (:t, :s, :r)").param("t", id).param("s", m.staffId())
                    .param("r", m.role()).update();
        }
        audit.record(AuditAction.CREATE, "mdt_team", id, null, d.name() + " with " + d.members().size() + " members");
        return find(id);
    }

    public MdtTeam find(long id) {
        DataScope scope = CurrentUser.get().scope();
        return load("t.id = :id AND " + scope.sql("i"), id, scope).stream().findFirst()
                .orElseThrow(() -> invalid(HttpStatus.NOT_FOUND, "id", "MDT 团队不存在或无权访问 / unknown MDT team"));
    }

    public List<MdtTeam> list() {
        DataScope scope = CurrentUser.get().scope();
        return load(scope.sql("i"), null, scope);
    }

    /** A team by id without the caller's scope, for records of its visits. */
    MdtTeam get(long id) {
        return load("t.id = :id", id, null).stream().findFirst().orElseThrow();
    }

    private List<MdtTeam> load(String where, Long id, DataScope scope) {
        var spec = jdbc.sql("SELECT t.* FROM mdt_team t JOIN institution i ON i.id = t.institution_id WHERE " + where + " ORDER BY t.id");
        if (id != null) {
            spec = spec.param("id", id);
        }
        if (scope != null) {
            spec = spec.params(scope.params());
        }
        return spec.query((rs, n) -> {
            long coordinator = rs.getLong("coordinator_id");
            Long coordinatorId = rs.wasNull() ? null : coordinator;
            long team = rs.getLong("id");
            return new MdtTeam(team, rs.getLong("institution_id"), rs.getLong("department_id"), rs.getString("name"),
                    rs.getString("focus"), rs.getLong("chief_id"), coordinatorId, rs.getBoolean("active"), members(team));
        }).list();
    }

    private List<MdtTeam.Member> members(long team) {
        return jdbc.sql("SELECT m.staff_id, s.name, m.role FROM mdt_team_member m JOIN staff s ON s.id = m.staff_id "
                        + "WHERE m.team_id = :t ORDER BY m.staff_id")
                .param("t", team).query((rs, n) -> new MdtTeam.Member(rs.getLong("staff_id"), rs.getString("name"), rs.getString("role")))
                .list();
    }

    static Appointments.BookingException invalid(HttpStatus status, String field, String message) {
        return new Appointments.BookingException(status, field, message);
    }
}
