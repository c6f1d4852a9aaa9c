package org.openhqd.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a test class against the real PostgreSQL at 127.0.0.1:5432 (user postgres, database test,
 * trust auth — what the CI machine has; override with HQD_TEST_PG_URL). Under CI=true an
 * unreachable server fails the test; elsewhere the test is skipped with a message saying why.
 * The class's Spring context is closed after it: each class has its own schema, so the context is
 * never reused, and kept open its connection pool would hold server connections (16 classes × 10
 * exceeded the server's 100).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface RequiresPostgres {

    String URL = PostgresTestDatabase.URL;
    String USER = PostgresTestDatabase.USER;
    String SCHEMA = PostgresTestDatabase.SCHEMA;

    /** The schema the test class works in; dropped and recreated before the class runs. */
    String schema() default PostgresTestDatabase.SCHEMA;

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("decided for the class"); // reset once, before the context starts
            }
            try {
                String schema = context.getRequiredTestClass().getAnnotation(RequiresPostgres.class).schema();
                PostgresTestDatabase.resetSchema(schema);
                return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
            } catch (SQLException e) {
                String why = "PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(why + " (CI=true: the PostgreSQL tests must run; .ci/run starts the server)", e);
                }
                return ConditionEvaluationResult.disabled("SKIPPED: " + why + " — start PostgreSQL to run these tests");
            }
        }
    }
}
