package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The forecast a plan is made against, built from the site file and one live value; deliberately
 * simple until a forecasting service exists.
 *
 * <ul>
 *   <li>PV kW = rated kW of the devices behind the site's PV meters x {@link #PV_PERFORMANCE_RATIO}
 *       x sin(solar elevation), never below 0: a clear sky. Elevation from the site's latitude and
 *       the day's solar declination, {@code δ = 23.44° sin(2π (284 + dayOfYear) / 365)} (Cooper 1969),
 *       at mean solar time (UTC + longitude / 15 h; the equation of time, at most 16 min, is ignored),
 *       taken at the middle of each slot.</li>
 *   <li>Wind kW flat at its live value ({@code site.wind_kw}), 0 when there is none.</li>
 *   <li>Import price from the time-of-use tariff by local hour of the slot's start (site time zone).</li>
 *   <li>Carbon intensity and ambient temperature flat, from the settings; no heat demand.</li>
 * </ul>
 */
public final class SiteForecast {

    /** Share of rated DC-to-AC output a clear-sky array delivers at the sun's zenith (losses, soiling, heat). */
    public static final double PV_PERFORMANCE_RATIO = 0.8;

    private static final double MAX_DECLINATION_DEG = 23.44;

    private SiteForecast() {
    }

    /**
     * The source that builds this forecast for each horizon, with the live wind output at that time; every
     * input is reported as the app's setting (no feed), so plans show they rest on placeholders.
     */
    public static ForecastSource source(Site site, PlanningSettings settings, Supplier<Optional<Double>> windKw) {
        return horizon -> {
            int n = horizon.slots();
            List<PlanInput> inputs = List.of(
                    setting("PV", "clear sky x " + PV_PERFORMANCE_RATIO + " of the PV inverters' rating", n),
                    setting("WIND", "live wind output held flat", n),
                    setting("IMPORT_PRICE", "setting kelvin.planning.tariff-eur-per-kwh", n),
                    setting("CARBON_LOCATION_BASED", "setting kelvin.planning.carbon-g-per-kwh", n),
                    setting("AMBIENT", "setting kelvin.planning.ambient-c", n));
            return new ForecastSource.PlanForecast(build(site, horizon, settings, windKw.get()), inputs);
        };
    }

    private static PlanInput setting(String input, String source, int slots) {
        return new PlanInput(input, source, null, PlanInput.Freshness.NOT_CONFIGURED, "no forecast provider", slots,
                slots, true);
    }

    public static Forecast build(Site site, Horizon horizon, PlanningSettings settings, Optional<Double> windKw) {
        int n = horizon.slots();
        double[] pv = new double[n];
        double[] wind = new double[n];
        double[] price = new double[n];
        double[] carbon = new double[n];
        double[] ambient = new double[n];
        double[] heat = new double[n];
        double ratedPv = pvRatedKw(site);
        double flatWind = Math.max(0, windKw.orElse(0.0));
        for (int t = 0; t < n; t++) {
            Instant start = horizon.slotStart(t);
            Instant middle = start.plus(horizon.slotLength().dividedBy(2));
            pv[t] = ratedPv * PV_PERFORMANCE_RATIO
                    * Math.max(0, sunElevationSine(middle, site.info().latitude(), site.info().longitude()));
            wind[t] = flatWind;
            price[t] = settings.tariffEurPerKwh().get(start.atZone(site.info().timezone()).getHour());
            carbon[t] = settings.carbonGPerKwh();
            ambient[t] = settings.ambientC();
        }
        return new Forecast(pv, wind, price, carbon, ambient, heat);
    }

    /** Sum of the rated kW of the devices the site's PV meters read; a device without a rating counts 0. */
    public static double pvRatedKw(Site site) {
        return site.meters(MeterRole.PV).stream()
                .map(m -> site.device(m.point().device()))
                .flatMap(Optional::stream)
                .distinct()
                .map(Device::ratedKw)
                .mapToDouble(kw -> kw.orElse(0.0))
                .sum();
    }

    /** sin(solar elevation) = sin φ sin δ + cos φ cos δ cos h; negative at night. */
    public static double sunElevationSine(Instant t, double latitudeDeg, double longitudeDeg) {
        ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
        double declination = Math.toRadians(MAX_DECLINATION_DEG)
                * Math.sin(2 * Math.PI * (284 + utc.getDayOfYear()) / 365.0);
        double utcHours = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        double solarHours = utcHours + longitudeDeg / 15.0;
        double hourAngle = Math.toRadians(15.0 * (solarHours - 12.0));
        double latitude = Math.toRadians(latitudeDeg);
        return Math.sin(latitude) * Math.sin(declination)
                + Math.cos(latitude) * Math.cos(declination) * Math.cos(hourAngle);
    }
}
