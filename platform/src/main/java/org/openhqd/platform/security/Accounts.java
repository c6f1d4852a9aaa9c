package org.openhqd.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff logins: loading for authentication and the lockout after repeated failures
 * (hqd.security.max-failed-logins within the lock, locked for hqd.security.lockout).
 */
@Component
public class Accounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    private final Tokens tokens;

    Accounts(JdbcClient jdbc, Clock clock,
             @Value("${hqd.security.max-failed-logins:5}") int maxFailures,
             @Value("${hqd.security.lockout:PT15M}") Duration lockout, Tokens tokens) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    public StaffAccount loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<StaffAccount> find(String username) {
        return jdbc.sql("""
                        SELECT s.id, s.username, s.role, s.password_hash, s.enabled, s.locked_until,
                               s.institution_id, i.community_id, i.path
                          FROM staff s JOIN institution i ON i.id = s.institution_id
                         WHERE s.username = :username AND s.password_hash IS NOT NULL""")
                .param("username", username)
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return new StaffAccount(new StaffPrincipal(rs.getLong("id"), rs.getString("username"),
                            Role.valueOf(rs.getString("role")), rs.getLong("institution_id"),
                            rs.getLong("community_id"), rs.getString("path")),
                            rs.getString("password_hash"), rs.getBoolean("enabled"),
                            locked == null ? null : locked.toInstant(), clock.instant());
                })
                .optional();
    }

    /** Counts a failed login; locks the account when the limit is reached. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username) {
        jdbc.sql("UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE username = :u").param("u", username).update();
        int locked = jdbc.sql("UPDATE staff SET locked_until = :until, failed_attempts = 0 WHERE username = :u AND failed_attempts >= :max")
                .param("until", OffsetDateTime.ofInstant(clock.instant().plus(lockout), ZoneOffset.UTC))
                .param("u", username).param("max", maxFailures).update();
        if (locked > 0) {
            tokens.forgetCached();   // a locked account's tokens stop working at once
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE username = :u").param("u", username).update();
    }

    boolean locked(String username) {
        Instant now = clock.instant();
        return find(username).map(a -> a.lockedUntil() != null && a.lockedUntil().isAfter(now)).orElse(false);
    }
}
