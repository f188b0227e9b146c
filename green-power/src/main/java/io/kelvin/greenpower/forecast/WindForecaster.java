package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.WindForecastSettings;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.wind.PowerCurve;
import io.kelvin.greenpower.wind.WindBands;
import io.kelvin.greenpower.wind.WindPersistence;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The site's wind forecast in kW with its P10-P90 band ({@link WindBands}): the power curve x turbines over the
 * wind-speed feed's slots when both are configured (each slot keeps the speed feed's basis: a stale speed gives a stale
 * power; the band from the curve's errors over the feed's past speeds against the wind meters), else
 * {@link WindPersistence} over the wind meters (the band from the model replayed hourly over the last {@code bandDays}
 * days), else 0 kW for a site without wind meters. Without errors to measure, the band is P10 = P50 = P90 and the
 * provenance says there is no band yet.
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

    /** The band's upper clamp: the curve's rated kW x turbines, else the wind meters' devices' rated kW if all have one. */
    OptionalDouble capacityKw() {
        if (hasCurve()) {
            return OptionalDouble.of(new PowerCurve(settings.powerCurve()).ratedKw() * turbines());
        }
        List<Optional<Device>> devices = site.meters(MeterRole.WIND).stream().map(m -> m.point().device()).distinct()
                .map(site::device).toList();
        if (devices.isEmpty() || devices.stream().anyMatch(d -> d.isEmpty() || d.get().ratedKw().isEmpty())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(devices.stream().mapToDouble(d -> d.get().ratedKw().get()).sum());
    }

    /** The days of the speed feed's past that the power curve's errors are measured over. */
    int bandDays() {
        return settings.bandDays();
    }

    /**
     * Power from a wind-speed series already on the request's slots, with the band from {@code pastSpeedMs}: the speed
     * feed's values for the slots from {@code pastFrom} up to the forecast's issue ({@code NaN} where it has none).
     */
    BandSeries fromSpeed(SlotSeries speedMs, double[] pastSpeedMs, Instant pastFrom, Duration step) {
        PowerCurve curve = new PowerCurve(settings.powerCurve());
        int n = speedMs.slots();
        double[] kw = new double[n];
        SlotBasis[] basis = speedMs.basis();
        for (int i = 0; i < n; i++) {
            kw[i] = curve.kw(speedMs.value(i)) * turbines();
        }
        List<Meter> meters = site.meters(MeterRole.WIND);
        WindBands bands = WindBands.none();
        String band;
        if (meters.isEmpty()) {
            band = "no band yet: no wind meters to measure the curve's error against";
        } else {
            double[] pastKw = new double[pastSpeedMs.length];
            for (int i = 0; i < pastKw.length; i++) {
                pastKw[i] = curve.kw(pastSpeedMs[i]) * turbines();
            }
            MeterHistory.Result measured = MeterHistory.sum(store, meters, pastFrom, step, pastKw.length);
            bands = WindBands.pooled(measured.kw(), pastKw);
            band = bands.measured()
                    ? "band from " + bands.samples() + " errors of the curve over the feed's past speeds against the"
                            + " wind meters (lead not known)"
                    : "no band yet: too few past speeds with measured output to measure the curve's error";
        }
        Provenance p = speedMs.provenance();
        Provenance power = new Provenance("power curve (" + turbines() + " x " + Math.round(curve.ratedKw())
                + " kW) over " + p.source() + ", " + band, p.refreshedAt(), p.freshness());
        return bands.around(new SlotSeries(kw, basis, power), 0, step, capacityKw());
    }

    boolean hasCurve() {
        return !settings.powerCurve().isEmpty();
    }

    BandSeries persistence(ForecastRequest request, Instant now) {
        List<Meter> meters = site.meters(MeterRole.WIND);
        if (meters.isEmpty()) {
            return BandSeries.exact(Forecasts.zeros(request.slots(), new Provenance("no wind meters at this site: 0 kW",
                    Optional.empty(), Freshness.Fresh.ok())));
        }
        Duration step = request.slotLength();
        Instant asOf = now.isBefore(request.start()) ? now : request.start();
        int perDay = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        int historySlots = settings.historyDays() * perDay;
        int slots = historySlots + settings.bandDays() * perDay;
        Instant from = asOf.minus(step.multipliedBy(slots));
        MeterHistory.Result history = MeterHistory.sum(store, meters, from, step, slots);
        int gap = (int) (Duration.between(asOf, request.start()).toMillis() / step.toMillis());
        double[] recent = Arrays.copyOfRange(history.kw(), slots - historySlots, slots);
        double[] f = WindPersistence.forecast(recent, step, settings.window(), settings.decay(), gap + request.slots());
        double[] kw = Arrays.copyOfRange(f, gap, gap + request.slots());
        WindBands bands = WindBands.persistence(history.kw(), slots, settings.bandDays(), historySlots,
                gap + request.slots(), step, settings.window(), settings.decay());
        String source = "wind persistence of " + meters.stream().map(Meter::id).collect(Collectors.joining(", "))
                + " decaying over " + settings.decay().toHours() + " h to the " + settings.historyDays() + "-day mean, "
                + (bands.measured() ? "band from " + bands.samples() + " errors of the model replayed hourly over the last "
                        + settings.bandDays() + " days"
                        : "no band yet: no wind history to replay the model over");
        return bands.around(Forecasts.model(kw, ModelProvenance.of(source, history, asOf)), gap, step, capacityKw());
    }
}
