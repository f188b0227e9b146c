package io.kelvin.core.device;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A device's common information: who made it, which model, its serial number and firmware version,
 * and where Kelvin read them ({@code source}: the SunSpec common model 1, the OPC UA server's BuildInfo,
 * text points of the profile, or the profile's own manufacturer and model when the device says
 * nothing). {@code facts} holds everything the device told, by name (text points, discovery results).
 */
public record DeviceInfo(Optional<String> manufacturer, Optional<String> model, Optional<String> serialNumber,
                         Optional<String> firmwareVersion, String source, Map<String, String> facts) {

    /** Fact names that carry each field, in order of preference (SunSpec model 1 names among them). */
    public static final List<String> MANUFACTURER = List.of("manufacturer");
    public static final List<String> MODEL = List.of("model");
    public static final List<String> SERIAL_NUMBER = List.of("serial_number", "serial");
    public static final List<String> FIRMWARE_VERSION = List.of("firmware_version", "version", "software_version");

    public DeviceInfo {
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(source, "source");
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /**
     * The fields read from {@code facts} by their conventional names; a field the facts lack falls back
     * to the profile's {@code profileManufacturer} / {@code profileModel} (source then says so).
     */
    public static DeviceInfo from(Map<String, String> facts, String source, String profileManufacturer,
                                  String profileModel) {
        Optional<String> manufacturer = first(facts, MANUFACTURER);
        Optional<String> model = first(facts, MODEL);
        boolean fromDevice = manufacturer.isPresent() || model.isPresent() || first(facts, SERIAL_NUMBER).isPresent()
                || first(facts, FIRMWARE_VERSION).isPresent();
        return new DeviceInfo(manufacturer.or(() -> nonBlank(profileManufacturer)),
                model.or(() -> nonBlank(profileModel)), first(facts, SERIAL_NUMBER), first(facts, FIRMWARE_VERSION),
                fromDevice ? source : "device profile", facts);
    }

    private static Optional<String> first(Map<String, String> facts, List<String> names) {
        return names.stream().map(facts::get).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
