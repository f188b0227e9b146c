package io.kelvin.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final HealthTracker health = new HealthTracker("dev");

    @Test
    void aDeviceIsDownBeforeItsFirstConnection() {
        assertThat(health.snapshot().state()).isEqualTo(DeviceState.DOWN);
    }

    @Test
    void aDeviceIsDegradedForTwoUnansweredReadsAndDownAtTheThird() {
        health.connected();
        health.readSucceeded("a", T0);
        health.readFailed("a", "timeout 1");
        health.readFailed("a", "timeout 2");
        assertThat(health.snapshot().state()).isEqualTo(DeviceState.DEGRADED);

        health.readFailed("a", "timeout 3");

        assertThat(health.snapshot().state()).isEqualTo(DeviceState.DOWN);
        assertThat(health.snapshot().lastError()).contains("timeout 3");
    }

    @Test
    void oneAnsweredReadBringsADownDeviceBackUp() {
        health.connected();
        for (int i = 0; i < 5; i++) {
            health.readFailed("a", "timeout");
        }
        health.readSucceeded("a", T0);

        assertThat(health.snapshot().state()).isEqualTo(DeviceState.UP);
        assertThat(health.snapshot().lastSuccess()).contains(T0);
    }

    @Test
    void refusalsDegradeButNeverCountTowardsDown() {
        // an exception response is an answer: the device is there, only the request is wrong
        health.connected();
        for (int i = 0; i < 10; i++) {
            health.readRefused("a", "exception response 02 (illegal data address)");
        }

        assertThat(health.snapshot().state()).isEqualTo(DeviceState.DEGRADED);
    }

    @Test
    void anUnansweredReadAfterARefusalStartsTheCountAgain() {
        health.connected();
        health.readFailed("a", "timeout");
        health.readFailed("a", "timeout");
        health.readRefused("a", "exception response 06 (server device busy)");
        health.readFailed("a", "timeout");

        assertThat(health.snapshot().state()).isEqualTo(DeviceState.DEGRADED);
    }
}
