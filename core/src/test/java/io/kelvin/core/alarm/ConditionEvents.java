package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Optional;

/** Condition events as a device would send them, for the state machine's tests. */
final class ConditionEvents {

    static final AlarmKey LEAK = AlarmKey.of("cdu-01", "nsu=urn:kelvin:cdu;s=cdu-01/LeakDetected");

    private ConditionEvents() {
    }

    /** A leak condition event: enabled, not shelvable, no ConfirmedState, severity 900, retained. */
    static Builder leak(Instant time) {
        return new Builder(LEAK, time);
    }

    static final class Builder {
        private final AlarmKey key;
        private final Instant time;
        private boolean active = true;
        private Optional<Boolean> acked = Optional.of(false);
        private Optional<Boolean> confirmed = Optional.empty();
        private Shelving shelving = Shelving.NOT_OFFERED;
        private boolean enabled = true;
        private boolean retain = true;
        private boolean refresh;
        private int severity = 900;
        private String message = "Leak detected at cdu-01";
        private Optional<String> user = Optional.empty();
        private int eventNumber = 1;

        Builder(AlarmKey key, Instant time) {
            this.key = key;
            this.time = time;
        }

        Builder active(boolean value) {
            active = value;
            return this;
        }

        Builder acked(boolean value) {
            acked = Optional.of(value);
            return this;
        }

        Builder notAcknowledgeable() {
            acked = Optional.empty();
            return this;
        }

        Builder confirmed(boolean value) {
            confirmed = Optional.of(value);
            return this;
        }

        Builder shelving(Shelving value) {
            shelving = value;
            return this;
        }

        Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        Builder retain(boolean value) {
            retain = value;
            return this;
        }

        Builder refresh() {
            refresh = true;
            return this;
        }

        Builder severity(int value) {
            severity = value;
            return this;
        }

        Builder message(String value) {
            message = value;
            return this;
        }

        Builder byUser(String value) {
            user = Optional.of(value);
            return this;
        }

        Builder event(int number) {
            eventNumber = number;
            return this;
        }

        ConditionEvent build() {
            ConditionHandle handle = new ConditionHandle(key, new EventId(String.format("%04x", eventNumber)),
                    shelving == Shelving.NOT_OFFERED ? Optional.empty() : Optional.of(key.conditionId() + "/ShelvingState"));
            return new ConditionEvent(handle, "i=2915", "Alarms", "LeakDetected", severity, message, Optional.empty(),
                    Optional.empty(), user, new ConditionStates(enabled, active, acked, confirmed, shelving), retain, time,
                    time.plusMillis(20), refresh);
        }
    }
}
