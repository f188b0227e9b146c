package io.kelvin.energyoptimizer.app;

import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The IT load Kelvin does not schedule as metered now ({@link LiveItLoad}): the mean of the site's IT meters over
 * the last {@link #WINDOW} (GOOD values only, as {@link StoredMeteredImport} reads them) less what Kelvin's jobs
 * dispatched in the current quarter hour draw above idle ({@link DispatchedJobsDraw}). Empty without IT meters or
 * without enough GOOD data.
 */
public final class MeteredLiveItLoad implements LiveItLoad {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final List<Meter> itMeters;
    private final TelemetryStore store;
    private final DispatchedJobsDraw jobs;
    private final InstantSource clock;

    public MeteredLiveItLoad(Site site, TelemetryStore store, DispatchedJobsDraw jobs, InstantSource clock) {
        this.itMeters = site.meters(MeterRole.IT_LOAD);
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public OptionalDouble unscheduledKw() {
        if (itMeters.isEmpty()) {
            return OptionalDouble.empty();
        }
        Instant now = clock.instant();
        OptionalDouble metered = StoredMeteredImport.meanKw(store, itMeters, List.of(), now.minus(WINDOW), now);
        if (metered.isEmpty()) {
            return metered;
        }
        return OptionalDouble.of(Math.max(0, metered.getAsDouble() - jobs.kwAt(now)));
    }
}
