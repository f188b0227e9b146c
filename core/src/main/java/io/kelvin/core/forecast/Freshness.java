package io.kelvin.core.forecast;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How current a source is at the time of a forecast. Anything but {@link Fresh} makes a plan's input a fallback. */
public sealed interface Freshness {

    boolean isFallback();

    /** Refreshed within its staleness limit (a failed attempt since then is kept in {@code lastProblem}). */
    record Fresh(Optional<String> lastProblem) implements Freshness {
        public Fresh {
            Objects.requireNonNull(lastProblem, "lastProblem");
        }

        public static Fresh ok() {
            return new Fresh(Optional.empty());
        }

        @Override
        public boolean isFallback() {
            return false;
        }
    }

    /** The last good answer is {@code age} old, more than the {@code limit}; {@code lastProblem} says why. */
    record Stale(Duration age, Duration limit, String lastProblem) implements Freshness {
        public Stale {
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(lastProblem, "lastProblem");
        }

        @Override
        public boolean isFallback() {
            return true;
        }
    }

    /** The source never gave a usable answer; {@code reason} is the last problem. */
    record Unavailable(String reason) implements Freshness {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isFallback() {
            return true;
        }
    }

    /** The site file configures no source for this input. */
    record NotConfigured() implements Freshness {
        @Override
        public boolean isFallback() {
            return true;
        }
    }
}
