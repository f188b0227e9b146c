package io.kelvin.energyoptimizer.scenario;

import io.kelvin.core.series.CsvSeriesReader;
import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesFormatException;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeFormat;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.load.FeedFormatReader;
import io.kelvin.core.site.load.SiteConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * One per-slot input of a scenario (carbon, price, PV, wind, ambient) from its section: a series file
 * read through core's {@link CsvSeriesReader} ({@code format: csv}, the default) or saved in a feed's own
 * shape ({@code format:} {@code carbonintensity-uk}, {@code electricitymaps}, {@code watttime} for carbon,
 * {@code entsoe} for prices; the format and its options are read as site files write them, by
 * {@link FeedFormatReader}), a 24-value daily profile by local hour ({@code hourly}), or a constant
 * ({@code value}). A file's {@code from} instant is placed at the scenario's start (default: the file's
 * first stamp), and a series shorter than the scenario repeats from there, so a month of carbon can
 * serve any week. Gaps inside a file are an error naming the slot; the planner never sees a made-up zero. A price
 * series in another {@code currency} may give an {@code exchangeRate} to the plan currency ({@link ExchangeRate}), and
 * its values are converted with it.
 */
final class SeriesInput {

    private static final Duration SLOT = Duration.ofMinutes(15);

    private SeriesInput() {
    }

    /** The section's values per slot, in the measure's canonical unit (times {@code kwp} for a shape). */
    static double[] read(ScenarioNode n, Path base, Measure measure, Instant start, ZoneId zone, int slots) {
        double[] out = new double[slots];
        Optional<ExchangeRate> rate = exchangeRate(n, measure);
        String format = n.optText("format").orElse("csv");
        if (!format.equalsIgnoreCase("csv")) {
            feed(n, base, measure, rate, out);
        } else if (n.has("value")) {
            Arrays.fill(out, n.optNumber("value", -1e9, 1e9, 0));
            toPlanCurrency(n, rate, currency(n), out);
        } else if (n.has("hourly")) {
            hourly(n, start, zone, out);
            toPlanCurrency(n, rate, currency(n), out);
        } else if (n.has("file")) {
            file(n, base, measure, rate, out);
        } else {
            n.problem("file", "give file, hourly or value");
        }
        double scale = n.optNumber("kwp", 0, 1e9, 1);
        for (int t = 0; t < slots; t++) {
            out[t] *= scale;
        }
        return out;
    }

    /** A price series' {@code exchangeRate} to the plan currency; empty without one, or with a problem. */
    private static Optional<ExchangeRate> exchangeRate(ScenarioNode n, Measure measure) {
        if (!n.has("exchangeRate")) {
            return Optional.empty();
        }
        if (measure != Measure.PRICE) {
            n.problem("exchangeRate", "only a price series has an exchange rate");
            return Optional.empty();
        }
        return n.optExchangeRate("exchangeRate");
    }

    /**
     * The rate to convert prices in {@code from} with: {@code rate} when the series names a currency other than the
     * plan's; empty without a rate, or with a problem when the currency is unknown or the plan's already.
     */
    private static Optional<ExchangeRate> rateFrom(ScenarioNode n, Optional<ExchangeRate> rate, Optional<Currency> from) {
        if (rate.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            if (!n.has("currency")) {
                n.problem("currency", "an exchangeRate converts from the series' currency: name it (currency: CNY,"
                        + " or a unit such as CNY/kWh)");
            }
            return Optional.empty();
        }
        if (from.get().equals(ExchangeRate.PLAN_CURRENCY)) {
            n.problem("exchangeRate", "the prices are in " + ExchangeRate.PLAN_CURRENCY.getCurrencyCode()
                    + " already, the plan currency; an exchange rate converts prices in another currency");
            return Optional.empty();
        }
        return rate;
    }

    /** A constant or daily profile in {@code from}, converted in place. */
    private static void toPlanCurrency(ScenarioNode n, Optional<ExchangeRate> rate, Optional<Currency> from,
                                       double[] out) {
        rateFrom(n, rate, from).ifPresent(r -> {
            for (int t = 0; t < out.length; t++) {
                out[t] = r.toPlanCurrency(out[t]);
            }
        });
    }

    /** A series read from a file, in the plan currency when it gives a rate. */
    private static TimeSeries toPlanCurrency(ScenarioNode n, Optional<ExchangeRate> rate, TimeSeries series) {
        return rateFrom(n, rate, series.currency()).map(r -> r.toPlanCurrency(series)).orElse(series);
    }

