package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a device reported, as the collector received it. Only a {@link ConditionEvent} can be an
 * alarm; every other event (a session opened, an audit record, a system message) is an
 * {@link OtherEvent} and never becomes one (OPC UA Part 9, 5.5.2: only instances of ConditionType and
 * its subtypes carry a condition's state). {@link RefreshStarted} and {@link RefreshEnded} bracket the
 * replay of the device's retained conditions that Kelvin asks for on every (re)connect (Part 9, 4.5
 * and 5.5.7).
 */
public sealed interface DeviceEvent
        permits ConditionEvent, DeviceEvent.OtherEvent, DeviceEvent.RefreshStarted, DeviceEvent.RefreshEnded {

    String device();

    /**
     * An event that is not a condition. {@code severity} is 1..1000 as OPC UA defines it (Part 5,
     * 6.4.2); {@code eventType} is the device's name for the event's type (OPC UA: its type node id).
     */
    record OtherEvent(String device, String eventType, String sourceName, int severity, String message, Instant time)
            implements DeviceEvent {

        public OtherEvent {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The device starts replaying its retained conditions (OPC UA RefreshStartEventType, Part 9, 5.11.2). */
    record RefreshStarted(String device, Instant at) implements DeviceEvent {
    }

    /** The replay is complete (OPC UA RefreshEndEventType, Part 9, 5.11.3). */
    record RefreshEnded(String device, Instant at) implements DeviceEvent {
    }
}
