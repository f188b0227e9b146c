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
 * draw from it is not worth trusting).
 */
public final class StoredMeteredImport implements MeteredImport {

    private final List<Meter> imports;
    private final List<Meter> exports;
    private final TelemetryStore store;

    public StoredMeteredImport(Site site, TelemetryStore store) {
        this.imports = site.meters().stream().filter(m -> m.role() == MeterRole.GRID_IMPORT).toList();
        this.exports = site.meters().stream().filter(m -> m.role() == MeterRole.GRID_EXPORT).toList();
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

    private static OptionalDouble mean(TelemetryStore store, Meter m, Instant from, Instant to, Duration window) {
        List<StepMean> means = store.goodMeans(m.point(), from, to, window);
        if (means.isEmpty() || Double.isNaN(means.getFirst().mean())
                || means.getFirst().covered().multipliedBy(2).compareTo(window) < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(means.getFirst().mean());
    }
}
