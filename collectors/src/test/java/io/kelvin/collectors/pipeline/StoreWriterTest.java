package io.kelvin.collectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TimeValue;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InfluxdServer;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {

    private static final Instant BASE = Instant.parse("2025-01-06T00:00:00Z");
    private static final PointId POWER = PointId.of("meter-01", "power_kw");
    private static final StoreWriterSettings FAST = StoreWriterSettings.DEFAULTS
            .withFlushInterval(Duration.ofMillis(50))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
            .withCloseTimeout(Duration.ofSeconds(1));

    private final SettableClock clock = new SettableClock(BASE);

    @TempDir
    Path dir;

    @Test
    void closeWritesEverythingStillQueuedBeforeItReturns() {
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dir)) {
            StoreWriter writer = new StoreWriter(store, StoreWriterSettings.DEFAULTS, clock);
            writer.accept(samples(0, 1000));
            writer.close();

            assertThat(writer.written()).isEqualTo(1000);
            assertThat(writer.queued()).isZero();
            assertThat(writer.dropped()).isZero();
            assertThat(store.range(POWER, BASE, BASE.plusSeconds(1000), Duration.ofSeconds(1000), Aggregate.MEAN))
                    .extracting(TimeValue::value).containsExactly(499.5);
        }
    }

    @Test
    void acceptNeverBlocksWhenTheStoreIsDownAndDropsAndCountsWhatDoesNotFit() {
        // nothing listens on this port: every write fails at once with connection refused
        String nowhere = "http://127.0.0.1:" + FreePorts.loopback();
        try (InfluxTelemetryStore store = InfluxTelemetryStore.connect(
                InfluxConnection.of(nowhere, "kelvin", "demo"), device -> DeviceClass.METER)) {
            // room for 10 queued plus one batch of 5 being retried
            StoreWriterSettings small = new StoreWriterSettings(10, 5, Duration.ofMillis(50), Duration.ofMillis(50),
                    Duration.ofMillis(500), Duration.ofSeconds(1));
            StoreWriter writer = new StoreWriter(store, small, clock);

            writer.accept(samples(0, 100));

            assertThat(writer.accepted() + writer.dropped()).isEqualTo(100);
            assertThat(writer.accepted()).isBetween(10L, 15L);
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.failedWrites() >= 2);
            assertThat(writer.lastError()).hasValueSatisfying(error -> {
                assertThat(error.message()).contains(nowhere);
                assertThat(error.at()).isEqualTo(BASE);
            });
            assertThat(writer.written()).isZero();

            writer.close();
            // close gives up after its timeout and counts what it could not write
            assertThat(writer.dropped() + writer.written()).isEqualTo(100);
            assertThat(writer.queued()).isZero();
        }
    }

    @Test
    void nothingIsLostAcrossAnInfluxdStopAndStart() {
        try (InfluxdServer influxd = InfluxdServer.startNew();
                InfluxTelemetryStore store = InfluxTelemetryStore.connect(
                        InfluxConnection.of(influxd.url(), "kelvin", "demo"), Map.of("meter-01", DeviceClass.METER)::get)) {
            StoreWriter writer = new StoreWriter(store, FAST, clock);
            writer.accept(samples(0, 100));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() == 100);

            influxd.stop();
            writer.accept(samples(100, 200));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.failedWrites() >= 2);
            assertThat(writer.queued()).isEqualTo(100);
            influxd.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.written() == 200);
            writer.close();

            // every second holds its own sample's value: all 200 are there, each once
            List<TimeValue> perSecond = store.range(POWER, BASE, BASE.plusSeconds(200), Duration.ofSeconds(1), Aggregate.MEAN);
            assertThat(perSecond).extracting(TimeValue::value)
                    .containsExactlyElementsOf(samples(0, 200).stream().map(Sample::value).toList());
            assertThat(writer.dropped()).isZero();
        }
    }

    /** Sample i at BASE + i s with value i. */
    private static List<Sample> samples(int from, int to) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            samples.add(Sample.good(POWER, i, BASE.plusSeconds(i)));
        }
        return samples;
    }
}
