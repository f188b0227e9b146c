package io.kelvin.simulator.physics;

import io.kelvin.core.plan.ClusterDispatch;
import io.kelvin.core.site.Cluster;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;

/**
 * Cluster utilization: a daily pattern (0.80 +- 0.06, busiest at 14:00 local) plus a seeded
 * random walk (std 0.025, correlation time 30 min), clamped to [0.70, 0.90]. IT power is
 * {@link Cluster#itPowerKw(double)} of it. An override (e.g. from a job schedule) replaces the pattern.
 *
 * <p>Following a dispatched plan ({@link #follow}): while the {@link ClusterDispatch} has a value for the
 * current instant, IT power is that value reached through a ramp, plus the site's own unscheduled load.
 * The ramp: whenever the dispatched value changes (a slot boundary, or a new plan inside a slot) the
 * cluster moves linearly from where it is to the new value over {@link #RAMP_SECONDS} (jobs checkpoint and
 * pause, or resume, within seconds; GPU power follows its kernels). A fall at a slot boundary is started
 * {@link #RAMP_SECONDS} early (jobs to pause are told ahead, so the new slot starts at its power); a rise
 * starts at the boundary (jobs do not start before their slot). The unscheduled load is a mean plus a
 * seeded random walk (std 10 % of the mean, correlation time 30 min), never below 0; the sum is kept
 * within the cluster's idle and full power. Where the dispatch has no value the daily pattern returns.
 */
public final class ItLoad {

    static final double MIN_UTILIZATION = 0.70;
    static final double MAX_UTILIZATION = 0.90;

    private final Cluster cluster;
    private final ZoneId zone;
    private final OuProcess walk;
    /** How long the cluster takes to move to a newly dispatched IT power, in seconds. */
    public static final double RAMP_SECONDS = 10.0;

    private OptionalDouble override = OptionalDouble.empty();
    private double utilization;
    private ClusterDispatch dispatch = ClusterDispatch.none();
    private double unscheduledMeanKw;
    private final OuProcess unscheduledWalk;
    /** The scheduled IT power now, and the ramp it is on: from, to, and the instant it began. */
    private double scheduledKw = Double.NaN;
    private double rampFromKw;
    private double rampToKw = Double.NaN;
    private Instant rampStart;

    public ItLoad(Cluster cluster, ZoneId zone, long seed) {
        this.cluster = cluster;
        this.zone = zone;
        this.walk = new OuProcess(0.0, 0.025, 1800.0, seed ^ 0x17);
        this.unscheduledWalk = new OuProcess(0.0, 0.1, 1800.0, seed ^ 0x2b);
    }

    void step(Instant at, double dtSeconds) {
        walk.step(dtSeconds);
        unscheduledWalk.step(dtSeconds);
        evaluate(at);
    }

    void evaluate(Instant at) {
        if (override.isEmpty() && followDispatch(at)) {
            return;
        }
        scheduledKw = Double.NaN;
        rampToKw = Double.NaN;
        if (override.isPresent()) {
            utilization = override.getAsDouble();
            return;
        }
        ZonedDateTime local = at.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        double daily = 0.80 + 0.06 * Math.cos(2 * Math.PI * (hour - 14.0) / 24.0);
        utilization = Physics.clamp(daily + walk.value(), MIN_UTILIZATION, MAX_UTILIZATION);
    }

    private boolean followDispatch(Instant at) {
        OptionalDouble dispatched = dispatch.itKwAt(at);
        if (dispatched.isEmpty() || !Double.isFinite(dispatched.getAsDouble())) {
            return false;
        }
        double target = dispatched.getAsDouble();
        OptionalDouble ahead = dispatch.itKwAt(at.plusMillis((long) (RAMP_SECONDS * 1000)));
        if (ahead.isPresent() && ahead.getAsDouble() < target) {
            target = ahead.getAsDouble();
        }
        if (Double.isNaN(scheduledKw)) {
            // Taking over from the daily pattern: the ramp starts at the power the cluster draws now.
            scheduledKw = Math.max(0, itPowerKw() - unscheduledKw());
            rampToKw = Double.NaN;
        }
        if (target != rampToKw) {
            rampFromKw = scheduledKw;
            rampToKw = target;
            rampStart = at;
        }
        double elapsed = (at.toEpochMilli() - rampStart.toEpochMilli()) / 1000.0;
        scheduledKw = rampFromKw + (rampToKw - rampFromKw) * Math.min(1.0, Math.max(0.0, elapsed / RAMP_SECONDS));
        double idleKw = cluster.itPowerKw(0.0);
        double fullKw = cluster.itPowerKw(1.0);
        double itKw = Physics.clamp(scheduledKw + unscheduledKw(), idleKw, fullKw);
        utilization = fullKw > idleKw ? (itKw - idleKw) / (fullKw - idleKw) : 0.0;
        return true;
    }

    private double unscheduledKw() {
        return unscheduledMeanKw <= 0 ? 0.0 : Math.max(0, unscheduledMeanKw * (1 + unscheduledWalk.value()));
    }

    /**
     * Follows {@code dispatch} (see the class comment) with {@code unscheduledMeanKw} of the site's own
     * unscheduled load on top; {@link ClusterDispatch#none()} returns to the daily pattern.
     */
    void follow(ClusterDispatch dispatch, double unscheduledMeanKw) {
        if (!(unscheduledMeanKw >= 0) || Double.isInfinite(unscheduledMeanKw)) {
            throw new IllegalArgumentException("unscheduled load must be a finite kW >= 0, was " + unscheduledMeanKw);
        }
        this.dispatch = java.util.Objects.requireNonNull(dispatch, "dispatch");
        this.unscheduledMeanKw = unscheduledMeanKw;
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
