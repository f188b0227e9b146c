package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteForecastTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final List<Double> TARIFF = List.of(0.14, 0.14, 0.14, 0.14, 0.14, 0.14, 0.14, 0.20, 0.20, 0.20,
            0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.35, 0.35, 0.35, 0.35, 0.35, 0.20, 0.20, 0.20);
    private static final PlanningSettings SETTINGS = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);

    @Test
    void pvRatingIsTheSumOfTheInvertersBehindThePvMeters() {
        // demo-aidc.yaml: five SunSpec inverters of 500 kW each behind M-PV-01..05.
        assertThat(SiteForecast.pvRatedKw(SITE)).isEqualTo(2500.0);
    }

    @Test
    void sunStandsHighestAtSolarNoonOnTheSummerSolstice() {
        // Shanghai 31.2 N, 121.5 E: solar noon 12 h - 121.5/15 h = 03:54 UTC; elevation 90 - (31.2 - 23.44) = 82.2 deg.
        double noon = SiteForecast.sunElevationSine(Instant.parse("2026-06-21T03:54:00Z"), 31.2, 121.5);
        assertThat(noon).isCloseTo(Math.sin(Math.toRadians(82.24)), within(0.01));
        assertThat(SiteForecast.sunElevationSine(Instant.parse("2026-06-21T16:00:00Z"), 31.2, 121.5)).isNegative();
    }

    @Test
    void forecastHasNoPvAtNightPeakPvNearNoonWindFlatAndLocalTariff() {
        // Horizon from local midnight (Asia/Shanghai = UTC+8) for 24 h.
        Horizon h = Horizon.quarterHours(Instant.parse("2026-06-20T16:00:00Z"), 96);
        Forecast f = SiteForecast.build(SITE, h, SETTINGS, Optional.of(1200.0));

        assertThat(f.pvKw()[0]).isZero();
        double peak = java.util.Arrays.stream(f.pvKw()).max().orElseThrow();
        assertThat(peak).isBetween(0.95 * 2500 * SiteForecast.PV_PERFORMANCE_RATIO, 2500 * SiteForecast.PV_PERFORMANCE_RATIO);
        assertThat(f.windKw()).containsOnly(1200.0);
        // Slot 68 starts 17:00 local: evening peak; slot 48 starts 12:00 local: solar midday price.
        assertThat(f.priceEurPerKwh()[68]).isEqualTo(0.35);
        assertThat(f.priceEurPerKwh()[48]).isEqualTo(0.10);
        assertThat(f.carbonGPerKwh()).containsOnly(550.0);
    }
}
