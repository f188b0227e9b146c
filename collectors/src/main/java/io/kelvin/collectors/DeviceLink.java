package io.kelvin.collectors;

import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.site.PointDef;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Collectors} needs from a protocol adapter for one device: write a point and read it
 * back, report health and device information, and act on the device's alarms where its protocol has
 * alarm methods. Library types never cross it.
 */
public interface DeviceLink {

    String deviceId();

    /**
     * Writes {@code value} (engineering unit, already checked against the setpoint limits) and returns
     * the value read back.
     *
     * @throws io.kelvin.core.control.WriteFailedException when the device did not take it
     */
    double write(PointDef point, double value);

    DeviceHealth health();

    /**
     * Text facts about the device by name: text points of its profile (model, serial number, firmware
     * version) with their newest value, what the server says of itself, and discovery results. Samples
     * are numeric, so text goes here.
     */
    default Map<String, String> deviceInfo() {
        return Map.of();
    }

    /** The device's alarm methods (OPC UA Acknowledge, Confirm, shelving); empty for protocols without. */
    default Optional<AlarmActions> alarmActions() {
        return Optional.empty();
    }
}
