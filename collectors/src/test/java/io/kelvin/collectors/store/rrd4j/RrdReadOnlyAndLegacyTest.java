package io.kelvin.collectors.store.rrd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TimeValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdDef;

/** Reading a stopped site's data without changing it, and files made before the GOOD datasource. */
class RrdReadOnlyAndLegacyTest {

    private static final Instant BASE = Instant.parse("2025-01-06T00:00:00Z");
    private static final PointId POWER = PointId.of("meter-01", "power_kw");

    @TempDir
    Path dataDir;

    @Test
    void aReadOnlyStoreAnswersQueriesRefusesWritesAndLeavesTheFilesUntouched() throws IOException {
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dataDir)) {
            store.write(seconds(0, 120, 50));
        }
        Path file = dataDir.resolve("meter-01").resolve("power_kw.rrd");
        byte[] before = Files.readAllBytes(file);

        try (RrdTelemetryStore readOnly = RrdTelemetryStore.openReadOnly(dataDir)) {
            assertThat(readOnly.goodMeans(POWER, BASE, BASE.plusSeconds(120), Duration.ofMinutes(1)).stream().map(StepMean::mean))
                    .containsExactly(50.0, 50.0);
            assertThatThrownBy(() -> readOnly.write(seconds(200, 201, 1))).isInstanceOf(IllegalStateException.class);
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aReadOnlyStoreNeedsAnExistingDataDir() {
        assertThatThrownBy(() -> RrdTelemetryStore.openReadOnly(dataDir.resolve("missing")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("missing");
        assertThat(dataDir.resolve("missing")).doesNotExist();
    }

    @Test
    void aFileWithoutTheGoodAndOverrunDatasourcesHasNoGoodHistoryNorMarkersAndGetsThemOnTheNextWrite()
            throws IOException {
        writeLegacyFile(seconds(0, 120, 50));

        try (RrdTelemetryStore readOnly = RrdTelemetryStore.openReadOnly(dataDir)) {
            // the old file cannot say which values were GOOD: its history is disclosed as a gap
            assertThat(readOnly.goodMeans(POWER, BASE, BASE.plusSeconds(120), Duration.ofMinutes(1)))
                    .allMatch(StepMean::isGap);
            assertThat(values(readOnly.range(POWER, BASE, BASE.plusSeconds(120), Duration.ofMinutes(1), Aggregate.MEAN)))
                    .containsExactly(50.0, 50.0);
            assertThat(readOnly.pollOverrunSteps(POWER, BASE, BASE.plusSeconds(120), Duration.ofSeconds(1))).isEmpty();
        }
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dataDir)) {
            store.write(seconds(120, 240, 70));
            store.write(List.of(new Sample(POWER, Double.NaN, Quality.POLL_OVERRUN, BASE.plusSeconds(240),
                    BASE.plusSeconds(241))));
        }
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dataDir)) {
            assertThat(store.goodMeans(POWER, BASE, BASE.plusSeconds(240), Duration.ofMinutes(1)).stream().map(StepMean::mean))
                    .containsExactly(Double.NaN, Double.NaN, 70.0, 70.0);
            assertThat(values(store.range(POWER, BASE, BASE.plusSeconds(240), Duration.ofMinutes(1), Aggregate.MEAN)))
                    .containsExactly(50.0, 50.0, 70.0, 70.0);
            assertThat(store.pollOverrunSteps(POWER, BASE, BASE.plusSeconds(241), Duration.ofSeconds(1)))
                    .containsExactly(BASE.plusSeconds(240));
        }
    }

    /** A file as the store wrote it before the {@code good} datasource: one datasource {@code value}. */
    private void writeLegacyFile(List<Sample> samples) throws IOException {
        Path file = dataDir.resolve("meter-01").resolve("power_kw.rrd");
        Files.createDirectories(file.getParent());
        long first = samples.get(0).sourceTime().getEpochSecond() + 1;
        RrdDef def = new RrdDef(file.toString(), first - 2, 1);
        def.setVersion(2);
        def.addDatasource(RrdLayout.DATASOURCE, DsType.GAUGE, RrdLayout.HEARTBEAT_SECONDS, Double.NaN, Double.NaN);
        def.addArchive(ConsolFun.AVERAGE, RrdLayout.XFF, 1, 3_600);
        for (ConsolFun fun : List.of(ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX, ConsolFun.LAST)) {
            def.addArchive(fun, RrdLayout.XFF, 60, 2_880);
        }
        try (RrdDb db = RrdDb.getBuilder().setRrdDef(def).build()) {
            db.createSample(first - 1).setValue(RrdLayout.DATASOURCE, Double.NaN).update();
            for (Sample sample : samples) {
                db.createSample(sample.sourceTime().getEpochSecond() + 1).setValue(RrdLayout.DATASOURCE, sample.value())
                        .update();
            }
        }
    }

    private static List<Sample> seconds(int from, int to, double kw) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            samples.add(Sample.good(POWER, kw, BASE.plusSeconds(i)));
        }
        return samples;
    }

    private static List<Double> values(List<TimeValue> series) {
        return series.stream().map(TimeValue::value).toList();
    }
}
