package io.kelvin.core.alarm;

/**
 * Where collectors hand the events devices report. Called from protocol threads, for one device
 * always in the order the device sent them; must not block for long and must be thread-safe.
 */
@FunctionalInterface
public interface DeviceEventSink {

    void accept(DeviceEvent event);
}
