package io.kelvin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.TestAbortedException;

/** The class-level condition: enabled with a running Keycloak, disabled with the skip reason otherwise. */
@RequiresKeycloak
class RequiresKeycloakTest {

    @Test
    void annotatedClassRunsWithTheSharedKeycloakAlreadyUp() {
        // The condition made sure the server was up before this class's lifecycle began; this only fetches it.
        assertThat(KeycloakServer.shared().startup()).isNotNull();
    }

    @Test
    void keycloakThatMissedItsBudgetDisablesTheClassWithTheMeasuredReason() {
        String reason = "Keycloak was not ready within 300 s (new database; CPU 80 s ...)";

        ConditionEvaluationResult result = RequiresKeycloak.Condition.evaluate(() -> {
            throw new TestAbortedException(reason);
        });

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValue(reason);
    }

    @Test
    void keycloakThatFailedOutrightFailsTheClassInsteadOfSkippingIt() {
        assertThatThrownBy(() -> RequiresKeycloak.Condition.evaluate(() -> {
            throw new IllegalStateException("the shared Keycloak could not start");
        })).isInstanceOf(IllegalStateException.class);
    }
}
