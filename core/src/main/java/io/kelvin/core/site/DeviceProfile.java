package io.kelvin.core.site;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The points of one device model, loaded from {@code site-configs/profiles/ID.yaml}. Adding a
 * device model needs a profile, never a Java change. OPC UA profiles name the server namespace their
 * node ids live in by URI, so the index the server assigns does not matter. Modbus profiles may
 * carry device {@code modbus} quirks and a {@code discovery} that places their points at run time.
 */
public record DeviceProfile(String id, String manufacturer, String model, DeviceClass deviceClass,
                            Protocol protocol, Optional<String> namespaceUri, List<PointDef> points,
                            PollIntervals pollIntervals, ModbusQuirks modbus, Discovery discovery) {

    public DeviceProfile(String id, String manufacturer, String model, DeviceClass deviceClass,
                         Protocol protocol, Optional<String> namespaceUri, List<PointDef> points) {
        this(id, manufacturer, model, deviceClass, protocol, namespaceUri, points, PollIntervals.DEFAULTS,
                ModbusQuirks.DEFAULTS, Discovery.NONE);
    }

    public Optional<PointDef> point(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** How often {@code point} is read: its own interval, else its class's interval in this profile. */
    public Duration interval(PointDef point) {
        return pollIntervals.of(point);
    }

    /**
     * How often a fresh sample of {@code point} is due: its poll interval, or for OPC UA its sampling
     * interval when that is longer (a polled OPC UA point is read at its sampling interval; a subscribed
     * one is re-asserted at its poll interval). Staleness is judged against this.
     */
    public Duration refreshInterval(PointDef point) {
        Duration interval = interval(point);
        if (protocol == Protocol.OPCUA && point.monitoring().samplingInterval().compareTo(interval) > 0) {
            return point.monitoring().samplingInterval();
        }
        return interval;
    }
}
