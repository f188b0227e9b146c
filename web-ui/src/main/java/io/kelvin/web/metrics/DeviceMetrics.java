package io.kelvin.web.metrics;

import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.ToDoubleFunction;

/**
 * Per-device health and the alarm counts at {@code /q/metrics}, read when scraped:
 * {@code kelvin_device_state{device}} (0 UP, 1 DEGRADED, 2 DOWN), {@code kelvin_device_reads_failed{device}}
 * (reads without a good answer since start), {@code kelvin_device_last_error_timestamp_seconds{device}}
 * (when the last error happened, NaN when none; its code and message are in {@code GET /api/v1/devices}
 * and readiness), and {@code kelvin_alarms_current} / {@code kelvin_alarms_unacknowledged}.
 */
@ApplicationScoped
public class DeviceMetrics {

    /** Alarms counted for the gauges; a site with more shows this many. */
    static final int COUNTED = 1000;

    private final MeterRegistry registry;
    private final Site site;
    private final DeviceHealthSource health;
    private final AlarmDesk alarms;

    DeviceMetrics(MeterRegistry registry, Site site, DeviceHealthSource health, AlarmDesk alarms) {
        this.registry = registry;
        this.site = site;
        this.health = health;
        this.alarms = alarms;
    }

    void register(@Observes StartupEvent event) {
        for (Device device : site.devices()) {
            String id = device.id();
            device(id, "kelvin.device.state", "0 UP, 1 DEGRADED, 2 DOWN", h -> state(h.state()));
            device(id, "kelvin.device.reads.failed", "Reads without a good answer since start", h -> h.readsFailed());
            device(id, "kelvin.device.last.error.timestamp.seconds", "When the device's last error happened",
                    h -> h.lastError().map(e -> e.at().toEpochMilli() / 1000.0).orElse(Double.NaN));
        }
        Gauge.builder("kelvin.alarms.current", alarms, a -> a.current(COUNTED).size())
                .description("Alarms not cleared").register(registry);
        Gauge.builder("kelvin.alarms.unacknowledged", alarms, a -> a.current(COUNTED).stream()
                        .filter(x -> x.marks().ack() == AckState.UNACKNOWLEDGED).count())
                .description("Alarms waiting for an acknowledgement").register(registry);
    }

    private void device(String id, String name, String description, ToDoubleFunction<DeviceHealth> value) {
        Gauge.builder(name, health, h -> h.device(id).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("device", id).description(description).register(registry);
    }

    private static double state(DeviceState state) {
        return switch (state) {
            case UP -> 0;
            case DEGRADED -> 1;
            case DOWN -> 2;
        };
    }
}
