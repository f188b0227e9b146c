package io.kelvin.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.device.DeviceError;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.device.PointHealth;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final DeviceInfo NONE = DeviceInfo.from(Map.of(), "test", "", "");

    private final SettableClock clock = new SettableClock(T0);
    private final HealthTracker health = new HealthTracker("dev", clock);

    @Test
    void pollOverrunsShowTheirTotalTheLastMinutesCountAndWhenTheNewestHappened() {
        assertThat(snapshot().lastPollOverrun()).isEmpty();
        health.overran(3);
        clock.advance(Duration.ofSeconds(45));
        health.overran(2);
        assertThat(snapshot().pollOverruns()).isEqualTo(5);
        assertThat(snapshot().pollOverrunsLastMinute()).isEqualTo(5);
        assertThat(snapshot().lastPollOverrun()).contains(T0.plusSeconds(45));
        clock.advance(Duration.ofSeconds(30));
        assertThat(snapshot().pollOverrunsLastMinute()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        DeviceHealth quiet = snapshot();
        assertThat(quiet.pollOverrunsLastMinute()).isZero();
        assertThat(quiet.pollOverruns()).isEqualTo(5);
        assertThat(quiet.lastPollOverrun()).contains(T0.plusSeconds(45));
    }

    @Test
    void aSnapshotTakenWhileOverrunsArriveAlwaysHasTheLastMinutesCountWithinTheTotal() throws Exception {
        Thread poller = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                health.overran(1);
            }
        });
        while (poller.isAlive()) {
            DeviceHealth now = snapshot();
            assertThat(now.pollOverrunsLastMinute()).isLessThanOrEqualTo(now.pollOverruns());
        }
        poller.join();
        assertThat(snapshot().pollOverruns()).isEqualTo(200_000);
        assertThat(snapshot().pollOverrunsLastMinute()).isEqualTo(200_000);
    }

    @Test
    void aDeviceIsDownBeforeItsFirstConnection() {
        assertThat(snapshot().state()).isEqualTo(DeviceState.DOWN);
    }

    @Test
    void aDeviceIsDegradedForTwoUnansweredReadsAndDownAtTheThird() {
        health.connected();
        health.readSucceeded("a", T0);
        health.readFailed("a", timeout(1));
        health.readFailed("a", timeout(2));
        assertThat(snapshot().state()).isEqualTo(DeviceState.DEGRADED);
        clock.advance(Duration.ofSeconds(3));

        health.readFailed("a", timeout(3));

        assertThat(snapshot().state()).isEqualTo(DeviceState.DOWN);
        assertThat(snapshot().lastError()).contains(new DeviceError("Read timed out", "timeout 3", T0.plusSeconds(3)));
    }

    @Test
    void oneAnsweredReadBringsADownDeviceBackUp() {
        health.connected();
        for (int i = 0; i < 5; i++) {
            health.readFailed("a", timeout(i));
        }
        health.readSucceeded("a", T0);

        assertThat(snapshot().state()).isEqualTo(DeviceState.UP);
        assertThat(snapshot().lastSuccess()).contains(T0);
    }

    @Test
    void refusalsDegradeButNeverCountTowardsDown() {
        // an exception response is an answer: the device is there, only the request is wrong
        health.connected();
        for (int i = 0; i < 10; i++) {
            health.readRefused("a", new HealthTracker.Failure("ILLEGAL DATA ADDRESS",
                    "exception response 02 (illegal data address)"));
        }

        assertThat(snapshot().state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(snapshot().lastError()).get().extracting(DeviceError::code).isEqualTo("ILLEGAL DATA ADDRESS");
    }

    @Test
    void anUnansweredReadAfterARefusalStartsTheCountAgain() {
        health.connected();
        health.readFailed("a", timeout(1));
        health.readFailed("a", timeout(2));
        health.readRefused("a", new HealthTracker.Failure("SERVER DEVICE BUSY", "exception response 06 (server device busy)"));
        health.readFailed("a", timeout(3));

        assertThat(snapshot().state()).isEqualTo(DeviceState.DEGRADED);
    }

    @Test
    void aPointTurningBadKeepsTheDevicesReasonItsSinceAndWhenItWasLastGood() {
        PointId supply = PointId.of("dev", "supply_c");
        health.observe(Sample.good(supply, 30, T0), Optional.empty());
        Instant bad = T0.plusSeconds(10);
        health.observe(new Sample(supply, 30, Quality.BAD, bad, bad), Optional.of("BadSensorFailure"));
        health.observe(new Sample(supply, 30, Quality.BAD, bad.plusSeconds(1), bad.plusSeconds(1)),
                Optional.of("BadSensorFailure"));

        assertThat(snapshot().point("supply_c")).contains(new PointHealth("supply_c", Quality.BAD,
                Optional.of("BadSensorFailure"), bad, Optional.of(T0)));
        assertThat(snapshot().lastGoodSample()).contains(T0);
    }

    private DeviceHealth snapshot() {
        return health.snapshot(NONE);
    }

    private static HealthTracker.Failure timeout(int n) {
        return new HealthTracker.Failure("Read timed out", "timeout " + n);
    }
}
