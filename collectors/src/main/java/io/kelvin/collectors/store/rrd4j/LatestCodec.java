package io.kelvin.collectors.store.rrd4j;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Persists what the RRD itself does not keep about the newest sample: its quality and its source
 * time to the millisecond. Both go in the RRD header's 20-character info string as the quality's
 * first letter and the epoch millis, e.g. {@code B1735689600123}. The value is the datasource's
 * last value.
 */
final class LatestCodec {

    private static final Map<Character, Quality> BY_LETTER = Arrays.stream(Quality.values())
            .collect(Collectors.toMap(q -> q.name().charAt(0), Function.identity()));

    private LatestCodec() {
    }

    static String encode(Sample sample) {
        return sample.quality().name().charAt(0) + Long.toString(sample.sourceTime().toEpochMilli());
    }

    /** Empty when the info is not ours (e.g. a file made by another tool). */
    static Optional<Sample> decode(PointId point, double value, String info) {
        if (info == null || info.length() < 2 || !BY_LETTER.containsKey(info.charAt(0))) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.ofEpochMilli(Long.parseLong(info.substring(1).trim()));
            return Optional.of(new Sample(point, value, BY_LETTER.get(info.charAt(0)), time, time));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
