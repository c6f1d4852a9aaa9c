package org.openhqd.platform.drg;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DrgCasesTest} on PostgreSQL: the same figures with its SQL (keyset pages, row locks, aggregates, cursors). */
@RequiresPostgres(schema = PostgresDrgCasesTest.SCHEMA)
class PostgresDrgCasesTest extends DrgCasesTest {

    static final String SCHEMA = "hqd_drg_cases";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }
}
