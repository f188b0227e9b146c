package io.kelvin.collectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxProbe;
import io.kelvin.collectors.store.influxdb.InfluxProbe.Stored;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.InfluxdServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StoreWriter with its disk journal against a real influxd that goes away and comes back. */
class StoreWriterJournalTest {

    private static final StoreWriterSettings SETTINGS = StoreWriterSettings.DEFAULTS
            .withFlushInterval(Duration.ofMillis(200))
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    private static final int DEVICES = 10;
    private static final int POINTS_PER_DEVICE = 5;
    private static final Duration TICK = Duration.ofMillis(100);
    private static InfluxdServer influxd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startInfluxd() {
        influxd = InfluxdServer.startNew();
    }

    @AfterAll
    static void stopInfluxd() {
        influxd.close();
    }

    @Test
    void everySampleOfASteadyRunLandsExactlyOnceAcrossASixtySecondInfluxdOutage() throws Exception {
        Path journal = dir.resolve("journal");
        try (OrderRecordingStore store = new OrderRecordingStore(connect("outage"))) {
            StoreWriter writer = StoreWriter.withJournal(store, SETTINGS, Clock.systemUTC(), journal);
            // 50 points at 10 Hz, sample k of each point at t0 + k x 100 ms with value k
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            AtomicInteger ticks = new AtomicInteger();
            ScheduledExecutorService source = Executors.newSingleThreadScheduledExecutor();
            source.scheduleAtFixedRate(() -> writer.accept(tick(t0, ticks.getAndIncrement())),
                    0, TICK.toMillis(), TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> writer.written() >= 2_000);
            influxd.stop();
            Thread.sleep(Duration.ofSeconds(60));
            assertThat(writer.spillPending()).as("samples in the journal during the outage").isGreaterThan(20_000);
            assertThat(segments(journal)).isNotEmpty();
            influxd.start();
            Thread.sleep(Duration.ofSeconds(5));
            source.shutdown();
            assertThat(source.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.queued() == 0);
            writer.close();

            int n = ticks.get();
            Map<PointId, Stored> stored = InfluxProbe.countAndSum(influxd.url(), "outage", "meter");
            assertThat(stored).hasSize(DEVICES * POINTS_PER_DEVICE);
            // exactly once: n values per point, and their sum is 0 + 1 + ... + (n - 1)
            assertThat(stored.values()).allSatisfy(s -> assertThat(s).isEqualTo(new Stored(n, n * (n - 1) / 2.0)));
            assertThat(writer.dropped()).isZero();
            assertThat(writer.replayed()).isEqualTo(writer.spilled()).isPositive();
            assertThat(store.outOfOrder()).as("samples older than one already stored for the point").isZero();
            assertThat(segments(journal)).as("a fully replayed journal leaves no segment").isEmpty();
        }
    }

    @Test
    void withTwoWritesInFlightEverySampleLandsExactlyOnceAcrossATenSecondInfluxdOutage() throws Exception {
        Path journal = dir.resolve("journal");
        try (InfluxTelemetryStore store = connect("overlap")) {
            StoreWriter writer = StoreWriter.withJournal(store, SETTINGS.withWritesInFlight(2), Clock.systemUTC(), journal);
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            AtomicInteger ticks = new AtomicInteger();
            ScheduledExecutorService source = Executors.newSingleThreadScheduledExecutor();
            source.scheduleAtFixedRate(() -> writer.accept(tick(t0, ticks.getAndIncrement())),
                    0, TICK.toMillis(), TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> writer.written() >= 2_000);
            influxd.stop();
            Thread.sleep(Duration.ofSeconds(10));
            assertThat(writer.spillPending()).as("samples in the journal during the outage").isGreaterThan(3_000);
            influxd.start();
            Thread.sleep(Duration.ofSeconds(3));
            source.shutdown();
            assertThat(source.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.queued() == 0);
            writer.close();

            // batches overlap and live ones pass the replay, but InfluxDB keys by time: each value once
            int n = ticks.get();
            Map<PointId, Stored> stored = InfluxProbe.countAndSum(influxd.url(), "overlap", "meter");
            assertThat(stored).hasSize(DEVICES * POINTS_PER_DEVICE);
            assertThat(stored.values()).allSatisfy(s -> assertThat(s).isEqualTo(new Stored(n, n * (n - 1) / 2.0)));
            assertThat(writer.dropped()).isZero();
            assertThat(writer.replayed()).isEqualTo(writer.spilled()).isPositive();
            assertThat(segments(journal)).isEmpty();
        }
    }

    @Test
    void aJournalLeftByACrashIsReplayedFirstWithoutItsTornLastRecord() throws IOException {
        Path journal = dir.resolve("journal");
        Instant t0 = Instant.parse("2025-01-06T00:00:00Z");
        try (SampleJournal left = SampleJournal.open(journal, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            for (int k = 0; k < 3; k++) {
                left.append(tick(t0, k));
            }
        }
        Path segment = segments(journal).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(Files.size(segment) - 10); // the crash cut the third record short
        }

        try (OrderRecordingStore store = new OrderRecordingStore(connect("crash"))) {
            StoreWriter writer = StoreWriter.withJournal(store, SETTINGS, Clock.systemUTC(), journal);
            assertThat(writer.spillPending()).isEqualTo(2L * DEVICES * POINTS_PER_DEVICE);
            writer.accept(tick(t0, 3));
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.queued() == 0);
            writer.close();

            // ticks 0 and 1 from the journal, then tick 3; tick 2 was torn
            Map<PointId, Stored> stored = InfluxProbe.countAndSum(influxd.url(), "crash", "meter");
            assertThat(stored.values()).hasSize(DEVICES * POINTS_PER_DEVICE)
                    .allSatisfy(s -> assertThat(s).isEqualTo(new Stored(3, 0 + 1 + 3)));
            assertThat(store.outOfOrder()).isZero();
        }
    }

    private static InfluxTelemetryStore connect(String database) {
        return InfluxTelemetryStore.connect(InfluxConnection.of(influxd.url(), database, "demo"),
                device -> DeviceClass.METER);
    }

    /** One sample of every point at t0 + k ticks with value k. */
    private static List<Sample> tick(Instant t0, int k) {
        Instant at = t0.plus(TICK.multipliedBy(k));
        List<Sample> samples = new ArrayList<>(DEVICES * POINTS_PER_DEVICE);
        for (int d = 0; d < DEVICES; d++) {
            for (int p = 0; p < POINTS_PER_DEVICE; p++) {
                samples.add(Sample.good(PointId.of("meter-" + d, "p" + p), k, at));
            }
        }
        return samples;
    }

    private static List<Path> segments(Path journal) throws IOException {
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".kjl")).sorted().toList();
        }
    }
}
