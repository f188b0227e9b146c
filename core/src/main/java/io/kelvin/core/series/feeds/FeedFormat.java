package io.kelvin.core.series.feeds;

import io.kelvin.core.series.CsvSeriesReader;
import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.TimeSeries;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a feed's answer or file, and its pure parser: bytes in, a {@link TimeSeries} out (in the
 * canonical unit of its measure), or a {@link io.kelvin.core.series.SeriesFormatException} listing every
 * problem with where it is. Site files and scenario files name a format with {@code format:} and the
 * {@link #key()} below.
 */
public sealed interface FeedFormat {

    /** The name a site or scenario file writes after {@code format:}. */
    String key();

    /** Parses one answer or file; {@code source} names it in messages and becomes the series' name. */
    TimeSeries read(byte[] body, String source);

    /** A CSV file or answer, read as {@code spec} says (columns, time format, zone, unit, resolution). */
    record Csv(CsvSeriesSpec spec) implements FeedFormat {
        public Csv {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public String key() {
            return "csv";
        }

        @Override
        public TimeSeries read(byte[] body, String source) {
            return CsvSeriesReader.read(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
                    source, spec);
        }
    }

    /** Electricity Maps carbon intensity (history, forecast, past-range, latest): {@link ElectricityMapsJson}. */
    record ElectricityMaps() implements FeedFormat {
        @Override
        public String key() {
            return "electricitymaps";
        }

        @Override
        public TimeSeries read(byte[] body, String source) {
            return ElectricityMapsJson.parse(body, source);
        }
    }

    /** WattTime MOER, forecast or signal index (v3, and v2): {@link WattTimeJson}. */
    record WattTime() implements FeedFormat {
        @Override
        public String key() {
            return "watttime";
        }

        @Override
        public TimeSeries read(byte[] body, String source) {
            return WattTimeJson.parse(body, source);
        }
    }

    /** The GB Carbon Intensity API, national or one region: {@link CarbonIntensityUkJson}. */
    record CarbonIntensityUk(CarbonIntensityUkJson.Value value) implements FeedFormat {
        public CarbonIntensityUk {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String key() {
            return "carbonintensity-uk";
        }

        @Override
        public TimeSeries read(byte[] body, String source) {
            return CarbonIntensityUkJson.parse(body, source, value);
        }
    }

    /** ENTSO-E day-ahead prices (A44 Publication_MarketDocument): {@link EntsoePricesXml}. */
    record EntsoePrices(int sequence) implements FeedFormat {
        public EntsoePrices {
            if (sequence < 1) {
                throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
            }
        }

        @Override
        public String key() {
            return "entsoe";
        }

        @Override
        public TimeSeries read(byte[] body, String source) {
            return EntsoePricesXml.parse(body, source, sequence);
        }
    }

    /** The keys of every format, for messages. */
    static String keys() {
        return "csv, electricitymaps, watttime, carbonintensity-uk, entsoe";
    }

    /** True when {@code key} names a format (case-insensitive). */
    static boolean known(String key) {
        return Set.of(keys().split(", ")).contains(key.toLowerCase(Locale.ROOT));
    }
}
