package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.WindForecastSettings;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.wind.PowerCurve;
import io.kelvin.greenpower.wind.WindPersistence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The site's wind forecast in kW: the power curve x turbines over the wind-speed feed's slots when both are configured
 * (each slot keeps the speed feed's basis: a stale speed gives a stale power), else {@link WindPersistence} over the
 * wind meters, else 0 kW for a site without wind meters.
 */
final class WindForecaster {

    private final Site site;
    private final TelemetryStore store;
    private final WindForecastSettings settings;

    WindForecaster(Site site, TelemetryStore store) {
        this.site = site;
        this.store = store;
        this.settings = site.forecast().wind();
    }

    int turbines() {
        return settings.turbines().orElseGet(() -> (int) Math.max(1, site.meters(MeterRole.WIND).stream()
                .map(m -> m.point().device()).distinct().count()));
    }

    /** Power from a wind-speed series already on the request's slots. */
    SlotSeries fromSpeed(SlotSeries speedMs) {
        PowerCurve curve = new PowerCurve(settings.powerCurve());
        int n = speedMs.slots();
        double[] kw = new double[n];
        SlotBasis[] basis = speedMs.basis();
        for (int i = 0; i < n; i++) {
            kw[i] = curve.kw(speedMs.value(i)) * turbines();
        }
        Provenance p = speedMs.provenance();
        Provenance power = new Provenance("power curve (" + turbines() + " x " + Math.round(curve.ratedKw())
                + " kW) over " + p.source(), p.refreshedAt(), p.freshness());
        return new SlotSeries(kw, basis, power);
    }

    boolean hasCurve() {
        return !settings.powerCurve().isEmpty();
    }

    SlotSeries persistence(ForecastRequest request, Instant now) {
        List<Meter> meters = site.meters(MeterRole.WIND);
        if (meters.isEmpty()) {
            return Forecasts.zeros(request.slots(), new Provenance("no wind meters at this site: 0 kW",
                    Optional.empty(), Freshness.Fresh.ok()));
        }
        Duration step = request.slotLength();
        Instant asOf = now.isBefore(request.start()) ? now : request.start();
        int slots = (int) (Duration.ofDays(settings.historyDays()).toMillis() / step.toMillis());
        Instant from = asOf.minus(step.multipliedBy(slots));
        MeterHistory.Result history = MeterHistory.sum(store, meters, from, step, slots);
        int gap = (int) (Duration.between(asOf, request.start()).toMillis() / step.toMillis());
        double[] f = WindPersistence.forecast(history.kw(), step, settings.window(), settings.decay(), gap + request.slots());
        double[] kw = java.util.Arrays.copyOfRange(f, gap, gap + request.slots());
        String source = "wind persistence of " + meters.stream().map(Meter::id).collect(Collectors.joining(", "))
                + " decaying over " + settings.decay().toHours() + " h to the " + settings.historyDays() + "-day mean";
        return Forecasts.model(kw, ModelProvenance.of(source, history, asOf));
    }
}
