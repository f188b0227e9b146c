package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.load.SimilarDayModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The IT load Kelvin does not schedule, in kW: the IT meters' history less what Kelvin's own jobs drew
 * ({@link ScheduledLoadHistory}; where it knows nothing, nothing is taken off), forecast by {@link SimilarDayModel}
 * in the site's time zone. A slot no similar day covers is missing, never 0.
 */
final class LoadForecaster {

    private final Site site;
    private final TelemetryStore store;
    private final ScheduledLoadHistory scheduled;
    private final ForecastSettings.Load settings;

    LoadForecaster(Site site, TelemetryStore store, ScheduledLoadHistory scheduled) {
        this.site = site;
        this.store = store;
        this.scheduled = scheduled;
        this.settings = site.forecast().load();
    }

    SlotSeries forecast(ForecastRequest request, Instant now) {
        List<Meter> meters = site.meters(MeterRole.IT_LOAD);
        Duration step = request.slotLength();
        int history = (settings.lookbackDays() + 1) * (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        Instant from = request.start().minus(step.multipliedBy(history));
        Instant asOf = now.isBefore(request.start()) ? now : request.start();
        int known = (int) Math.max(0, Math.min(history, Duration.between(from, asOf).toMillis() / step.toMillis()));
        MeterHistory.Result metered = MeterHistory.sum(store, meters, from, step, known);
        double[] drawn = scheduled.drawnKw(from, from.plus(step.multipliedBy(known))).slotMeans(from, step, known);
        double[] unscheduled = new double[history];
        for (int i = 0; i < history; i++) {
            if (i >= known || Double.isNaN(metered.kw()[i])) {
                unscheduled[i] = Double.NaN;
            } else {
                unscheduled[i] = Math.max(0, metered.kw()[i] - (Double.isNaN(drawn[i]) ? 0 : drawn[i]));
            }
        }
        SimilarDayModel model = new SimilarDayModel(unscheduled, from, step, site.info().timezone(),
                new SimilarDayModel.Settings(settings.similarDays(), settings.weekdaysApart(), settings.window(),
                        settings.blendTime(), settings.lookbackDays()));
        double[] f = model.forecast(history, request.slots());
        String source = "similar-day (" + settings.similarDays() + " days" + (settings.weekdaysApart()
                ? ", weekdays and weekends apart" : "") + ") of " + (meters.isEmpty() ? "no IT meters"
                : meters.stream().map(Meter::id).collect(Collectors.joining(" + "))) + " less Kelvin's scheduled jobs";
        return Forecasts.model(f, ModelProvenance.of(source, metered, asOf));
    }
}
