package org.openhqd.platform.referral;

import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hand-computed referral statistics of {@link ReferralStatisticsTest} on PostgreSQL: the same
 * figures to the last decimal (timestamps with time zone, month cuts in Beijing time, percentiles).
 */
@RequiresPostgres(schema = PostgresReferralStatisticsTest.SCHEMA)
class PostgresReferralStatisticsTest extends ReferralStatisticsTest {

    static final String SCHEMA = "hqd_referral_stats";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }
}
