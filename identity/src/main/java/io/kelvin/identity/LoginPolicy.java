package io.kelvin.identity;

import java.time.Duration;

/**
 * How failed logins are slowed and then locked. Failures count within {@code window} of the first one.
 * From failure number {@code slowAfter} on, each answer waits {@code firstDelay}, doubled per further
 * failure up to {@code maxDelay}; at {@code lockAfter} failures the user name is locked for
 * {@code lockFor} (even the right password is refused then). A success clears the count.
 */
public record LoginPolicy(int slowAfter, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor,
                          Duration window) {

    public LoginPolicy {
        if (slowAfter < 1 || lockAfter < slowAfter) {
            throw new IllegalArgumentException("login policy: need 1 <= slowAfter <= lockAfter");
        }
    }

    /** 3 free tries, then 1 s, 2 s, (4 s ...) waits; 5 failures in 15 min lock for 15 min. */
    public static LoginPolicy defaults() {
        return new LoginPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofMinutes(15),
                Duration.ofMinutes(15));
    }

    /** The wait before answering after the {@code failures}-th failure (zero before {@code slowAfter}). */
    public Duration delayAfter(int failures) {
        if (failures < slowAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - slowAfter, 16);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
