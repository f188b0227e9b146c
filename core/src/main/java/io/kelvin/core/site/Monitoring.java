package io.kelvin.core.site;

import java.time.Duration;

/**
 * How an OPC UA server is asked to watch one point (OPC UA Part 4, 5.12.1 and 7.22.2):
 * {@code samplingInterval} is how often the server samples the value (zero asks for its fastest),
 * {@code queueSize} how many changes it keeps between publishes, and {@code deadband} which changes
 * it reports at all. Without profile settings: the poll class interval, a queue of 1, no deadband.
 */
public record Monitoring(Duration samplingInterval, int queueSize, Deadband deadband) {

    public Monitoring {
        if (samplingInterval.isNegative()) {
            throw new IllegalArgumentException("samplingInterval must not be negative, was " + samplingInterval);
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be at least 1, was " + queueSize);
        }
    }

    /** What a point gets when its profile says nothing: sample at the poll class, newest value only. */
    public static Monitoring of(PollClass pollClass) {
        return new Monitoring(pollClass.interval(), 1, Deadband.NONE);
    }

    /**
     * Which changes the server reports. ABSOLUTE: a change of at least {@code value} in the point's
     * unit; PERCENT: of at least {@code value} % of the node's EURange (the server needs the node's
     * EURange property for it).
     */
    public record Deadband(Type type, double value) {

        public static final Deadband NONE = new Deadband(Type.NONE, 0);

        public enum Type { NONE, ABSOLUTE, PERCENT }

        public Deadband {
            if (!Double.isFinite(value) || value < 0 || type == Type.PERCENT && value > 100) {
                throw new IllegalArgumentException(type + " deadband out of range: " + value);
            }
        }

        public static Deadband absolute(double value) {
            return new Deadband(Type.ABSOLUTE, value);
        }

        public static Deadband percent(double value) {
            return new Deadband(Type.PERCENT, value);
        }

        /** The percent deadband as an absolute one over {@code range}, for a node that has no EURange. */
        public Deadband overRange(ValueRange range) {
            return type == Type.PERCENT ? absolute(value / 100 * (range.max() - range.min())) : this;
        }
    }
}
