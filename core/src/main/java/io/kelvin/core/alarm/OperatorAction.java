package io.kelvin.core.alarm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator asks to do to an alarm, with their name and comment. Each is carried out on the
 * device first (OPC UA Part 9: Acknowledge and Confirm 5.7.3/5.7.4, TimedShelve, OneShotShelve and
 * Unshelve 5.8.10) and recorded only when the device took it.
 */
public sealed interface OperatorAction {

    String operator();

    String comment();

    /** What the action is called in messages ("acknowledge", ...). */
    String verb();

    record Acknowledge(String operator, String comment) implements OperatorAction {
        public Acknowledge {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public String verb() {
            return "acknowledge";
        }
    }

    record Confirm(String operator, String comment) implements OperatorAction {
        public Confirm {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public String verb() {
            return "confirm";
        }
    }

    /** {@code kind} TIMED needs a {@code duration}; ONE_SHOT lasts until the alarm next returns to normal. */
    record Shelve(String operator, Shelving kind, Optional<Duration> duration, String comment) implements OperatorAction {
        public Shelve {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public String verb() {
            return "shelve";
        }
    }

    record Unshelve(String operator, String comment) implements OperatorAction {
        public Unshelve {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public String verb() {
            return "unshelve";
        }
    }
}
