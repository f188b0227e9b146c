package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.error.LeadBuckets;
import io.kelvin.greenpower.solar.ClearSky;
import io.kelvin.greenpower.solar.PvBands;
import io.kelvin.greenpower.solar.PvModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The site's PV forecast: {@link PvModel} over the PV meters' history, with {@link PvBands}; kW AC. */
final class PvForecaster {

    private static final int MAX_CACHED = 20_000;

    private final Site site;
    private final TelemetryStore store;
    private final ClearSky sky;
    private final ForecastSettings.Pv settings;
    /** Clear-sky shares by slot start (SPA is the costly part and history slots recur every call); bounded. */
    private final Map<Instant, Double> clearSky = new ConcurrentHashMap<>();
    private Duration clearSkyStep = Duration.ZERO;

    PvForecaster(Site site, TelemetryStore store) {
        this.site = site;
        this.store = store;
        this.sky = new ClearSky(site.info().latitude(), site.info().longitude());
        this.settings = site.forecast().pv();
    }

    /** Rated kW: the setting, else the rated kW of the devices the PV meters read (a device without a rating adds 0). */
    double ratedKw() {
        return settings.ratedKw().orElseGet(() -> site.meters(MeterRole.PV).stream()
                .map(m -> site.device(m.point().device())).flatMap(Optional::stream).distinct()
                .map(Device::ratedKw).mapToDouble(kw -> kw.orElse(0.0)).sum());
    }

    BandSeries forecast(ForecastRequest request, Instant now) {
        List<Meter> meters = site.meters(MeterRole.PV);
        double rated = ratedKw();
        int n = request.slots();
        if (meters.isEmpty() || rated <= 0) {
            String why = meters.isEmpty() ? "no PV meters at this site: 0 kW" : "PV meters without a rated kW: 0 kW";
            return BandSeries.exact(Forecasts.zeros(n, new Provenance(why, Optional.empty(), Freshness.Fresh.ok())));
        }
        Duration step = request.slotLength();
        int history = (Math.max(settings.climatologyDays(), settings.bandDays()) + 1)
                * (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        Instant from = request.start().minus(step.multipliedBy(history));
        Instant asOf = now.isBefore(request.start()) ? now : request.start();
        int known = (int) Math.max(0, Math.min(history, Duration.between(from, asOf).toMillis() / step.toMillis()));
        MeterHistory.Result measured = MeterHistory.sum(store, meters, from, step, known);
        double[] share = new double[history + n];
        double[] cs = new double[history + n];
        for (int i = 0; i < share.length; i++) {
            share[i] = i < known ? measured.kw()[i] / rated : Double.NaN;
            cs[i] = clearSkyShare(from.plus(step.multipliedBy(i)), step);
        }
        PvModel model = new PvModel(cs, share, step, new PvModel.Settings(settings.persistenceWindow(),
                settings.blendTime(), settings.climatologyDays(), settings.defaultClearness()));
        PvModel.Forecast f = model.forecast(history, n);
        PvBands bands = PvBands.measure(model, cs, share, history, settings.bandDays(), n, step);
        return band(f, bands, cs, history, rated, step, provenance(meters, rated, measured, asOf, bands));
    }

    private synchronized double clearSkyShare(Instant start, Duration step) {
        if (!step.equals(clearSkyStep) || clearSky.size() > MAX_CACHED) {
            clearSky.clear();
            clearSkyStep = step;
        }
        return clearSky.computeIfAbsent(start, t -> sky.slotShare(t, step));
    }

    private static BandSeries band(PvModel.Forecast f, PvBands bands, double[] cs, int offset, double rated,
                                   Duration step, Provenance provenance) {
        int n = f.share().length;
        double[] p50 = new double[n];
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        SlotBasis[] basis = new SlotBasis[n];
        for (int l = 0; l < n; l++) {
            double lead = LeadBuckets.leadHours(l, step);
            double c = cs[offset + l];
            double k = f.clearness()[l];
            p50[l] = f.share()[l] * rated;
            p10[l] = Math.min(p50[l], Math.max(0, Math.min(1, c * (k + bands.q10(lead)))) * rated);
            p90[l] = Math.max(p50[l], Math.max(0, Math.min(1, c * (k + bands.q90(lead)))) * rated);
            basis[l] = f.withoutData()[l] ? SlotBasis.MODEL_WITHOUT_DATA : SlotBasis.MODEL;
        }
        return new BandSeries(new SlotSeries(p50, basis, provenance), p10, p90);
    }

    private Provenance provenance(List<Meter> meters, double rated, MeterHistory.Result measured, Instant asOf,
                                  PvBands bands) {
        String source = String.format(java.util.Locale.ROOT, "PV model: clear sky (SPA, Haurwitz) x clearness tracked"
                        + " from %s, %.0f kW rated, band from %s", meters.stream().map(Meter::id).collect(Collectors.joining(", ")),
                rated, bands.measured() ? "the site's replayed errors" : "default errors (no PV history yet)");
        return ModelProvenance.of(source, measured, asOf);
    }
}
