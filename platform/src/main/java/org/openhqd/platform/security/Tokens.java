package org.openhqd.platform.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the API: issued per user (expiring) or per integration such as a HIS
 * (until revoked). Only a SHA-256 hash of a token is stored, so a copy of the database cannot be
 * used to call the API.
 */
@Component
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration userTokenLifetime;
    private final Duration cacheFor;
    /**
     * Valid tokens seen in the last {@code hqd.security.token-cache} (10 s), by hash: under load
     * (a release storm, a HIS polling) every request would otherwise read the same row. Revoking a
     * token, disabling a login and a lockout clear it on this node at once; on another node of a
     * cluster they take effect within the cache time.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(StaffPrincipal principal, Instant until) {
    }

    Tokens(JdbcClient jdbc, Clock clock, @Value("${hqd.security.token-lifetime:PT12H}") Duration userTokenLifetime,
           @Value("${hqd.security.token-cache:PT10S}") Duration cacheFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.userTokenLifetime = userTokenLifetime;
        this.cacheFor = cacheFor;
    }

    /** Forgets every cached token: called when a token is revoked or a login disabled or locked. */
    public void forgetCached() {
        cache.clear();
        // and again once the change is committed: a request in between still read the old row
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            cache.clear();
                        }
                    });
        }
    }

    /** An issued token: the secret is shown once and never stored. */
    public record Issued(long id, String token, Instant expiresAt) {
    }

    /** A token as listed to administrators (no secret). */
    public record TokenInfo(long id, String name, Role role, long institutionId, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, Instant lastUsedAt) {
    }

    public Issued issueForUser(StaffPrincipal user) {
        Instant expires = clock.instant().plus(userTokenLifetime);
        return issue(user.username(), user.staffId(), user.role(), user.institutionId(), expires);
    }

    public Issued issueForIntegration(String name, long institutionId) {
        return issue(name, null, Role.INTEGRATION, institutionId, null);
    }

    private Issued issue(String name, Long staffId, Role role, long institutionId, Instant expires) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "hqd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        INSERT INTO api_token (token_hash, name, staff_id, role, institution_id, created_at, expires_at)
                        VALUES (:hash, :name, :staff, :role, :inst, :now, :expires)""")
                .param("hash", hash(token)).param("name", name).param("staff", staffId, java.sql.Types.BIGINT).param("role", role.name())
                .param("inst", institutionId).param("now", utc(clock.instant()))
                .param("expires", expires == null ? null : utc(expires), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = :hash").param("hash", hash(token)).query(Long.class).single();
        return new Issued(id, token, expires);
    }

    /** The principal of a valid (known, unexpired, unrevoked) token. */
    public Optional<StaffPrincipal> authenticate(String token) {
        Instant now = clock.instant();
        String hash = hash(token);
        Cached hit = cache.get(hash);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.principal());
        }
        Optional<StaffPrincipal> p = jdbc.sql("""
                        SELECT t.id, t.staff_id, t.name, t.role, t.institution_id, i.community_id, i.path, t.expires_at
                          FROM api_token t JOIN institution i ON i.id = t.institution_id
                          LEFT JOIN staff s ON s.id = t.staff_id
                         WHERE t.token_hash = :hash AND t.revoked_at IS NULL
                           AND (t.staff_id IS NULL OR (s.enabled AND (s.locked_until IS NULL OR s.locked_until < :now)))
                           AND (t.expires_at IS NULL OR t.expires_at > :now)""")
                .param("hash", hash).param("now", utc(now))
                .query((rs, n) -> {
                    StaffPrincipal principal = new StaffPrincipal(rs.getObject("staff_id") == null ? null : rs.getLong("staff_id"),
                            rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getLong("institution_id"),
                            rs.getLong("community_id"), rs.getString("path"));
                    java.sql.Timestamp expires = rs.getTimestamp("expires_at");
                    Instant until = now.plus(cacheFor);
                    if (expires != null && expires.toInstant().isBefore(until)) {
                        until = expires.toInstant();
                    }
                    if (!cacheFor.isZero()) {
                        if (cache.size() > 10_000) {
                            cache.clear();   // many distinct tokens: start again rather than grow without bound
                        }
                        cache.put(hash, new Cached(principal, until));
                    }
                    return principal;
                })
                .optional();
        // at most once a minute: an integration's token is used by many requests at once, and an
        // UPDATE of the same row on every request would serialise them all on its row lock
        p.ifPresent(x -> jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash "
                        + "AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
                .param("now", utc(now)).param("hash", hash(token)).param("minuteAgo", utc(now.minusSeconds(60))).update());
        return p;
    }

    /** Revokes a token; false when there is no such token or it is outside the caller's scope. */
    public boolean revoke(long id, DataScope scope) {
        boolean revoked = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL AND institution_id IN "
                        + "(SELECT i.id FROM institution i WHERE " + scope.sql("i") + ")")
                .param("now", utc(clock.instant())).param("id", id)
                .params(scope.params()).update() == 1;
        forgetCached();
        return revoked;
    }

    public List<TokenInfo> list(DataScope scope) {
        return jdbc.sql("SELECT t.* FROM api_token t JOIN institution i ON i.id = t.institution_id WHERE "
                        + scope.sql("i") + " ORDER BY t.id DESC")
                .params(scope.params())
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getLong("institution_id"), instant(rs, "created_at"), instant(rs, "expires_at"),
                        instant(rs, "revoked_at"), instant(rs, "last_used_at")))
                .list();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static String hash(String token) {
        return Secrets.sha256Hex(token);
    }
}
