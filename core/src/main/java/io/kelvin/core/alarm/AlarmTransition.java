package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an alarm's history: what happened ({@code kind}), the phase it left the alarm in, its
 * severity and message at that moment, the device's time of the change ({@code deviceTime}) and
 * Kelvin's ({@code recordedAt}), and who did it with their comment where a person or the device said.
 */
public record AlarmTransition(AlarmKey key, Transition kind, AlarmPhase phase, int severity, String message,
                              Instant deviceTime, Instant recordedAt, Optional<Note> note) {

    public AlarmTransition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(deviceTime, "deviceTime");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(note, "note");
    }
}
