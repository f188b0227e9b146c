package io.kelvin.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History steps say why they are empty: a skipped poll cycle, or no data. */
class PointHistoryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:01:00Z");
    private static final PointId POINT = PointId.of("cdu-01", "supply_temp_c");

    @TempDir
    Path dir;

    @Test
    void aGapWhereAPollCycleWasSkippedIsLabelledPollOverrunAndAnOutageNoData() {
        // the last minute at 1 s: seconds 10..12 skipped under overload, 30..31 unanswered, 50..59 nothing stored
        Instant from = NOW.minusSeconds(60);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Instant t = from.plusSeconds(i);
            Quality quality = i >= 10 && i < 13 ? Quality.POLL_OVERRUN : i >= 30 && i < 32 ? Quality.COMM_FAILED
                    : Quality.GOOD;
            samples.add(new Sample(POINT, quality.isGood() ? 31.5 : Double.NaN, quality, t, t));
        }
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dir)) {
            store.write(samples);
            store.flush();

            List<PointHistory.Step> steps = new PointHistory(DemoSite.SITE, store, InstantSource.fixed(NOW))
                    .history(POINT.toString(), 1, 1, "mean").values();

            assertThat(steps).hasSize(60);
            assertThat(steps.subList(10, 13)).allSatisfy(s -> {
                assertThat(s.value()).isNull();
                assertThat(s.gap()).isEqualTo(PointHistory.Gap.POLL_OVERRUN);
                assertThat(s.pollOverrun()).isTrue();
            });
            assertThat(steps.subList(30, 32)).allSatisfy(s -> assertThat(s.gap()).isEqualTo(PointHistory.Gap.NO_DATA));
            assertThat(steps.subList(50, 60)).allSatisfy(s -> assertThat(s.gap()).isEqualTo(PointHistory.Gap.NO_DATA));
            assertThat(steps.get(9).value()).isEqualTo(31.5);
            assertThat(steps.get(9).gap()).isNull();
            assertThat(steps.get(9).pollOverrun()).isFalse();
            assertThat(steps.get(13).value()).isEqualTo(31.5);
        }
    }
}
