package org.openhqd.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL the tests use: 127.0.0.1:5432, user postgres, database test (HQD_TEST_PG_* to override). */
public final class PostgresTestDatabase {

    public static final String URL = System.getenv().getOrDefault("HQD_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("HQD_TEST_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("HQD_TEST_PG_PASSWORD", "");
    public static final String SCHEMA = "hqd_it";

    private PostgresTestDatabase() {
    }

    /** Points a Spring test context at {@code schema} of the test database (Flyway creates its tables there). */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    /** Drops and recreates the test schema, so each run starts from an empty database. */
    static void resetSchema(String schema) throws SQLException {
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException(schema);
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }
}
