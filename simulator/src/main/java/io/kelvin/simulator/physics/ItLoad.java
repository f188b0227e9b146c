package io.kelvin.simulator.physics;

import io.kelvin.core.site.Cluster;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;

/**
 * Cluster utilization: a daily pattern (0.80 +- 0.06, busiest at 14:00 local) plus a seeded
 * random walk (std 0.025, correlation time 30 min), clamped to [0.70, 0.90]. IT power is
 * {@link Cluster#itPowerKw(double)} of it. An override (e.g. from a job schedule) replaces the pattern.
 */
public final class ItLoad {

    static final double MIN_UTILIZATION = 0.70;
    static final double MAX_UTILIZATION = 0.90;

    private final Cluster cluster;
    private final ZoneId zone;
    private final OuProcess walk;
    private OptionalDouble override = OptionalDouble.empty();
    private double utilization;

    public ItLoad(Cluster cluster, ZoneId zone, long seed) {
        this.cluster = cluster;
        this.zone = zone;
        this.walk = new OuProcess(0.0, 0.025, 1800.0, seed ^ 0x17);
    }

    void step(Instant at, double dtSeconds) {
        walk.step(dtSeconds);
        evaluate(at);
    }

    void evaluate(Instant at) {
        if (override.isPresent()) {
            utilization = override.getAsDouble();
            return;
        }
        ZonedDateTime local = at.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double daily = 0.80 + 0.06 * Math.cos(2 * Math.PI * (hour - 14.0) / 24.0);
        utilization = Physics.clamp(daily + walk.value(), MIN_UTILIZATION, MAX_UTILIZATION);
    }

    /** Fixes the utilization (0..1) until cleared with an empty value. */
    void override(OptionalDouble utilization) {
        utilization.ifPresent(u -> {
            if (u < 0 || u > 1) {
                throw new IllegalArgumentException("utilization must be 0..1, was " + u);
            }
        });
        this.override = utilization;
    }

    public double utilization() {
        return utilization;
    }

    public double itPowerKw() {
        return cluster.itPowerKw(utilization);
    }
}
