package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.MemoryTelemetryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredMeteredImportTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final PointId GRID = PointId.of("meter-grid", "active_power_kw");
    private static final Instant T0 = Instant.parse("2026-06-21T00:00:00Z");

    @Test
    void theMeanOfTheGridMeterOverTheWindowIsTheMeteredImport() {
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        store.fill(GRID, T0, T0.plus(Duration.ofMinutes(10)), Duration.ofSeconds(10),
                t -> t.isBefore(T0.plus(Duration.ofMinutes(5))) ? 4000.0 : 5000.0);

        StoredMeteredImport metered = new StoredMeteredImport(SITE, store);

        assertThat(metered.meanKw(T0, T0.plus(Duration.ofMinutes(5))).orElseThrow()).isCloseTo(4000.0, within(1e-6));
        assertThat(metered.meanKw(T0, T0.plus(Duration.ofMinutes(10))).orElseThrow()).isCloseTo(4500.0, within(1.0));
    }

    @Test
    void aWindowWithoutGridMeterDataHasNoMeteredImport() {
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        store.fill(GRID, T0, T0.plus(Duration.ofMinutes(1)), Duration.ofSeconds(10), t -> 4000.0);

        StoredMeteredImport metered = new StoredMeteredImport(SITE, store);

        assertThat(metered.meanKw(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void theLowestMinuteOfBothTurbinesTogetherIsTheMeteredLowWind() {
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        PointId wt1 = PointId.of("wt-01", "power_kw");
        PointId wt2 = PointId.of("wt-02", "power_kw");
        Instant dip = T0.plus(Duration.ofMinutes(7));
        store.fill(wt1, T0, T0.plus(Duration.ofMinutes(10)), Duration.ofSeconds(10),
                t -> t.isBefore(dip) || !t.isBefore(dip.plus(Duration.ofMinutes(1))) ? 2000.0 : 800.0);
        store.fill(wt2, T0, T0.plus(Duration.ofMinutes(10)), Duration.ofSeconds(10), t -> 1500.0);

        StoredMeteredImport metered = new StoredMeteredImport(SITE, store);

        assertThat(metered.lowestKw(T0, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1)).orElseThrow())
                .isCloseTo(2300.0, within(1e-6));
        assertThat(metered.lowestKw(T0, T0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(1)).orElseThrow())
                .isCloseTo(3500.0, within(1e-6));
        assertThat(metered.lowestKw(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), Duration.ofMinutes(1)))
                .isEmpty();
    }
}
