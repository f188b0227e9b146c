package io.kelvin.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs a test class only when the shared Keycloak ({@link KeycloakServer#shared()}) is up,
 * starting it if needed; when it was not ready within its start budget the class is disabled
 * (reported as skipped) with the measured reason. JUnit evaluates conditions before any other
 * extension's callbacks, so on a {@code @QuarkusTest} class this runs before Quarkus starts the
 * application and its test resources, which can then call {@code KeycloakServer.shared()} safely.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKeycloak.Condition.class)
public @interface RequiresKeycloak {

    /** The condition behind the annotation. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return evaluate(KeycloakServer::shared);
        }

        static ConditionEvaluationResult evaluate(Supplier<KeycloakServer> server) {
            try {
                return ConditionEvaluationResult.enabled("Keycloak is up at " + server.get().baseUri());
            } catch (TestAbortedException notInTime) {
                return ConditionEvaluationResult.disabled(notInTime.getMessage());
            }
        }
    }
}
