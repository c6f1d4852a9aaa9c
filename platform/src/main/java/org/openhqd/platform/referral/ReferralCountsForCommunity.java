package org.openhqd.platform.referral;

import java.time.LocalDate;
import java.util.Optional;
import org.openhqd.platform.community.ReferralCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the medical-community indicators MC16 (上转人次) and MC17 (下转人次及下转率) their counts:
 * completed referrals — those that arrived (ARRIVED, or COMPLETED after arriving) — by the day of
 * arrival in China time, emergency transfers entered after the fact included (they are referrals
 * that happened).
 */
@Component
class ReferralCountsForCommunity implements ReferralCounts {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    ReferralCountsForCommunity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Counts> count(long communityId, LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(CHINA).toOffsetDateTime();
        var end = to.atStartOfDay(CHINA).toOffsetDateTime();
        long[] counts = new long[2];
        jdbc.sql("""
                        SELECT direction, COUNT(*) AS n FROM referral
                         WHERE community_id = :c AND status IN ('ARRIVED', 'COMPLETED') AND arrived_at >= :from AND arrived_at < :to
                         GROUP BY direction""")
                .param("c", communityId).param("from", start).param("to", end)
                .query((java.sql.ResultSet rs) -> {
                    counts["UP".equals(rs.getString("direction")) ? 0 : 1] = rs.getLong("n");
                });
        return Optional.of(new Counts(counts[0], counts[1]));
    }
}
