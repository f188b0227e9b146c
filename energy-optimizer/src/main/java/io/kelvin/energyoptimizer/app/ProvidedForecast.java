package io.kelvin.energyoptimizer.app;

import io.kelvin.core.forecast.ForecastInput;
import io.kelvin.core.forecast.ForecastProvider;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.InputStatus;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.site.Site;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The app's forecast from the site's {@link ForecastProvider} (green-power: PV from the inverters' measured
 * clearness, wind, carbon and price feeds of the site file, ambient), with each input's provenance and
 * freshness. A slot the provider has no value for ({@code NaN}: input not configured, source never answered)
 * takes the app's setting for it ({@link SiteForecast}: clear-sky PV, the tariff, flat carbon and ambient,
 * no wind) and counts as a fallback slot. Grid carbon is the location-based series, else the market-based
 * one. Plans are costed in EUR (the carbon price and feed-in credit are EUR): a price feed in another currency with an
 * exchange rate in the site file comes converted ({@link ExchangeRate}) and the price input says from which currency
 * at which rate; without one it is used as given, keeping its shape over the day, and the price input warns, naming
 * the currency, since the plan's costs then read in that currency.
 *
 * <p>The IT load Kelvin does not schedule is part of the problem ({@link Forecast#unscheduledItKw()}). The
 * provider forecasts the IT meters less Kelvin's jobs' draw; the meters also see the cluster's GPUs idling,
 * which the model counts already, so the problem takes that forecast less the cluster's idle kW (never below 0).
 * A slot without a forecast takes the {@link LiveItLoad} (metered now less the jobs' draw) if known, else 0,
 * and counts as a fallback slot of the UNSCHEDULED_IT_LOAD input, whose detail says which was used.
 *
 * <p>The PV and wind forecasts' P10 and P90 go with it ({@link PlanForecast#pvP10Kw()}, {@link PlanForecast#windP10Kw()}),
 * stored in the plan's slots so the plan view draws the bands from the store; a slot without a provider value has the
 * setting's PV or wind without spread.
 */
public final class ProvidedForecast implements ForecastSource {

    /** The currency plans are costed in: prices, the carbon price and feed-in credit are all EUR. */
    static final String PLAN_CURRENCY = ExchangeRate.PLAN_CURRENCY.getCurrencyCode();

    private final ForecastProvider provider;
    private final Site site;
    private final PlanningSettings settings;
    private final LiveItLoad live;

    public ProvidedForecast(ForecastProvider provider, Site site, PlanningSettings settings) {
        this(provider, site, settings, LiveItLoad.unknown());
    }

    public ProvidedForecast(ForecastProvider provider, Site site, PlanningSettings settings, LiveItLoad live) {
        this.provider = provider;
        this.site = site;
        this.settings = settings;
        this.live = live;
    }

    @Override
    public PlanForecast forecast(Horizon h) {
        HorizonForecast f = provider.forecast(new ForecastRequest(site.info().id(), h.start(), h.slotLength(),
                h.slots()));
        Forecast setting = SiteForecast.build(site, h, settings, Optional.empty());
        int n = h.slots();
        Optional<String> foreignCurrency = f.importPrice().currency().map(java.util.Currency::getCurrencyCode)
                .filter(code -> !code.equals(PLAN_CURRENCY));
        double[] pv = new double[n];
        double[] pvP10 = new double[n];
        double[] pvP90 = new double[n];
        double[] wind = new double[n];
        double[] windP10 = new double[n];
        double[] windP90 = new double[n];
        double[] price = new double[n];
        double[] carbon = new double[n];
        double[] ambient = new double[n];
        double[] unscheduled = new double[n];
        double idleKw = site.cluster().gpus() * site.cluster().idleKwPerGpu();
        double[] bandP10 = f.pvKw().p10();
        double[] bandP90 = f.pvKw().p90();
        double[] windBandP10 = f.windKw().p10();
        double[] windBandP90 = f.windKw().p90();
        OptionalDouble now = OptionalDouble.empty();
        int missing = 0;
        for (int t = 0; t < n; t++) {
            double metered = f.unscheduledItKw().value(t);
            if (!Double.isFinite(metered)) {
                if (missing++ == 0) {
                    now = live.unscheduledKw();
                }
                metered = now.isPresent() && Double.isFinite(now.getAsDouble()) ? now.getAsDouble() : 0;
            }
            unscheduled[t] = Math.max(0, metered - idleKw);
            pv[t] = Math.max(0, or(f.pvKw().p50(), t, setting.pvKw()[t]));
            // The band around the PV planned with; where the provider has none, the setting's PV without spread.
            boolean banded = Double.isFinite(f.pvKw().p50().value(t));
            pvP10[t] = banded ? Math.max(0, bandP10[t]) : pv[t];
            pvP90[t] = banded ? Math.max(0, bandP90[t]) : pv[t];
            wind[t] = Math.max(0, or(f.windKw().p50(), t, setting.windKw()[t]));
            boolean windBanded = Double.isFinite(f.windKw().p50().value(t));
            windP10[t] = windBanded ? Math.max(0, windBandP10[t]) : wind[t];
            windP90[t] = windBanded ? Math.max(0, windBandP90[t]) : wind[t];
            price[t] = or(f.importPrice().perKwh(), t, setting.priceEurPerKwh()[t]);
            carbon[t] = Math.max(0, or(f.carbon().locationBased(), t, or(f.carbon().marketBased(), t,
                    setting.carbonGPerKwh()[t])));
            ambient[t] = or(f.ambientC(), t, setting.ambientC()[t]);
        }
        List<PlanInput> inputs = new ArrayList<>();
        for (InputStatus s : f.inputs()) {
            PlanInput in = input(s);
            if (s.input() == ForecastInput.UNSCHEDULED_IT_LOAD && missing > 0) {
                in = withDetail(in, missing + " slots without a forecast take " + (now.isPresent()
                        ? String.format(Locale.ROOT, "the metered IT load less the jobs' draw, %.0f kW", now.getAsDouble())
                        : "no unscheduled load (nothing metered)"));
            }
            if (s.input() == ForecastInput.IMPORT_PRICE && foreignCurrency.isPresent()) {
                String why = "prices in " + foreignCurrency.get() + " used as given, not converted: plans are costed in "
                        + PLAN_CURRENCY + " (carbon price, feed-in), so their costs read in " + foreignCurrency.get()
                        + " and the carbon price weighs against them off by the exchange rate (give the price feed an"
                        + " exchangeRate to convert)";
                in = noted(in, why);
            }
            if (s.input() == ForecastInput.IMPORT_PRICE) {
                PlanInput given = in;
                in = f.importPrice().converted().map(c -> noted(given, c.describe())).orElse(in);
            }
            inputs.add(in);
        }
        return new PlanForecast(new Forecast(pv, wind, price, carbon, ambient, new double[n], unscheduled), inputs,
                pvP10, pvP90, windP10, windP90);
    }

    private static double or(SlotSeries series, int t, double otherwise) {
        double v = series.value(t);
        return Double.isFinite(v) ? v : otherwise;
    }

    /** The input with {@code note} added to its detail, nothing else changed. */
    private static PlanInput noted(PlanInput in, String note) {
        return new PlanInput(in.input(), in.source(), in.refreshedAt(), in.freshness(),
                in.detail().isEmpty() ? note : in.detail() + "; " + note, in.fallbackSlots(), in.slots(), in.fallback());
    }

    private static PlanInput withDetail(PlanInput in, String more) {
        String detail = in.detail().isEmpty() ? more : in.detail() + "; " + more;
        return new PlanInput(in.input(), in.source(), in.refreshedAt(), in.freshness(), detail,
                Math.max(1, in.fallbackSlots()), in.slots(), true);
    }

    private static PlanInput input(InputStatus s) {
        Freshness fresh = s.provenance().freshness();
        PlanInput.Freshness freshness;
        String detail;
        switch (fresh) {
            case Freshness.Fresh ok -> {
                freshness = PlanInput.Freshness.FRESH;
                detail = ok.lastProblem().map(p -> "last refresh failed: " + p).orElse("");
            }
            case Freshness.Stale stale -> {
                freshness = PlanInput.Freshness.STALE;
                detail = "last good answer " + stale.age() + " old, limit " + stale.limit() + ": " + stale.lastProblem();
            }
            case Freshness.Unavailable none -> {
                freshness = PlanInput.Freshness.UNAVAILABLE;
                detail = none.reason();
            }
            case Freshness.NotConfigured nc -> {
                freshness = PlanInput.Freshness.NOT_CONFIGURED;
                detail = "the app's setting is used where there is no value";
            }
        }
        return new PlanInput(s.input().name(), s.provenance().source(), s.provenance().refreshedAt().orElse(null),
                freshness, detail, s.fallbackSlots(), s.slots(), s.isFallback());
    }
}
