package org.openhqd.platform.drg.payment;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The same scenarios on a real PostgreSQL: the MERGE that prices the cases, the streamed weight
 * computation and the sensitivity sums give, case by case, what the Java rules give — as on H2.
 */
@RequiresPostgres(schema = PostgresDrgPaymentTest.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=500", "hqd.data-dir=target/test-data-pg-payment",
        "hqd.appointments.no-show-schedule=false", "hqd.appointments.jobs=false", "hqd.referral.jobs=false"})
@RecordApplicationEvents
class PostgresDrgPaymentTest extends DrgPaymentScenarios {

    static final String SCHEMA = "hqd_drg_payment";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient sql;

    @org.junit.jupiter.api.Test
    void caseRowsLeaveRoomForTheirPricingUpdate() {
        org.assertj.core.api.Assertions.assertThat(sql.sql("SELECT array_to_string(c.reloptions, ',') FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'drg_case' AND n.nspname = current_schema()")
                .query(String.class).single()).contains("fillfactor=50");
    }
}
