package io.kelvin.core.plan;

/** A job's place in one stored plan, with that plan's id. */
public record Placement(long planId, PlannedJob job) {
}
