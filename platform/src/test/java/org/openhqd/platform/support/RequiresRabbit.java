package org.openhqd.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the real RabbitMQ at 127.0.0.1:5672, user guest/guest (what the CI
 * machine has; see {@link RabbitTestBroker}). Under CI=true an unreachable broker fails the test;
 * elsewhere the test is skipped with a message saying why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRabbit.Condition.class)
public @interface RequiresRabbit {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("decided for the class");
            }
            try (var connection = RabbitTestBroker.connect()) {
                return ConditionEvaluationResult.enabled("RabbitMQ reachable at " + RabbitTestBroker.HOST + ":" + RabbitTestBroker.PORT);
            } catch (Exception e) {
                String why = "RabbitMQ not reachable at " + RabbitTestBroker.HOST + ":" + RabbitTestBroker.PORT + " as " + RabbitTestBroker.USER + ": " + e;
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(why + " (CI=true: the broker tests must run; .ci/run starts the server)", e);
                }
                return ConditionEvaluationResult.disabled("SKIPPED: " + why + " — start RabbitMQ to run these tests");
            }
        }
    }
}
