package io.kelvin.core.alarm;

import java.util.Objects;

/**
 * What became of an operator's action: done (the device took it and it is recorded), or rejected with
 * a message naming why (the alarm's state, the operator's input, or the device's refusal in its own
 * words). A rejected action changed nothing.
 */
public sealed interface ActionResult {

    record Done(Alarm alarm) implements ActionResult {
        public Done {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    /** {@code reason} says what is wrong; {@code kind} tells the caller whom to blame. */
    record Rejected(Kind kind, String reason) implements ActionResult {
        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an action was rejected. */
    enum Kind {
        /** No such alarm. */
        UNKNOWN_ALARM,
        /** The operator's input is not valid (blank name, too long a comment, no shelving reason). */
        INVALID_INPUT,
        /** The alarm's state does not allow it (already acknowledged, cleared, not shelved ...). */
        NOT_ALLOWED,
        /** The device answered no. */
        DEVICE_REFUSED,
        /** The device could not be asked. */
        DEVICE_UNREACHABLE
    }
}
