package org.openhqd.platform.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Referrals on a real PostgreSQL: the migration, the demo year, and concurrent accept/reject with one outcome. */
@RequiresPostgres(schema = PostgresReferralRaceTest.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=2000", "hqd.data-dir=target/test-data-pg-referral",
        "hqd.appointments.jobs=false", "hqd.referral.jobs=false", "spring.datasource.hikari.maximum-pool-size=16"})
@AutoConfigureMockMvc
class PostgresReferralRaceTest {

    static final String SCHEMA = "hqd_referral";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralWorkflow workflow;
    @Autowired
    ReferralTimers timers;

    @Test
    void concurrentDecisionsHaveOneOutcome() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        for (int round = 0; round < 5; round++) {
            long id = f.created("demo-doctor-a", f.patient("T001", 8 + round), f.institution("H001"), "UP", "");
            ReferralRace.run(workflow, jdbc, f.principal("demo-doctor"), id, 12);
        }
    }

    @Test
    void timingRulesRunOnPostgres() throws Exception {
        ReferralFixture f = new ReferralFixture(mvc, jdbc);
        long id = f.created("demo-doctor-a", f.patient("T001", 14), f.institution("H001"), "UP", "");
        java.time.Instant submitted = jdbc.sql("SELECT submitted_at FROM referral WHERE id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
        timers.run(submitted.plus(java.time.Duration.ofDays(8)));
        assertThat(f.status(id)).isEqualTo("EXPIRED");
    }
}
