package io.kelvin.web.api;

import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.device.DeviceState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Names the devices that are down or degraded, with each one's last error in its own words, in
 * readiness ({@code kelvin-devices}). The check stays UP: a site with one unreachable chiller still
 * serves its dashboard and its other devices, and whoever watches readiness reads {@code down}.
 * Overload shows too: {@code pollOverruns} (poll cycles skipped since start, all devices),
 * {@code pollOverrunsLastMinute}, and {@code overrunning} naming the devices that skipped cycles in the
 * last minute, each with that count and the time of its newest overrun.
 */
@Readiness
@ApplicationScoped
public class DeviceReadiness implements HealthCheck {

    static final String NAME = "kelvin-devices";

    private final DeviceHealthSource health;

    public DeviceReadiness(DeviceHealthSource health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return describe(health.devices());
    }

    /** The check's answer for these devices: counts, and the ids (with last error) of those down and degraded. */
    static HealthCheckResponse describe(List<DeviceHealth> devices) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("devices", devices.size())
                .withData("up", devices.stream().filter(d -> d.state() == DeviceState.UP).count())
                .withData("down", names(devices, DeviceState.DOWN))
                .withData("degraded", names(devices, DeviceState.DEGRADED))
                .withData("pollOverruns", devices.stream().mapToLong(DeviceHealth::pollOverruns).sum())
                .withData("pollOverrunsLastMinute", devices.stream().mapToLong(DeviceHealth::pollOverrunsLastMinute).sum())
                .withData("overrunning", devices.stream().filter(d -> d.pollOverrunsLastMinute() > 0)
                        .map(d -> d.device() + " (" + d.pollOverrunsLastMinute() + " in the last minute, last at "
                                + d.lastPollOverrun().map(Object::toString).orElse("?") + ")")
                        .collect(Collectors.joining(", ")));
        for (DeviceHealth d : devices) {
            if (d.state() != DeviceState.UP) {
                response.withData(d.device(), d.state() + d.lastError().map(e -> ": " + e.code() + " (" + e.message() + ")")
                        .orElse(""));
            }
        }
        return response.build();
    }

    private static String names(List<DeviceHealth> devices, DeviceState state) {
        return devices.stream().filter(d -> d.state() == state).map(DeviceHealth::device).collect(Collectors.joining(","));
    }
}
