package io.kelvin.simulator;

import java.util.Optional;

/**
 * How one condition stands on a twin device's server, as a client cannot see it directly: for tests
 * that check what the server received (an acknowledgement and its comment, a shelving). {@code shelving}
 * is Unshelved, TimedShelved or OneShotShelved; {@code confirmed} is empty when the condition has no
 * ConfirmedState; {@code user} is the ClientUserId of the last change; {@code branches} counts the
 * earlier occurrences the server keeps as branches.
 */
public record TwinAlarmState(String condition, boolean active, boolean acked, Optional<Boolean> confirmed,
                             String shelving, boolean retained, String comment, String user, int severity,
                             int branches) {
}
