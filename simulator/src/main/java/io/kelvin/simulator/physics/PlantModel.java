package io.kelvin.simulator.physics;

import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The physics of a whole site, advanced in whole 1 s substeps. Not thread-safe: the twin guards it.
 * Deterministic: the same site, seed, start and sequence of calls give the same values.
 *
 * <p>Every point of every device in the site file has a value, by its profile's point name. Points a
 * model does not know read as 0 clamped into the point's range (see {@link #unmodelledPoints()}).
 * The model starts one simulated hour before {@code start} and runs up to it, so loops, staging and
 * ramps are settled when a twin opens.
 */
public final class PlantModel {

    static final Duration SUBSTEP = Duration.ofSeconds(1);
    static final Duration WARM_UP = Duration.ofHours(1);

    private final Site site;
    private final Plant plant;
    private final Map<String, DeviceModel> models;
    private final Map<PointId, Double> unmodelledSetpoints = new HashMap<>();
    private final Set<PointId> unmodelled = new TreeSet<>();
    private Instant now;
    /** The latest time asked for; the model trails it by less than one substep. */
    private Instant requested;

    private PlantModel(Site site, Plant plant, Map<String, DeviceModel> models, Instant now) {
        this.site = site;
        this.plant = plant;
        this.models = models;
        this.now = now;
        this.requested = now;
    }

    /** Builds the plant of {@code site} and runs it until {@code start} (whole seconds). */
    public static PlantModel create(Site site, long seed, Instant start) {
        Instant begin = start.minus(WARM_UP).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Plant plant = PlantBuilder.build(site, seed, begin);
        Map<String, DeviceModel> models = new LinkedHashMap<>();
        plant.devices().forEach(model -> models.put(model.deviceId(), model));
        PlantModel model = new PlantModel(site, plant, models, begin);
        model.findUnmodelled();
        model.advanceTo(start);
        return model;
    }

    public Instant now() {
        return now;
    }

    /** Runs whole substeps up to {@code target}; a remainder under a second waits for the next call. */
    public void advanceTo(Instant target) {
        if (target.isAfter(requested)) {
            requested = target;
        }
        while (!now.plus(SUBSTEP).isAfter(requested)) {
            now = now.plus(SUBSTEP);
            plant.step(now, SUBSTEP.toMillis() / 1000.0);
        }
    }

    /** Advances by {@code duration} from the last requested time, so fractions of a second add up. */
    public void advance(Duration duration) {
        advanceTo(requested.plus(duration));
    }

    /** The value of every point of a device, in profile order. */
    public Map<String, Double> values(String deviceId) {
        Device device = site.device(deviceId)
                .orElseThrow(() -> new IllegalArgumentException("no device '" + deviceId + "' in the site"));
        Map<String, Double> modelled = new HashMap<>();
        DeviceModel model = models.get(deviceId);
        if (model != null) {
            model.values(modelled);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (PointDef point : device.profile().points()) {
            if (point.isText()) {
                continue; // text (a SunSpec serial number ...) is static device information, not physics
            }
            Double value = modelled.get(point.name());
            if (value == null) {
                value = unmodelledSetpoints.getOrDefault(PointId.of(deviceId, point.name()), point.range().clamp(0.0));
            }
            values.put(point.name(), value);
        }
        return values;
    }

    public double value(PointId point) {
        Double value = values(point.device()).get(point.point());
        if (value == null) {
            throw new IllegalArgumentException("device '" + point.device() + "' has no point '" + point.point() + "'");
        }
        return value;
    }

    /**
     * Applies a setpoint write. The value must be finite and inside the point's setpoint limits.
     *
     * @throws SetpointRejectedException for an unknown or read-only point or a value outside the limits
     */
    public void write(PointId point, double value) {
        PointDef def = site.device(point.device()).flatMap(d -> d.profile().point(point.point()))
                .orElseThrow(() -> new SetpointRejectedException("unknown point " + point));
        if (def.setpoint().isEmpty()) {
            throw new SetpointRejectedException(point + " is not writable");
        }
        if (!Double.isFinite(value) || !def.setpoint().get().contains(value)) {
            throw new SetpointRejectedException(point + ": " + value + " is outside the setpoint limits "
                    + def.setpoint().get().min() + ".." + def.setpoint().get().max());
        }
        DeviceModel model = models.get(point.device());
        if (model == null || !model.applySetpoint(point.point(), value)) {
            unmodelledSetpoints.put(point, value);
        }
    }

    /**
     * Puts water on (or takes it off) the leak-detection rope of a CDU: its {@code leak_detected} reads 1.
     *
     * @throws IllegalArgumentException when {@code deviceId} is not a CDU of the site
     */
    public void leak(String deviceId, boolean leaking) {
        if (!(models.get(deviceId) instanceof CduModel cdu)) {
            throw new IllegalArgumentException("'" + deviceId + "' is not a CDU of the site");
        }
        cdu.leak(leaking);
    }

    /** Site-level totals of the last substep. */
    public SiteTotals totals() {
        return plant.totals();
    }

    /** Fixes the cluster utilization (0..1), e.g. from a job schedule; empty returns to the daily pattern. */
    public void overrideUtilization(OptionalDouble utilization) {
        plant.itLoad().override(utilization);
    }

    /**
     * Makes the cluster's IT load follow a dispatched plan (ramp and unscheduled load: {@link ItLoad});
     * {@link io.kelvin.core.plan.ClusterDispatch#none()} returns to the daily pattern. An override wins over both.
     */
    public void follow(io.kelvin.core.plan.ClusterDispatch dispatch, double unscheduledMeanKw) {
        plant.itLoad().follow(dispatch, unscheduledMeanKw);
    }

    /** Points of the site's profiles that no model computes; they read as 0 clamped into their range. */
    public Set<PointId> unmodelledPoints() {
        return Set.copyOf(unmodelled);
    }

    /** The city whose solar shape drives the PV inverters. */
    public String solarShapeCity() {
        return plant.solarCity();
    }

    private void findUnmodelled() {
        for (Device device : site.devices()) {
            Map<String, Double> modelled = new HashMap<>();
            DeviceModel model = models.get(device.id());
            if (model != null) {
                model.values(modelled);
            }
            device.profile().points().stream().filter(p -> !p.isText() && !modelled.containsKey(p.name()))
                    .forEach(p -> unmodelled.add(PointId.of(device.id(), p.name())));
        }
    }
}
