package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.device.DeviceError;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.device.DeviceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What readiness says about devices that are down or degraded (against the live twin all are UP; see DevicesApiTest). */
class DeviceReadinessTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void devicesThatAreDownOrDegradedAreNamedWithTheirLastErrorAndTheCheckStaysUp() {
        HealthCheckResponse response = DeviceReadiness.describe(List.of(
                device("cdu-01", DeviceState.UP, Optional.empty()),
                device("chiller-02", DeviceState.DOWN, Optional.of(new DeviceError("Connection refused",
                        "127.0.0.1:15020 unit 2: Connection refused; retrying in 2 s", T0))),
                device("cdu-03", DeviceState.DEGRADED, Optional.of(new DeviceError("BadSensorFailure",
                        "ns=2;s=cdu-03/SupplyTemp (supply_temp_c): BadSensorFailure", T0)))));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsEntry("devices", 3L).containsEntry("up", 1L).containsEntry("down", "chiller-02")
                .containsEntry("degraded", "cdu-03")
                .containsEntry("chiller-02", "DOWN: Connection refused (127.0.0.1:15020 unit 2: Connection refused;"
                        + " retrying in 2 s)")
                .containsEntry("cdu-03", "DEGRADED: BadSensorFailure (ns=2;s=cdu-03/SupplyTemp (supply_temp_c):"
                        + " BadSensorFailure)")
                .doesNotContainKey("cdu-01");
    }

    @Test
    void devicesSkippingPollCyclesInTheLastMinuteAreNamedWithTheirCountAndTheNewestOverrunsTime() {
        HealthCheckResponse response = DeviceReadiness.describe(List.of(
                device("cdu-01", DeviceState.UP, Optional.empty()),
                overrunning("meter-01", 40, 12, T0.plusSeconds(30)),
                overrunning("meter-02", 7, 0, T0)));

        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsEntry("pollOverruns", 47L).containsEntry("pollOverrunsLastMinute", 12L)
                .containsEntry("overrunning", "meter-01 (12 in the last minute, last at 2026-06-01T08:00:30Z)")
                .doesNotContainKey("meter-01");
    }

    private static DeviceHealth overrunning(String id, long total, long lastMinute, Instant last) {
        return new DeviceHealth(id, DeviceState.UP, Optional.empty(), Optional.of(T0), Optional.of(T0), 10, 0,
                List.of(), DeviceInfo.from(Map.of(), "device profile", "Acme", "X"), total, lastMinute, Optional.of(last));
    }

    private static DeviceHealth device(String id, DeviceState state, Optional<DeviceError> error) {
        return new DeviceHealth(id, state, error, Optional.of(T0), Optional.of(T0), 10, error.isPresent() ? 1 : 0,
                List.of(), DeviceInfo.from(Map.of(), "device profile", "Acme", "X"));
    }
}
