package io.kelvin.reports;

import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.SiteFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The reference period's meter data (site file {@code reference/site-configs/sites/reference.yaml}):
 * 2026-03-02 00:00 to 06:00 in Asia/Shanghai, one sample per second from 10 minutes before to 10
 * minutes after. Second {@code s} is counted from the period start; {@link #H} is an hour.
 * <ul>
 *   <li>grid register: 1000 kW from 52000 kWh until the meter is replaced at 03:00 (old final 55000),
 *       then 1100 kW from 10 kWh on the new meter;</li>
 *   <li>IT register: 1000 kW from 97500 kWh, wrapping at 100000 (at 02:30); no samples 04:00-04:40;</li>
 *   <li>PV power: 200 kW to 02:00, 400 kW after; no samples 01:00-01:30; COMM_FAILED 04:00-04:15;</li>
 *   <li>cooling 150 kW, power conversion input 1040 kW, heat export 300 kW, water 20 L/min.</li>
 * </ul>
 */
final class ReferenceData {

    static final Instant FROM = Instant.parse("2026-03-01T16:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofHours(6));
    static final int H = 3600;
    private static final int MARGIN = 600;

    private ReferenceData() {
    }

    /** Loads the reference site from the test resources (copied to {@code dir}, where the loader can read it). */
    static Site site(Path dir) {
        return site(dir, text -> text);
    }

    /** The reference site with its file's text changed by {@code edit} before it is loaded. */
    static Site site(Path dir, java.util.function.UnaryOperator<String> edit) {
        try {
            Path target = dir.resolve("site-configs");
            SiteFixtures.copyTree(Path.of(ReferenceData.class.getResource("/reference/site-configs").toURI()), target);
            Path file = target.resolve("sites/reference.yaml");
            Files.writeString(file, edit.apply(Files.readString(file)));
            return SiteLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(TelemetryStore store) {
        write(store, PointId.of("grid", "energy_kwh"), s -> s < 3 * H ? 52000 + 1000.0 * s / H : 10 + 1100.0 * (s - 3 * H) / H,
                s -> Quality.GOOD, s -> true);
        write(store, PointId.of("it", "energy_kwh"), s -> (97500 + 1000.0 * s / H) % 100000, s -> Quality.GOOD,
                s -> s < 4 * H || s >= 4 * H + 40 * 60);
        write(store, PointId.of("pv", "power_kw"), s -> s < 2 * H ? 200 : 400,
                s -> s >= 4 * H && s < 4 * H + 15 * 60 ? Quality.COMM_FAILED : Quality.GOOD,
                s -> s < H || s >= H + 30 * 60);
        write(store, PointId.of("cool", "power_kw"), s -> 150, s -> Quality.GOOD, s -> true);
        write(store, PointId.of("conv", "power_kw"), s -> 1040, s -> Quality.GOOD, s -> true);
        write(store, PointId.of("heat", "power_kw"), s -> 300, s -> Quality.GOOD, s -> true);
        write(store, PointId.of("water", "flow_lpm"), s -> 20, s -> Quality.GOOD, s -> true);
    }

    private static void write(TelemetryStore store, PointId point, IntToDoubleFunction value, IntFunction<Quality> quality,
            java.util.function.IntPredicate present) {
        List<Sample> batch = new ArrayList<>();
        for (int s = -MARGIN; s < 6 * H + MARGIN; s++) {
            if (present.test(s)) {
                Instant time = FROM.plusSeconds(s);
                batch.add(new Sample(point, value.applyAsDouble(s), quality.apply(s), time, time));
            }
            if (batch.size() == 5000) {
                store.write(batch);
                batch = new ArrayList<>();
            }
        }
        store.write(batch);
    }
}
