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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StoreWriter with a journal on a disk that fills up, against a real influxd. */
class StoreWriterDiskFullTest {

    private static final StoreWriterSettings SETTINGS = StoreWriterSettings.DEFAULTS
            .withFlushInterval(Duration.ofMillis(50))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
    private static final int POINTS = 20;
    private static InfluxdServer influxd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startInfluxd() {
        influxd = InfluxdServer.startNew();
    }

    /** A test that fails during its outage must not leave the next one without influxd. */
    @AfterEach
    void restartInfluxdIfStopped() {
        if (!influxd.isRunning()) {
            influxd.start();
        }
    }

    @AfterAll
    static void stopInfluxd() {
        influxd.close();
    }

    /** With 2 writes in flight and batches of 100, two failed writes meet the full disk together. */
    @ParameterizedTest(name = "{0} write(s) in flight")
    @ValueSource(ints = {1, 2})
    void aFullDiskDuringAnOutageIsReportedInHealthAndNothingIsLostOnceSpaceAndTheStoreReturn(int writesInFlight) {
        FillableDisk disk = new FillableDisk();
        String database = "diskfull" + writesInFlight;
        try (InfluxTelemetryStore store = connect(database)) {
            StoreWriter writer = StoreWriter.withJournal(store,
                    SETTINGS.withWritesInFlight(writesInFlight).withMaxBatch(5 * POINTS), Clock.systemUTC(),
                    dir.resolve("journal"), disk);
            writer.accept(ticks(0, 10));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 10 * POINTS);

            influxd.stop();
            disk.fill();
            writer.accept(ticks(10, 40));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.health().journalError().isPresent());
            StoreWriterHealth health = writer.health();
            assertThat(health.healthy()).isFalse();
            assertThat(health.storeError()).isPresent();
            assertThat(health.message()).contains("journal cannot take samples").contains(FillableDisk.ENOSPC)
                    .contains("store refuses writes");
            // the writer keeps going: it holds the batch and keeps accepting into its queue
            writer.accept(ticks(40, 50));
            assertThat(writer.running()).isTrue();
            assertThat(writer.dropped()).isZero();

            disk.free();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.health().journalError().isEmpty()
                    && writer.spillPending() == 40L * POINTS);
            influxd.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.queued() == 0);
            writer.close();

            // every point holds ticks 0..49 exactly once: count 50, sum 0 + 1 + ... + 49
            Map<PointId, Stored> stored = InfluxProbe.countAndSum(influxd.url(), database, "meter");
            assertThat(stored.values()).hasSize(POINTS).allSatisfy(s -> assertThat(s).isEqualTo(new Stored(50, 1225)));
            assertThat(writer.health().healthy()).isTrue();
            assertThat(writer.dropped()).isZero();
        }
    }

    @Test
    void aFullDiskWithTheStoreUpCostsNothingBecauseTheJournalIsNotOnThePath() {
        FillableDisk disk = new FillableDisk();
        disk.fill();
        try (InfluxTelemetryStore store = connect("diskfullstoreup")) {
            StoreWriter writer = StoreWriter.withJournal(store, SETTINGS.withWritesInFlight(2), Clock.systemUTC(),
                    dir.resolve("journal"), disk);
            writer.accept(ticks(0, 50));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 50 * POINTS);
            writer.close();

            assertThat(writer.health().healthy()).isTrue();
            assertThat(writer.spilled()).isZero();
        }
    }

    @Test
    void aJournalAtItsCapDropsItsOldestSamplesAndCountsThemAsLostInHealth() {
        // nothing listens on this port: every write fails at once, so everything goes to the journal
        String nowhere = "http://127.0.0.1:" + io.kelvin.testkit.FreePorts.loopback();
        try (InfluxTelemetryStore store = InfluxTelemetryStore.connect(InfluxConnection.of(nowhere, "kelvin", "demo"),
                device -> DeviceClass.METER)) {
            // 16 KiB of journal, segments of 8 KiB; 100 batches of 20 samples take about 110 KiB
            StoreWriter writer = StoreWriter.withJournal(store, SETTINGS.withMaxBatch(POINTS).withJournalMaxBytes(16 * 1024),
                    Clock.systemUTC(), dir.resolve("journal"));
            writer.accept(ticks(0, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.queued() == writer.spillPending());
            writer.close();

            assertThat(writer.evictedFromJournal()).isPositive();
            assertThat(writer.dropped()).isEqualTo(writer.evictedFromJournal());
            assertThat(writer.spillPending() + writer.dropped()).isEqualTo(100L * POINTS);
            assertThat(writer.health().healthy()).isFalse();
            assertThat(writer.health().message()).contains(writer.dropped() + " samples lost since start")
                    .contains("oldest journal segments dropped at its size cap");
        }
    }

    private static InfluxTelemetryStore connect(String database) {
        return InfluxTelemetryStore.connect(InfluxConnection.of(influxd.url(), database, "demo"),
                device -> DeviceClass.METER);
    }

    /** Ticks from..to-1 of every point, tick k at T0 + k s with value k. */
    private static List<Sample> ticks(int from, int to) {
        List<Sample> samples = new ArrayList<>();
        for (int k = from; k < to; k++) {
            for (int p = 0; p < POINTS; p++) {
                samples.add(Sample.good(PointId.of("meter-01", "p" + p), k, T0.plusSeconds(k)));
            }
        }
        return samples;
    }
}
