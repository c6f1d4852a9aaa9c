package org.openhqd.platform.events;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox tests of {@link InProcessEventBusTest} on PostgreSQL: Modulith's registry queries (claim,
 * complete, archive, resubmit) run against the V11 tables as PostgreSQL has them.
 */
@RequiresPostgres(schema = PostgresOutboxTest.SCHEMA)
@Import(InProcessEventBusTest.Listeners.class)
class PostgresOutboxTest extends InProcessEventBusTest {

    static final String SCHEMA = "hqd_outbox";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }
}
