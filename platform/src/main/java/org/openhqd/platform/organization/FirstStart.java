package org.openhqd.platform.organization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No default password outside demo mode: while no one can log in, every start prints a new
 * one-time setup token; whoever holds it creates the community, its lead hospital and the first
 * system administrator at {@code /setup}. The token is stored only as a hash and works once.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the demo loader, which creates accounts
public class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    FirstStart(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether anyone can log in yet. */
    public boolean setUp() {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE password_hash IS NOT NULL").query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (setUp()) {
            return;
        }
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        jdbc.sql("UPDATE setup_token SET used_at = :now WHERE used_at IS NULL").param("now", now()).update();
        jdbc.sql("INSERT INTO setup_token (token_hash, created_at) VALUES (:h, :now)").param("h", hash(token)).param("now", now()).update();
        log.warn("首次启动：请打开 /setup，用一次性设置令牌 {} 创建系统管理员 / first start: open /setup and use the one-time setup token {} to create the system administrator", token, token);
    }

    public record Setup(String token, String communityName, String hospitalName, String username, String password) {
    }

    /** Creates the community, its lead hospital and the first system administrator; false for a wrong or used token. */
    @Transactional
    public boolean complete(Setup s) {
        if (setUp()) {
            return false;
        }
        int used = jdbc.sql("UPDATE setup_token SET used_at = :now WHERE token_hash = :h AND used_at IS NULL")
                .param("now", now()).param("h", hash(s.token().strip())).update();
        if (used != 1) {
            return false;
        }
        jdbc.sql("INSERT INTO community (code, name, created_at) VALUES ('C001', :n, :now)").param("n", s.communityName()).param("now", now()).update();
        long community = jdbc.sql("SELECT id FROM community WHERE code = 'C001'").query(Long.class).single();
        jdbc.sql("INSERT INTO institution (community_id, code, name, level, type, path, created_at) VALUES (:c, 'H001', :n, 'LEVEL_2', 'HOSPITAL', '/', :now)")
                .param("c", community).param("n", s.hospitalName()).param("now", now()).update();
        long hospital = jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
        jdbc.sql("UPDATE institution SET path = :p WHERE id = :id").param("p", "/" + hospital + "/").param("id", hospital).update();
        jdbc.sql("""
                INSERT INTO staff (institution_id, name, role, username, password_hash, enabled, failed_attempts, created_at)
                VALUES (:i, :name, :role, :u, :h, TRUE, 0, :now)""")
                .param("i", hospital).param("name", s.username()).param("role", Role.SYSTEM_ADMIN.name())
                .param("u", s.username()).param("h", passwords.encode(s.password())).param("now", now()).update();
        audit.record(AuditAction.SETUP, "community", community, null, "first system administrator " + s.username());
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String hash(String token) {
        return org.openhqd.platform.security.Secrets.sha256Hex(token);
    }
}
