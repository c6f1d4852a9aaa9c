package org.openhqd.platform.appointments;

import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.PostgresTestDatabase;
import org.openhqd.platform.support.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The races on a real PostgreSQL: 32 threads, 300 requests for 15 numbers of one slot; MDT teams for one block. */
@RequiresPostgres(schema = PostgresBookingRaceTest.SCHEMA)
@SpringBootTest(properties = {"hqd.demo=true", "hqd.demo.patients=2000", "hqd.data-dir=target/test-data-pg-race",
        "spring.datasource.hikari.maximum-pool-size=32"})
class PostgresBookingRaceTest {

    static final String SCHEMA = "hqd_race";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        org.openhqd.platform.support.PostgresTestDatabase.register(registry, SCHEMA);
    }

    @Autowired
    Appointments appointments;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    MdtTeams teams;
    @Autowired
    MdtClinics clinics;

    @Test
    void noNumberIsGivenTwiceAndNoPoolIsExceeded() throws Exception {
        BookingRace.run(appointments, jdbc, 32, 300);
    }

    /** MDT sessions are all-or-nothing on PostgreSQL too: 8 teams sharing a doctor race for one block. */
    @Test
    void teamsSharingADoctorGetOneSessionBetweenThem() throws Exception {
        MdtRace.run(teams, clinics, jdbc, "0301", "0302", 6, 8);
    }
}
