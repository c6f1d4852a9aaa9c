package org.openhqd.platform.organization;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Institutions, departments and staff of the medical community. Every query takes the caller's
 * {@link DataScope} and filters in SQL, so nothing outside it is ever read.
 */
@Service
public class Organizations {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Organizations(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Institution> institutions(DataScope scope) {
        return jdbc.sql("SELECT * FROM institution i WHERE " + scope.sql("i") + " ORDER BY i.path")
                .param("scopeCommunity", scope.communityParam()).param("scopePath", scope.pathParam())
                .query((rs, n) -> new Institution(rs.getLong("id"), rs.getLong("community_id"),
                        rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getString("code"),
                        rs.getString("name"), InstitutionLevel.valueOf(rs.getString("level")),
                        InstitutionType.valueOf(rs.getString("type")), rs.getString("path")))
                .list();
    }

    public Optional<Institution> institution(long id, DataScope scope) {
        return institutions(scope).stream().filter(i -> i.id() == id).findFirst();
    }

    public List<Department> departments(DataScope scope) {
        return jdbc.sql("SELECT d.* FROM department d JOIN institution i ON i.id = d.institution_id WHERE "
                        + scope.sql("i") + " ORDER BY d.institution_id, d.code")
                .param("scopeCommunity", scope.communityParam()).param("scopePath", scope.pathParam())
                .query((rs, n) -> new Department(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    public List<StaffMember> staff(DataScope scope) {
        return jdbc.sql("SELECT s.* FROM staff s JOIN institution i ON i.id = s.institution_id WHERE "
                        + scope.sql("i") + " ORDER BY s.institution_id, s.id")
                .param("scopeCommunity", scope.communityParam()).param("scopePath", scope.pathParam())
                .query((rs, n) -> new StaffMember(rs.getLong("id"), rs.getLong("institution_id"),
                        rs.getObject("department_id") == null ? null : rs.getLong("department_id"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("title"), rs.getString("username")))
                .list();
    }

    /**
     * Adds a department to an institution inside the scope.
     *
     * @throws NotInScopeException when the institution is outside the scope (reported as 404)
     * @throws DuplicateCodeException when the institution already has the code
     */
    @Transactional
    public Department addDepartment(long institutionId, String code, String name, DataScope scope) {
        institution(institutionId, scope).orElseThrow(NotInScopeException::new);
        Integer existing = jdbc.sql("SELECT COUNT(*) FROM department WHERE institution_id = :i AND code = :c")
                .param("i", institutionId).param("c", code).query(Integer.class).single();
        if (existing > 0) {
            throw new DuplicateCodeException(code);
        }
        jdbc.sql("INSERT INTO department (institution_id, code, name, created_at) VALUES (:i, :c, :n, :at)")
                .param("i", institutionId).param("c", code).param("n", name)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        long id = jdbc.sql("SELECT id FROM department WHERE institution_id = :i AND code = :c")
                .param("i", institutionId).param("c", code).query(Long.class).single();
        audit.record(AuditAction.CREATE, "department", id, null, code + " " + name);
        return new Department(id, institutionId, code, name);
    }

    /** The entity does not exist or is outside the caller's scope: both answer 404, so nothing leaks. */
    public static final class NotInScopeException extends org.springframework.web.ErrorResponseException {
        public NotInScopeException() {
            super(org.springframework.http.HttpStatus.NOT_FOUND);
            getBody().setDetail("不存在或无权访问 / not found");
        }
    }

    public static final class DuplicateCodeException extends org.springframework.web.ErrorResponseException {
        public DuplicateCodeException(String code) {
            super(org.springframework.http.HttpStatus.CONFLICT);
            getBody().setDetail("科室代码 " + code + " 已存在 / department code " + code + " already exists");
        }
    }
}
