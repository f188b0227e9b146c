package io.kelvin.greenpower.dr.ven;

import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import io.kelvin.greenpower.dr.baseline.Baseline;
import io.kelvin.greenpower.dr.baseline.Baselines;
import io.kelvin.greenpower.dr.baseline.LoadHistory;
import io.kelvin.greenpower.dr.baseline.StoredLoad;
import java.time.Duration;
import java.time.Instant;
import io.kelvin.core.dr.DrPlanOutcome;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Report values from stored meter data: a resource's demand is the sum of its meters' points (site
 * file, {@code demandResponse.resources}); its baseline is CAISO 10-in-10 (the method the site's
 * program uses is a setting of part 2's app; this is the default) over {@code step}-long steps, with
 * the days of other events excluded by the caller through {@code excludedDays}; the shortfalls from
 * {@code shortfalls} (the app: its newest DR re-plan's outcome).
 */
public final class MeterReportSource implements ReportSource {

    private static final Duration HISTORY = Duration.ofDays(Baselines.LOOKBACK_DAYS + 1);

    private final Site site;
    private final TelemetryStore store;
    private final Duration step;
    private final Set<java.time.LocalDate> excludedDays;
    private final java.util.function.Function<String, java.util.Optional<DrPlanOutcome.Shortfall>> shortfalls;

    public MeterReportSource(Site site, TelemetryStore store, Duration step, Set<java.time.LocalDate> excludedDays) {
        this(site, store, step, excludedDays, eventId -> java.util.Optional.empty());
    }

    public MeterReportSource(Site site, TelemetryStore store, Duration step, Set<java.time.LocalDate> excludedDays,
                             java.util.function.Function<String, java.util.Optional<DrPlanOutcome.Shortfall>> shortfalls) {
        this.site = site;
        this.store = store;
        this.step = step;
        this.excludedDays = Set.copyOf(excludedDays);
        this.shortfalls = shortfalls;
    }

    @Override
    public java.util.Optional<DrPlanOutcome.Shortfall> shortfall(String eventId) {
        return shortfalls.apply(eventId);
    }

    @Override
    public OptionalDouble demandKw(String resourceName, Instant from, Instant to) {
        return StoredLoad.read(store, points(resourceName), from, to, step).mean(from, to);
    }

    @Override
    public OptionalDouble baselineKw(String resourceName, String eventId, Instant from, Instant to) {
        LoadHistory load = StoredLoad.read(store, points(resourceName), from.minus(HISTORY), to, step);
        Baseline baseline = Baselines.caiso10in10(load, from, to, site.info().timezone(), excludedDays);
        List<TimeValue> values = baseline.values();
        return values.isEmpty() || values.stream().anyMatch(TimeValue::isGap) ? OptionalDouble.empty()
                : OptionalDouble.of(baseline.meanKw());
    }

    private List<PointId> points(String resourceName) {
        List<String> meters = site.demandResponse().flatMap(dr -> dr.resources().stream()
                .filter(r -> r.name().equals(resourceName)).findFirst()).map(DemandResponse.Resource::meters).orElse(List.of());
        return site.meters().stream().filter(m -> meters.contains(m.id())).map(Meter::point).toList();
    }
}
