package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.CarbonSeries;
import io.kelvin.core.forecast.ForecastInput;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.PriceSeries;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvidedForecastTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant START = Instant.parse("2026-06-21T00:00:00Z");
    private static final PlanningSettings SETTINGS = new PlanningSettings(4, Collections.nCopies(24, 0.15), 550, 20,
            Duration.ofSeconds(1), 16);
    private static final Provenance FRESH = new Provenance("feed carbon (csv file)", Optional.of(START.minusSeconds(60)),
            Freshness.Fresh.ok());

    @Test
    void theProvidersValuesAreUsedAndASlotWithoutOneTakesTheSettingFlaggedAsAFallback() {
        Provenance stale = new Provenance("feed price (http)", Optional.of(START.minus(Duration.ofHours(30))),
                new Freshness.Stale(Duration.ofHours(30), Duration.ofHours(6), "HTTP 503"));
        List<Double> seen = new java.util.ArrayList<>();
        ProvidedForecast source = new ProvidedForecast(request -> {
            seen.add((double) request.slots());
            return new HorizonForecast(request,
                    BandSeries.exact(series(FRESH, 100, 120, 140, 160)),
                    new BandSeries(series(FRESH, 5, 5, 5, Double.NaN), new double[] {2, 3, 4, Double.NaN},
                            new double[] {8, 9, 10, Double.NaN}),
                    series(FRESH, 900, 900, 900, 900),
                    new CarbonSeries(series(FRESH, 300, Double.NaN, 310, 320), SlotSeries.missing(4,
                            Provenance.notConfigured("market-based carbon"))),
                    new PriceSeries(series(stale, 0.2, 0.2, 0.2, 0.2), Optional.empty()),
                    SlotSeries.missing(4, Provenance.notConfigured("ambient")));
        }, SITE, SETTINGS);

        ForecastSource.PlanForecast planned = source.forecast(Horizon.quarterHours(START, 4));

        Forecast f = planned.forecast();
        assertThat(seen).containsExactly(4.0);
        assertThat(f.pvKw()).containsExactly(100, 120, 140, 160);
        // Wind and its band as provided; the slot without a wind value takes the setting's (no wind) without spread.
        assertThat(f.windKw()).containsExactly(5, 5, 5, 0);
        assertThat(planned.windP10Kw()).containsExactly(2, 3, 4, 0);
        assertThat(planned.windP90Kw()).containsExactly(8, 9, 10, 0);
        assertThat(f.carbonGPerKwh()).containsExactly(300, 550, 310, 320);
        assertThat(f.priceEurPerKwh()).containsExactly(0.2, 0.2, 0.2, 0.2);
        assertThat(f.ambientC()).containsExactly(20, 20, 20, 20);
        assertThat(planned.inputs()).extracting(PlanInput::input).containsExactly(
                java.util.Arrays.stream(ForecastInput.values()).map(Enum::name).toArray(String[]::new));
        PlanInput carbon = planned.inputs().get(ForecastInput.CARBON_LOCATION_BASED.ordinal());
        assertThat(carbon.freshness()).isEqualTo(PlanInput.Freshness.FRESH);
        assertThat(carbon.fallbackSlots()).isEqualTo(1);
        assertThat(carbon.fallback()).isTrue();
        assertThat(carbon.refreshedAt()).isEqualTo(START.minusSeconds(60));
        PlanInput price = planned.inputs().get(ForecastInput.IMPORT_PRICE.ordinal());
        assertThat(price.freshness()).isEqualTo(PlanInput.Freshness.STALE);
        assertThat(price.detail()).contains("PT30H").contains("HTTP 503");
        assertThat(price.fallback()).isTrue();
        PlanInput ambient = planned.inputs().get(ForecastInput.AMBIENT.ordinal());
        assertThat(ambient.freshness()).isEqualTo(PlanInput.Freshness.NOT_CONFIGURED);
        assertThat(ambient.fallbackSlots()).isEqualTo(4);
        assertThat(planned.inputs().get(ForecastInput.PV.ordinal()).fallback()).isFalse();
    }

    @Test
    void theUnscheduledLoadForecastLessTheClustersIdleDrawIsPlannedAndASlotWithoutOneTakesTheLiveMeteredLoad() {
        // The demo cluster idles at 10,240 GPUs x 0.25 kW = 2,560 kW, which the meters see and the model counts.
        ProvidedForecast source = new ProvidedForecast(request -> new HorizonForecast(request,
                BandSeries.exact(series(FRESH, 0, 0, 0, 0)), BandSeries.exact(series(FRESH, 0, 0, 0, 0)),
                series(FRESH, 8041, Double.NaN, 2000, Double.NaN),
                new CarbonSeries(series(FRESH, 300, 300, 300, 300), SlotSeries.missing(4,
                        Provenance.notConfigured("market-based carbon"))),
                new PriceSeries(series(FRESH, 0.2, 0.2, 0.2, 0.2), Optional.empty()),
                series(FRESH, 20, 20, 20, 20)), SITE, SETTINGS, () -> java.util.OptionalDouble.of(7560));

        ForecastSource.PlanForecast planned = source.forecast(Horizon.quarterHours(START, 4));

        assertThat(planned.forecast().unscheduledItKw()).containsExactly(5481, 5000, 0, 5000);
        PlanInput load = planned.inputs().get(ForecastInput.UNSCHEDULED_IT_LOAD.ordinal());
        assertThat(load.fallback()).isTrue();
        assertThat(load.fallbackSlots()).isEqualTo(2);
        assertThat(load.detail()).contains("2 slots without a forecast take the metered IT load less the jobs' draw, 7560 kW");

        ProvidedForecast unmetered = new ProvidedForecast(request -> new HorizonForecast(request,
                BandSeries.exact(series(FRESH, 0, 0, 0, 0)), BandSeries.exact(series(FRESH, 0, 0, 0, 0)),
                SlotSeries.missing(4, Provenance.notConfigured("IT meters")),
                new CarbonSeries(series(FRESH, 300, 300, 300, 300), SlotSeries.missing(4,
                        Provenance.notConfigured("market-based carbon"))),
                new PriceSeries(series(FRESH, 0.2, 0.2, 0.2, 0.2), Optional.empty()),
                series(FRESH, 20, 20, 20, 20)), SITE, SETTINGS);
        ForecastSource.PlanForecast none = unmetered.forecast(Horizon.quarterHours(START, 4));
        assertThat(none.forecast().unscheduledItKw()).containsOnly(0.0);
        assertThat(none.inputs().get(ForecastInput.UNSCHEDULED_IT_LOAD.ordinal()).detail())
                .contains("no unscheduled load (nothing metered)");
    }

    @Test
    void aPriceFeedInAnotherCurrencyIsUsedAsGivenAndThePlansPriceInputNamesItsCurrency() {
        ForecastSource.PlanForecast planned = pricedIn("USD", 9.0).forecast(Horizon.quarterHours(START, 4));

        assertThat(planned.forecast().priceEurPerKwh()).containsOnly(9.0);
        PlanInput price = planned.inputs().get(ForecastInput.IMPORT_PRICE.ordinal());
        assertThat(price.fallback()).isFalse();
        assertThat(price.detail()).contains("prices in USD used as given, not converted");

        ForecastSource.PlanForecast inEuros = pricedIn("EUR", 0.2).forecast(Horizon.quarterHours(START, 4));
        assertThat(inEuros.forecast().priceEurPerKwh()).containsOnly(0.2);
        assertThat(inEuros.inputs().get(ForecastInput.IMPORT_PRICE.ordinal()).detail()).doesNotContain("converted");
    }

    @Test
    void pricesConvertedFromAnotherCurrencyArePlannedWithAndTheInputSaysFromWhichCurrencyAtWhichRate() {
        ProvidedForecast source = new ProvidedForecast(request -> new HorizonForecast(request,
                BandSeries.exact(series(FRESH, 0, 0, 0, 0)), BandSeries.exact(series(FRESH, 0, 0, 0, 0)),
                series(FRESH, 3000, 3000, 3000, 3000),
                new CarbonSeries(series(FRESH, 300, 300, 300, 300), SlotSeries.missing(4,
                        Provenance.notConfigured("market-based carbon"))),
                new PriceSeries(series(FRESH, 0.064, 0.064, 0.128, 0.128), Optional.of(java.util.Currency.getInstance("EUR")),
                        Optional.of(new PriceSeries.Conversion(java.util.Currency.getInstance("CNY"),
                                new io.kelvin.core.series.ExchangeRate(0.128)))),
                series(FRESH, 20, 20, 20, 20)), SITE, SETTINGS);

        ForecastSource.PlanForecast planned = source.forecast(Horizon.quarterHours(START, 4));

        assertThat(planned.forecast().priceEurPerKwh()).containsExactly(0.064, 0.064, 0.128, 0.128);
        PlanInput price = planned.inputs().get(ForecastInput.IMPORT_PRICE.ordinal());
        assertThat(price.detail()).isEqualTo("converted from CNY at 0.128 EUR/CNY");
        assertThat(price.fallback()).isFalse();
        assertThat(price.freshness()).isEqualTo(PlanInput.Freshness.FRESH);
    }

    /** A fresh forecast for four slots whose price feed gives {@code perKwh} in {@code currency}. */
    private static ProvidedForecast pricedIn(String currency, double perKwh) {
        return new ProvidedForecast(request -> new HorizonForecast(request,
                BandSeries.exact(series(FRESH, 0, 0, 0, 0)), BandSeries.exact(series(FRESH, 0, 0, 0, 0)),
                series(FRESH, 3000, 3000, 3000, 3000),
                new CarbonSeries(series(FRESH, 300, 300, 300, 300), SlotSeries.missing(4,
                        Provenance.notConfigured("market-based carbon"))),
                new PriceSeries(series(FRESH, perKwh, perKwh, perKwh, perKwh),
                        Optional.of(java.util.Currency.getInstance(currency))),
                series(FRESH, 20, 20, 20, 20)), SITE, SETTINGS);
    }

    private static SlotSeries series(Provenance p, double... values) {
        SlotBasis[] basis = new SlotBasis[values.length];
        for (int i = 0; i < values.length; i++) {
            basis[i] = Double.isNaN(values[i]) ? SlotBasis.MISSING : SlotBasis.FEED;
        }
        return new SlotSeries(values, basis, p);
    }
}
