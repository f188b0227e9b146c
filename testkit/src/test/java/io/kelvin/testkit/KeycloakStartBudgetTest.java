package io.kelvin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when Keycloak cannot be had: the measured skip reason, and no process left behind. */
class KeycloakStartBudgetTest {

    @Test
    void startThatOverrunsItsBudgetStopsKeycloakAndSaysWhatWasMeasured(@TempDir Path work) {
        KeycloakServer.Settings oneSecond = new KeycloakServer.Settings(Duration.ofSeconds(1), false,
                Path.of(System.getProperty("java.home")), KeycloakServer.Settings.START_UP_JVM_OPTIONS, work);

        assertThatThrownBy(() -> KeycloakServer.start(KeycloakDistribution.locate(), oneSecond))
                .isInstanceOf(KeycloakServer.StartTimeout.class)
                .hasMessageContaining("not ready within 1 s (new database; CPU ")
                .hasMessageContaining("load average")
                .hasMessageContaining(work.toString());
        // The skip must not leave a Keycloak behind: no process runs from a home under this work dir.
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(work.toString())))
                .isEmpty();
    }

    @Test
    void distributionThatIsNotThereFailsNamingTheSetting() {
        String before = System.getProperty(KeycloakDistribution.HOME_PROPERTY);
        System.setProperty(KeycloakDistribution.HOME_PROPERTY, "/nonexistent/keycloak");
        try {
            assertThatThrownBy(KeycloakDistribution::locate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("kelvin.keycloak.home=/nonexistent/keycloak: no bin/kc.sh there");
        } finally {
            if (before == null) {
                System.clearProperty(KeycloakDistribution.HOME_PROPERTY);
            } else {
                System.setProperty(KeycloakDistribution.HOME_PROPERTY, before);
            }
        }
    }
}
