package org.openhqd.platform.drg;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DrgQualityTest} on PostgreSQL: the same figures with its SQL (keyset pages, row locks, aggregates, cursors). */
@RequiresPostgres(schema = PostgresDrgQualityTest.SCHEMA)
class PostgresDrgQualityTest extends DrgQualityTest {

    static final String SCHEMA = "hqd_drg_quality";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }
}
