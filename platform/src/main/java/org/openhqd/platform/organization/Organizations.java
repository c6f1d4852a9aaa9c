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
    private final org.springframework.security.crypto.password.PasswordEncoder passwords;

    private final org.openhqd.platform.security.Tokens tokens;

    Organizations(JdbcClient jdbc, AuditLog audit, Clock clock,
                  org.springframework.security.crypto.password.PasswordEncoder passwords,
                  org.openhqd.platform.security.Tokens tokens) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.passwords = passwords;
    }

    /**
     * Adds an institution: under a parent in the caller's scope, or — for system and community
     * administrators — at the top of the caller's community.
     */
    @Transactional
    public Institution addInstitution(Long parentId, String code, String name, InstitutionLevel level, InstitutionType type,
                                      org.openhqd.platform.security.StaffPrincipal actor) {
        DataScope scope = actor.scope();
        String parentPath = "/";
        long community = actor.communityId();
        if (parentId != null) {
            Institution parent = institution(parentId, scope).orElseThrow(NotInScopeException::new);
            parentPath = parent.path();
            community = parent.communityId();
        } else if (actor.role() != Role.SYSTEM_ADMIN && actor.role() != Role.COMMUNITY_ADMIN) {
            throw new InvalidException("parentId", "请选择上级机构 / choose the parent institution");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM institution WHERE code = :c").param("c", code).query(Integer.class).single() > 0) {
            throw new InvalidException("code", "机构编码 " + code + " 已存在 / institution code " + code + " already exists");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO institution (community_id, parent_id, code, name, level, type, path, created_at) "
                        + "VALUES (:c, :p, :code, :name, :level, :type, '/', :now)")
                .param("c", community).param("p", parentId, java.sql.Types.BIGINT).param("code", code).param("name", name)
                .param("level", level.name()).param("type", type.name()).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
        String path = parentPath + id + "/";
        jdbc.sql("UPDATE institution SET path = :path WHERE id = :id").param("path", path).param("id", id).update();
        audit.record(AuditAction.CREATE, "institution", id, null, code + " " + name);
        return new Institution(id, community, parentId, code, name, level, type, path);
    }

    /** Roles an actor may give: never a role that sees more than the actor's own. */
    public static boolean mayGrant(Role actor, Role granted) {
        return switch (actor) {
            case SYSTEM_ADMIN -> true;
            case COMMUNITY_ADMIN -> granted != Role.SYSTEM_ADMIN;
            case INSTITUTION_ADMIN -> !granted.communityWide();
            default -> false;
        };
    }

    /**
     * Adds a staff member at an institution in the caller's scope, with a login when a username
     * and password are given (password: at least 10 characters with letters and digits).
     */
    @Transactional
    public StaffMember addStaff(long institutionId, Long departmentId, String name, Role role, String title,
                                String username, String password, org.openhqd.platform.security.StaffPrincipal actor) {
        institution(institutionId, actor.scope()).orElseThrow(NotInScopeException::new);
        if (!mayGrant(actor.role(), role)) {
            throw new InvalidException("role", "无权授予该角色 / you may not grant this role");
        }
        if (departmentId != null && jdbc.sql("SELECT COUNT(*) FROM department WHERE id = :d AND institution_id = :i")
                .param("d", departmentId).param("i", institutionId).query(Integer.class).single() == 0) {
            throw new InvalidException("departmentId", "科室不属于该机构 / the department is not in this institution");
        }
        String hash = null;
        if (username != null && !username.isBlank()) {
            if (!username.matches("[A-Za-z0-9._-]{3,64}")) {
                throw new InvalidException("username", "用户名应为 3–64 位字母数字 / username: 3–64 letters or digits");
            }
            var weak = org.openhqd.platform.security.Secrets.passwordProblem(password);
            if (weak.isPresent()) {
                throw new InvalidException("password", weak.get());
            }
            if (jdbc.sql("SELECT COUNT(*) FROM staff WHERE username = :u").param("u", username).query(Integer.class).single() > 0) {
                throw new InvalidException("username", "用户名已被使用 / username taken");
            }
            hash = passwords.encode(password);
        } else {
            username = null;
        }
        jdbc.sql("""
                        INSERT INTO staff (institution_id, department_id, name, role, title, username, password_hash, enabled,
                                           failed_attempts, created_at)
                        VALUES (:i, :d, :n, :r, :t, :u, :h, TRUE, 0, :now)""")
                .param("i", institutionId).param("d", departmentId, java.sql.Types.BIGINT).param("n", name)
                .param("r", role.name()).param("t", title, java.sql.Types.VARCHAR).param("u", username, java.sql.Types.VARCHAR)
                .param("h", hash, java.sql.Types.VARCHAR).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM staff WHERE institution_id = :i AND name = :n").param("i", institutionId)
                .param("n", name).query(Long.class).single();
        audit.record(AuditAction.CREATE, "staff", id, null, role + (username == null ? "" : " login " + username));
        return new StaffMember(id, institutionId, departmentId, name, role, title, username);
    }

    /** Enables or disables a staff member's login (in scope); a disabled login's tokens stop working. */
    @Transactional
    public void setEnabled(long staffId, boolean enabled, DataScope scope) {
        int n = jdbc.sql("UPDATE staff SET enabled = :e WHERE id = :id AND institution_id IN (SELECT i.id FROM institution i WHERE "
                        + scope.sql("i") + ")")
                .param("e", enabled).param("id", staffId).params(scope.params()).update();
        if (n != 1) {
            throw new NotInScopeException();
        }
        audit.record(AuditAction.UPDATE, "staff", staffId, null, enabled ? "enabled" : "disabled");
        tokens.forgetCached();   // a disabled login's tokens stop working at once
    }

    public List<Institution> institutions(DataScope scope) {
        return jdbc.sql("SELECT * FROM institution i WHERE " + scope.sql("i") + " ORDER BY i.path")
                .params(scope.params())
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
                .params(scope.params())
                .query((rs, n) -> new Department(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    public List<StaffMember> staff(DataScope scope) {
        return jdbc.sql("SELECT s.* FROM staff s JOIN institution i ON i.id = s.institution_id WHERE "
                        + scope.sql("i") + " ORDER BY s.institution_id, s.id")
                .params(scope.params())
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

    /** Invalid organisation data, a 400 problem naming the field. */
    public static final class InvalidException extends org.springframework.web.ErrorResponseException {
        public InvalidException(String field, String message) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST);
            getBody().setDetail(message);
            getBody().setProperty("errors", List.of(java.util.Map.of("field", field, "message", message)));
        }
    }

    public static final class DuplicateCodeException extends org.springframework.web.ErrorResponseException {
        public DuplicateCodeException(String code) {
            super(org.springframework.http.HttpStatus.CONFLICT);
            getBody().setDetail("科室代码 " + code + " 已存在 / department code " + code + " already exists");
        }
    }
}
