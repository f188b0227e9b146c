package io.kelvin.core.telemetry;

/** How the samples inside one step of a range query are folded into one value. */
public enum Aggregate {
    MEAN,
    MIN,
    MAX,
    /** The latest value inside the step. */
    LAST
}
