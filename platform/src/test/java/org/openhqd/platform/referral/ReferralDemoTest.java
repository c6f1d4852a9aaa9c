package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The demo year of referrals: its size, mix and consistency (loaded again at full size, rolled back after). */
@DemoPlatformTest
class ReferralDemoTest {

    @Autowired
    ReferralDemo demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoCommunityHasReferralsAtStart() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE created_by = 'demo'").query(Long.class).single()).isEqualTo(180L);
    }

    @Test
    @Transactional
    void aFullSizeYearIsRealistic() {
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM referral").query(Long.class).single();
        long started = System.nanoTime();
        demo.load(7L, 50_000);
        System.out.printf("demo referrals: 3,000 in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Map<String, Long> byStatus = jdbc.sql("SELECT status, COUNT(*) AS n FROM referral WHERE id > :b GROUP BY status").param("b", before)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(3000);
        long arrived = byStatus.getOrDefault("ARRIVED", 0L) + byStatus.getOrDefault("COMPLETED", 0L);
        assertThat((double) arrived / total).isBetween(0.80, 0.90);
        assertThat(byStatus).containsKeys("REJECTED", "EXPIRED", "CANCELLED", "COMPLETED", "ARRIVED");
        long up = jdbc.sql("SELECT COUNT(*) FROM referral WHERE id > :b AND direction = 'UP'").param("b", before).query(Long.class).single();
        assertThat((double) up / total).isBetween(0.75, 0.85);
        // upward from member institutions to the county hospital; downward from it
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral r JOIN institution f ON f.id = r.from_institution JOIN institution t ON t.id = r.to_institution
                 WHERE r.id > :b AND NOT ((r.direction = 'UP' AND f.level = 'PRIMARY' AND t.type = 'HOSPITAL')
                                       OR (r.direction = 'DOWN' AND f.type = 'HOSPITAL' AND t.type = 'TOWNSHIP_HEALTH_CENTRE'))""")
                .param("b", before).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT code) FROM referral_diagnosis d WHERE d.referral_id > :b AND d.code IN "
                + "('I63.900', 'I21.900', 'J18.900', 'K35.800', 'C34.900', 'N18.500')").param("b", before).query(Long.class).single())
                .isEqualTo(6);
        // every referral's last timeline entry is its status, and the version counts the changes after creation
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral r
                 WHERE r.id > :b AND (r.status <> (SELECT e.to_status FROM referral_event e WHERE e.referral_id = r.id
                                                  ORDER BY e.id DESC LIMIT 1)
                                  OR r.version <> (SELECT COUNT(*) - 1 FROM referral_event e WHERE e.referral_id = r.id))""")
                .param("b", before).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE id > :b AND retro_entered AND status IN ('ARRIVED', 'COMPLETED')")
                .param("b", before).query(Long.class).single()).isPositive();
    }
}
