package org.openhqd.platform.drg.analytics;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analytics of {@link DrgAnalyticsTest} on PostgreSQL: the same cube SQL (INSERT … SELECT … GROUP BY,
 * the rebuild lock with ON CONFLICT and FOR UPDATE), the same figures to the last decimal, and the
 * cube equal to the computation straight from the cases.
 */
@RequiresPostgres(schema = PostgresDrgAnalyticsTest.SCHEMA)
class PostgresDrgAnalyticsTest extends DrgAnalyticsTest {

    static final String SCHEMA = "hqd_drg_analytics";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }
}