    /**
     * The section's {@code currency} (an ISO 4217 code), else the one its unit names ({@code CNY/kWh}); empty (with a
     * problem when {@code currency} is not a code) otherwise.
     */
    private static Optional<Currency> currency(ScenarioNode n) {
        Optional<String> code = n.optText("currency");
        if (code.isEmpty()) {
            return SeriesUnit.currency(n.optText("unit").orElse(""));
        }
        try {
            return Optional.of(Currency.getInstance(code.get().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            n.problem("currency", "'" + code.get() + "' is not an ISO 4217 currency code");
            return Optional.empty();
        }
    }

    private static void hourly(ScenarioNode n, Instant start, ZoneId zone, double[] out) {
        var values = n.list("hourly");
        if (values.size() != 24) {
            n.problem("hourly", "needs 24 values (local hours 0-23), has " + values.size());
            return;
        }
        double[] byHour = new double[24];
        for (int h = 0; h < 24; h++) {
            byHour[h] = values.get(h).value(-1e9, 1e9, 0);
        }
        for (int t = 0; t < out.length; t++) {
            out[t] = byHour[start.plus(SLOT.multipliedBy(t)).atZone(zone).getHour()];
        }
    }

    private static void file(ScenarioNode n, Path base, Measure measure, Optional<ExchangeRate> rate, double[] out) {
        Optional<SeriesUnit> unit = SeriesUnit.parse(n.text("unit"));
        if (unit.isEmpty() || unit.get().measure() != measure) {
            n.problem("unit", "must be a " + measure.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " unit (" + SeriesUnit.accepted() + "), was " + n.optText("unit").orElse(""));
            return;
        }
        ScenarioNode time = n.child("time");
        Instant origin = time.has("origin") ? time.instant("origin") : null;
        ZoneId zone = time.has("zone") ? time.zone("zone") : ZoneId.of("UTC");
        TimeFormat fmt = TimeFormat.parse(time.optText("format").orElse("iso"), origin);
        CsvSeriesSpec spec = CsvSeriesSpec.of(n.where("file"), time.text("column"), n.text("column"), unit.get())
                .withTimeFormat(fmt, zone).withLabel(time.choice("label", CsvSeriesSpec.Label.class, CsvSeriesSpec.Label.START));
        if (time.has("resolutionMinutes")) {
            if (spec.label() == CsvSeriesSpec.Label.INTERVAL) {
                time.problem("resolutionMinutes", "with label interval each row's time cell gives its interval; leave it out");
            } else {
                spec = spec.withResolution(Duration.ofSeconds(Math.round(60 * time.number("resolutionMinutes", 1.0 / 60, 1440, 60))));
            }
        }
        String decimal = n.optText("decimal").orElse(".");
        Optional<Character> decimalNamed = CsvSeriesSpec.decimalNamed(decimal);
        if (decimalNamed.isPresent()) {
            spec = spec.withDecimal(decimalNamed.get());
        } else {
            n.problem("decimal", "must be '.' or ',', was '" + decimal + "'");
        }
        Optional<CsvSeriesSpec.Only> only = n.only("only");
        if (only.isPresent()) {
            spec = spec.withOnly(only.get());
        }
        if (n.has("delimiter")) {
            String d = n.text("delimiter");
            Optional<Character> delimiter = CsvSeriesSpec.delimiterNamed(d);
            if (delimiter.isPresent()) {
                spec = spec.withDelimiter(delimiter.get());
            } else {
                n.problem("delimiter", "must be one character or tab, was '" + d + "'");
            }
        }
        Optional<Currency> currency = currency(n);
        if (currency.isPresent()) {
            spec = spec.withCurrency(currency.get());
        }
        TimeSeries series;
        try {
            series = CsvSeriesReader.read(base.resolve(n.text("file")), spec);
        } catch (SeriesFormatException e) {
            n.problem("file", e.getMessage().replace('\n', ';'));
            return;
        }
        place(n, toPlanCurrency(n, rate, series), out);
    }

    /**
     * A file holding a feed's answer as the feed gave it ({@code format: carbonintensity-uk} and the others
     * core/series reads): the format is read the way site files write it and the answer parsed by that
     * format's parser, which knows its own time stamps and units.
     */
    private static void feed(ScenarioNode n, Path base, Measure measure, Optional<ExchangeRate> rate, double[] out) {
        Optional<FeedKind> kind = Arrays.stream(FeedKind.values()).filter(k -> k.measure() == measure).findFirst();
        if (kind.isEmpty()) {
            n.problem("format", "'" + n.text("format") + "' is not a " + measure.name().toLowerCase(Locale.ROOT)
                    + " series: only csv is read here");
            return;
        }
        for (String csvOnly : new String[] {"column", "time", "unit", "currency", "delimiter", "decimal", "only", "hourly"}) {
            if (n.has(csvOnly)) {
                n.problem(csvOnly, "does not belong to format '" + n.text("format") + "' (its answers carry their own)");
            }
        }
        FeedFormat format;
        try {
            format = FeedFormatReader.read(n.json(), n.file(), n.path(), kind.get(), n.where("file"));
        } catch (SiteConfigException e) {
            e.problems().forEach(p -> n.report(p.toString()));
            return;
        }
        String name = n.text("file");
        if (name.isEmpty()) {
            return;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(base.resolve(name));
        } catch (IOException e) {
            n.problem("file", "cannot be read: " + e.getMessage());
            return;
        }
        TimeSeries series;
        try {
            series = format.read(body, n.where("file"));
        } catch (SeriesFormatException e) {
            n.problem("file", e.getMessage().replace('\n', ';'));
            return;
        }
        if (series.measure() != measure) {
            n.problem("format", "'" + format.key() + "' gives " + series.measure().name().toLowerCase(Locale.ROOT)
                    + ", not " + measure.name().toLowerCase(Locale.ROOT));
            return;
        }
        place(n, toPlanCurrency(n, rate, series), out);
    }

    /** The series from its {@code from} instant onwards, slot by slot from the scenario's start, repeated. */
    private static void place(ScenarioNode n, TimeSeries series, double[] out) {
        if (series.isEmpty()) {
            n.problem("file", "has no rows");
            return;
        }
        Instant from = n.has("from") ? n.instant("from") : series.first().orElseThrow();
        Instant end = series.last().orElseThrow();
        int period = (int) (Duration.between(from, end).toSeconds() / SLOT.toSeconds());
        if (period <= 0) {
            n.problem("from", "must be before the file's last stamp " + end);
            return;
        }
        double[] means = series.slotMeans(from, SLOT, period);
        for (int t = 0; t < out.length; t++) {
            out[t] = means[t % period];
            if (Double.isNaN(out[t])) {
                n.problem("file", "no value for " + from.plus(SLOT.multipliedBy(t % period)) + " (a gap; fill it in the file)");
                return;
            }
        }
    }
}
