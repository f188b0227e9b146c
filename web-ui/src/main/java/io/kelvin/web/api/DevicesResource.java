package io.kelvin.web.api;

import io.kelvin.core.device.DeviceError;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.device.PointHealth;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every device of the site as the collectors see it: UP, DEGRADED or DOWN, the last error in the
 * device's own words (OPC UA status name, Modbus exception, socket error) with where and when, the
 * last answered read and last GOOD sample, read counters, poll overruns (since start, in the last minute,
 * and when the newest happened), each point's quality and why it is not GOOD,
 * and the device's common information (maker, model, serial, firmware, and where Kelvin read them).
 * Times are the collector clock's, ISO-8601 UTC; unknown values are null.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class DevicesResource {

    public record Devices(int count, int up, int degraded, int down, List<DeviceView> devices) {
    }

    public record DeviceView(String id, String state, ErrorView lastError, Instant lastSuccess, Instant lastGoodSample,
                             long readsOk, long readsFailed, long pollOverruns, long pollOverrunsLastMinute,
                             Instant lastPollOverrun, InfoView info, List<PointView> points) {

        static DeviceView of(DeviceHealth h) {
            return new DeviceView(h.device(), h.state().name(), h.lastError().map(ErrorView::of).orElse(null),
                    h.lastSuccess().orElse(null), h.lastGoodSample().orElse(null), h.readsOk(), h.readsFailed(),
                    h.pollOverruns(), h.pollOverrunsLastMinute(), h.lastPollOverrun().orElse(null),
                    InfoView.of(h.info()), h.points().stream().map(PointView::of).toList());
        }
    }

    public record ErrorView(String code, String message, Instant at) {
        static ErrorView of(DeviceError e) {
            return new ErrorView(e.code(), e.message(), e.at());
        }
    }

    public record InfoView(String manufacturer, String model, String serialNumber, String firmwareVersion,
                           String source, Map<String, String> facts) {
        static InfoView of(DeviceInfo i) {
            return new InfoView(i.manufacturer().orElse(null), i.model().orElse(null), i.serialNumber().orElse(null),
                    i.firmwareVersion().orElse(null), i.source(), i.facts());
        }
    }

    public record PointView(String point, String quality, String reason, Instant since, Instant lastGood) {
        static PointView of(PointHealth p) {
            return new PointView(p.point(), p.quality().name(), p.reason().orElse(null), p.since(),
                    p.lastGood().orElse(null));
        }
    }

    private final DeviceHealthSource health;

    public DevicesResource(DeviceHealthSource health) {
        this.health = health;
    }

    @GET
    public Devices devices() {
        List<DeviceView> devices = health.devices().stream().map(DeviceView::of).toList();
        return new Devices(devices.size(), count(devices, "UP"), count(devices, "DEGRADED"), count(devices, "DOWN"),
                devices);
    }

    private static int count(List<DeviceView> devices, String state) {
        return (int) devices.stream().filter(d -> d.state().equals(state)).count();
    }
}
