package io.kelvin.greenpower.bench;

import io.kelvin.core.series.CsvSeriesReader;
import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeFormat;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.greenpower.error.ErrorTable;
import io.kelvin.greenpower.error.LeadBuckets;
import io.kelvin.greenpower.load.SimilarDayModel;
import io.kelvin.greenpower.solar.ClearSky;
import io.kelvin.greenpower.solar.PvBands;
import io.kelvin.greenpower.solar.PvModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Measures the PV and load forecasts on the repository's real data and prints Markdown tables for BENCHMARKS.md:
 * PV on {@code data/vessim/solar_example.csv} (normalised output, 5-min, 29 days from 2022-06-08 UTC; San Francisco
 * by default), issued every hour from day 8 with 48 h of 15-minute leads, errors over slots with the sun up, in %
 * of capacity; the similar-day load on {@code data/vessim/load_example.csv} (8 hourly normalised traces, 31 days,
 * no calendar dates, so every day counts as similar), issued every hour from day 8 with 48 h of hourly leads, in %
 * of each trace's mean. Arguments: {@code [--data=DIR] [--city=NAME --lat=DEG --lon=DEG]} (another column of the
 * solar file, with its coordinates); run from the repository root.
 */
public final class ForecastErrorBench {

    static final Instant SOLAR_START = Instant.parse("2022-06-08T00:00:00Z");
    static final Duration PV_STEP = Duration.ofMinutes(15);
    static final int PV_LEADS = 192;
    static final int LOAD_LEADS = 48;
    static final List<String> TRACES = List.of("trace_a", "trace_b", "trace_c", "trace_d", "trace_e", "trace_f",
            "trace_g", "trace_h");

    /** A column of the solar file and the coordinates of the city it measures, in degrees. */
    public record SolarColumn(String column, double latitude, double longitude) {
    }

    /** The column the reference scenario uses. */
    public static final SolarColumn SAN_FRANCISCO = new SolarColumn("San Francisco", 37.77, -122.42);

    private ForecastErrorBench() {
    }

