package io.kelvin.core.alarm;

import java.util.Objects;

/**
 * How a device answered an alarm action. A refusal carries the device's own code (OPC UA: the
 * StatusCode's symbolic name, e.g. {@code BadConditionBranchAlreadyAcked}) and a message saying where;
 * an unreachable device could not be asked at all.
 */
public sealed interface DeviceAnswer {

    record Accepted() implements DeviceAnswer {
    }

    record Refused(String code, String message) implements DeviceAnswer {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    record Unreachable(String message) implements DeviceAnswer {
        public Unreachable {
            Objects.requireNonNull(message, "message");
        }
    }

    DeviceAnswer ACCEPTED = new Accepted();
}
