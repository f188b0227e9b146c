package io.kelvin.testkit.alarm;

import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.ConditionEvent;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.ConditionStates;
import io.kelvin.core.alarm.EventId;
import io.kelvin.core.alarm.Shelving;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Condition events as a device sends them, for tests that feed an alarm desk without a server:
 * by default active, unacknowledged, retained, enabled, severity 900, no ConfirmedState, shelvable.
 * Each built event gets a fresh EventId, as a device gives every event its own (OPC UA Part 5, 6.4.2).
 */
public final class ConditionEventBuilder {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private final AlarmKey key;
    private Instant time;
    private boolean active = true;
    private Optional<Boolean> acked = Optional.of(false);
    private Optional<Boolean> confirmed = Optional.empty();
    private Shelving shelving = Shelving.UNSHELVED;
    private boolean retain = true;
    private boolean refresh;
    private int severity = 900;
    private String message = "Leak detected";

    private ConditionEventBuilder(AlarmKey key, Instant time) {
        this.key = key;
        this.time = time;
    }

    public static ConditionEventBuilder of(AlarmKey key, Instant time) {
        return new ConditionEventBuilder(key, time);
    }

    public ConditionEventBuilder at(Instant newTime) {
        time = newTime;
        return this;
    }

    public ConditionEventBuilder active(boolean value) {
        active = value;
        return this;
    }

    public ConditionEventBuilder acked(boolean value) {
        acked = Optional.of(value);
        return this;
    }

    public ConditionEventBuilder confirmed(boolean value) {
        confirmed = Optional.of(value);
        return this;
    }

    public ConditionEventBuilder shelving(Shelving value) {
        shelving = value;
        return this;
    }

    public ConditionEventBuilder retain(boolean value) {
        retain = value;
        return this;
    }

    public ConditionEventBuilder refresh(boolean value) {
        refresh = value;
        return this;
    }

    public ConditionEventBuilder severity(int value) {
        severity = value;
        return this;
    }

    public ConditionEventBuilder message(String value) {
        message = value;
        return this;
    }

    public ConditionEvent build() {
        EventId eventId = new EventId(String.format("%08x", EVENTS.incrementAndGet()));
        Optional<String> shelvingNode = shelving == Shelving.NOT_OFFERED ? Optional.empty()
                : Optional.of(key.conditionId() + "/ShelvingState");
        return new ConditionEvent(new ConditionHandle(key, eventId, shelvingNode), "i=2915", "Alarms",
                key.conditionId(), severity, message, Optional.empty(), Optional.empty(), Optional.empty(),
                new ConditionStates(true, active, acked, confirmed, shelving), retain, time, time, refresh);
    }
}