    public static void main(String[] args) {
        Path data = Path.of("data/vessim");
        SolarColumn city = SAN_FRANCISCO;
        for (String a : args) {
            if (a.startsWith("--data=")) {
                data = Path.of(a.substring(7));
            } else if (a.startsWith("--city=")) {
                city = new SolarColumn(a.substring(7), city.latitude(), city.longitude());
            } else if (a.startsWith("--lat=")) {
                city = new SolarColumn(city.column(), Double.parseDouble(a.substring(6)), city.longitude());
            } else if (a.startsWith("--lon=")) {
                city = new SolarColumn(city.column(), city.latitude(), Double.parseDouble(a.substring(6)));
            } else {
                throw new IllegalArgumentException("usage: ForecastErrorBench [--data=DIR] [--city=NAME --lat=DEG --lon=DEG],"
                        + " not " + a);
            }
        }
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        out.println("PV, " + city.column() + " (" + data.resolve("solar_example.csv") + "), % of capacity, sun up:");
        out.println(pv(data.resolve("solar_example.csv"), city, PvModel.Settings.defaults()).markdown(100, "%"));
        // Sensitivity to the two settings that matter (defaults: blendTime 2 h, climatologyDays 3).
        for (int[] v : new int[][] {{1, 3}, {4, 3}, {2, 7}, {2, 14}}) {
            PvModel.Settings s = new PvModel.Settings(Duration.ofHours(1), Duration.ofHours(v[0]), v[1], 0.7);
            ErrorTable t = pv(data.resolve("solar_example.csv"), city, s);
            out.printf("blendTime %d h, climatologyDays %d: MAE 0-1 h %.2f %%, 3-6 h %.2f %%, 24-48 h %.2f %%,"
                    + " bias 24-48 h %+.2f %%%n", v[0], v[1], t.mae(0) * 100, t.mae(2) * 100, t.mae(5) * 100, t.bias(5) * 100);
        }
        out.println();
        out.println("Unscheduled load, similar day (3 days, all days similar, same-day adjustment), 8 traces ("
                + data.resolve("load_example.csv") + "), % of each trace's mean:");
        out.println(load(data.resolve("load_example.csv")).markdown(100, "%"));
        out.printf("elapsed %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** PV errors of the model issued hourly over the data; shares of capacity. */
    public static ErrorTable pv(Path file, SolarColumn city, PvModel.Settings settings) {
        return pv(file, city, settings, 1);
    }

    /** PV errors of the model issued every {@code everyHours} hours (the test guard issues less often). */
    public static ErrorTable pv(Path file, SolarColumn city, PvModel.Settings settings, int everyHours) {
        TimeSeries series = CsvSeriesReader.read(file, CsvSeriesSpec.of(city.column(), "time", city.column(), SeriesUnit.FRACTION)
                .withTimeFormat(new TimeFormat.OffsetSeconds(SOLAR_START), ZoneOffset.UTC).withResolution(Duration.ofMinutes(5)));
        int slots = (int) (Duration.between(SOLAR_START, series.last().orElseThrow()).toMillis() / PV_STEP.toMillis());
        double[] measured = series.slotMeans(SOLAR_START, PV_STEP, slots);
        ClearSky sky = new ClearSky(city.latitude(), city.longitude());
        double[] cs = new double[slots];
        for (int i = 0; i < slots; i++) {
            cs[i] = sky.slotShare(SOLAR_START.plus(PV_STEP.multipliedBy(i)), PV_STEP);
        }
        PvModel model = new PvModel(cs, measured, PV_STEP, settings);
        ErrorTable table = new ErrorTable();
        int perDay = model.slotsPerDay();
        for (int issue = 7 * perDay; issue < slots; issue += 4 * everyHours) {
            int leads = Math.min(PV_LEADS, slots - issue);
            PvModel.Forecast f = model.forecast(issue, leads);
            PvBands bands = PvBands.measure(model, cs, measured, issue, 14, PV_LEADS, PV_STEP);
            for (int l = 0; l < leads; l++) {
                int j = issue + l;
                if (cs[j] <= 0) {
                    continue;
                }
                double lead = LeadBuckets.leadHours(l, PV_STEP);
                int b = LeadBuckets.of(lead);
                double yesterday = measured[j - perDay * (l / perDay + 1)];
                table.add(b, f.share()[l], measured[j], measured[issue - 1], yesterday);
                double p10 = Math.max(0, Math.min(f.share()[l], cs[j] * (f.clearness()[l] + bands.q10(lead))));
                double p90 = Math.min(1, Math.max(f.share()[l], cs[j] * (f.clearness()[l] + bands.q90(lead))));
                table.addBand(b, p10, p90, measured[j]);
            }
        }
        return table;
    }

    /** Load errors of the similar-day model over the 8 traces, relative to each trace's mean. */
    public static ErrorTable load(Path file) {
        ErrorTable table = new ErrorTable();
        Duration step = Duration.ofHours(1);
        for (String trace : TRACES) {
            TimeSeries series = CsvSeriesReader.read(file, CsvSeriesSpec.of(trace, "time", trace, SeriesUnit.FRACTION)
                    .withTimeFormat(new TimeFormat.OffsetSeconds(SOLAR_START), ZoneOffset.UTC).withResolution(step));
            int slots = (int) Duration.between(SOLAR_START, series.last().orElseThrow()).toHours();
            double[] x = series.slotMeans(SOLAR_START, step, slots);
            double mean = 0;
            for (double v : x) {
                mean += v / slots;
            }
            SimilarDayModel model = new SimilarDayModel(x, SOLAR_START, step, ZoneOffset.UTC,
                    new SimilarDayModel.Settings(3, false, Duration.ofHours(1), Duration.ofHours(3), 14));
            for (int issue = 7 * 24; issue < slots; issue++) {
                int leads = Math.min(LOAD_LEADS, slots - issue);
                double[] f = model.forecast(issue, leads);
                for (int l = 0; l < leads; l++) {
                    int j = issue + l;
                    double yesterday = x[j - 24 * (l / 24 + 1)];
                    table.add(LeadBuckets.of(LeadBuckets.leadHours(l, step)), f[l] / mean, x[j] / mean,
                            x[issue - 1] / mean, yesterday / mean);
                }
            }
        }
        return table;
    }
}
