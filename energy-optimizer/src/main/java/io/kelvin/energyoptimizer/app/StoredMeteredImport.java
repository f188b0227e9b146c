package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.MeteredImport;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The site's metered grid import from the telemetry store: the mean of the GOOD values of every
 * {@code grid_import} meter over the window, less those of the {@code grid_export} meters. Empty when a meter
 * has no GOOD value there, or its values cover less than half of the window (then the bias the planner would
 * draw from it is not worth trusting). Also the {@code wind} meters' lowest summed step mean
 * ({@link io.kelvin.core.plan.MeteredWind}).
 */
public final class StoredMeteredImport implements MeteredImport, io.kelvin.core.plan.MeteredWind {

    private final List<Meter> imports;
    private final List<Meter> exports;
    private final List<Meter> wind;
    private final TelemetryStore store;

    public StoredMeteredImport(Site site, TelemetryStore store) {
        this.imports = site.meters().stream().filter(m -> m.role() == MeterRole.GRID_IMPORT).toList();
        this.exports = site.meters().stream().filter(m -> m.role() == MeterRole.GRID_EXPORT).toList();
        this.wind = site.meters().stream().filter(m -> m.role() == MeterRole.WIND).toList();
        this.store = store;
    }

    @Override
    public OptionalDouble meanKw(Instant from, Instant to) {
        return imports.isEmpty() ? OptionalDouble.empty() : meanKw(store, imports, exports, from, to);
    }

    /**
     * The sum of the mean GOOD kW of {@code plus} less that of {@code minus} over {@code [from, to)}; empty when a
     * meter has no GOOD value there or its values cover less than half of the window.
     */
    static OptionalDouble meanKw(TelemetryStore store, List<Meter> plus, List<Meter> minus, Instant from, Instant to) {
        Duration window = Duration.between(from, to);
        if (window.isNegative() || window.isZero()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (Meter m : plus) {
            OptionalDouble kw = mean(store, m, from, to, window);
            if (kw.isEmpty()) {
                return kw;
            }
            total += kw.getAsDouble();
        }
        for (Meter m : minus) {
            OptionalDouble kw = mean(store, m, from, to, window);
            if (kw.isEmpty()) {
                return kw;
            }
            total -= kw.getAsDouble();
        }
        return OptionalDouble.of(total);
    }

    /**
     * The lowest {@code step} mean of the {@code wind} meters' summed output in the window, over the steps every
     * wind meter covers at least half of; empty when there is no such step.
     */
    @Override
    public OptionalDouble lowestKw(Instant from, Instant to, Duration step) {
        if (wind.isEmpty() || !from.isBefore(to) || step.isNegative() || step.isZero()) {
            return OptionalDouble.empty();
        }
        java.util.Map<Instant, double[]> byStep = new java.util.TreeMap<>();
        for (Meter m : wind) {
            for (StepMean s : store.goodMeans(m.point(), from, to, step)) {
                if (!Double.isNaN(s.mean()) && s.covered().multipliedBy(2).compareTo(step) >= 0) {
                    double[] sum = byStep.computeIfAbsent(s.time(), k -> new double[2]);
                    sum[0] += s.mean();
                    sum[1]++;
                }
            }
        }
        return byStep.values().stream().filter(v -> v[1] == wind.size()).mapToDouble(v -> v[0]).min();
    }

    private static OptionalDouble mean(TelemetryStore store, Meter m, Instant from, Instant to, Duration window) {
        List<StepMean> means = store.goodMeans(m.point(), from, to, window);
        if (means.isEmpty() || Double.isNaN(means.getFirst().mean())
                || means.getFirst().covered().multipliedBy(2).compareTo(window) < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(means.getFirst().mean());
    }
}
