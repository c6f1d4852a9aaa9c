package org.openhqd.platform.referral;

import java.time.Instant;
import java.util.List;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the referral statistics: one read of the referrals in scope with any event in the
 * period. Everything else (months in Beijing time, percentiles) is computed in Java, so H2 and
 * PostgreSQL give the same figures.
 */
@Repository
class ReferralStatisticsStore {

    private final JdbcClient jdbc;

    ReferralStatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Referrals whose sender or receiver is in scope and that were submitted, decided, arrived or closed in {@code [start, end)}. */
    List<ReferralFact> facts(DataScope scope, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT r.id, r.from_institution, fi.name AS from_name, r.to_institution, ti.name AS to_name, r.direction,
                               r.status, r.retro_entered, r.submitted_at, r.decided_at, r.arrived_at, r.closed_at, d.code AS principal
                          FROM referral r
                          JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution
                          LEFT JOIN referral_diagnosis d ON d.referral_id = r.id AND d.position = 1
                         WHERE """ + ReferralStore.visibleTo(scope) + """
                           AND ((r.submitted_at >= :start AND r.submitted_at < :end) OR (r.decided_at >= :start AND r.decided_at < :end)
                             OR (r.arrived_at >= :start AND r.arrived_at < :end) OR (r.closed_at >= :start AND r.closed_at < :end))
                         ORDER BY r.id""")
                .params(scope.params()).param("start", ReferralStore.utc(start)).param("end", ReferralStore.utc(end))
                .query((rs, n) -> new ReferralFact(rs.getLong("id"), rs.getLong("from_institution"), rs.getString("from_name"),
                        rs.getLong("to_institution"), rs.getString("to_name"), Direction.valueOf(rs.getString("direction")),
                        ReferralStatus.valueOf(rs.getString("status")), rs.getBoolean("retro_entered"),
                        ReferralStore.instant(rs, "submitted_at"), ReferralStore.instant(rs, "decided_at"),
                        ReferralStore.instant(rs, "arrived_at"), ReferralStore.instant(rs, "closed_at"), rs.getString("principal")))
                .list();
    }
}
