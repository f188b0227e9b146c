package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.opcuaDevice;
import static io.kelvin.collectors.TestSites.opcuaPoint;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.pipeline.StoreWriter;
import io.kelvin.collectors.pipeline.StoreWriterSettings;
import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.InfluxdServer;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TimeValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscription reports only changes. A steady point must still have a value in every second of
 * its stored history while the subscription vouches for it, and none once the server is gone.
 */
class OpcUaReassertionTest extends LoopbackUaTest {

    private static final String NS = "urn:acme:test-cdu";
    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");
    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500));

    @TempDir
    Path dir;

    @Test
    void aSteadyValueHasNoGapInRrd4jHistoryWhileTheSubscriptionLivesAndADeadServerLeavesOne() throws Exception {
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dir)) {
            steadyThenDead(store, store::flush, Duration.ofSeconds(1));
        }
    }

    @Test
    void aSteadyValueHasNoGapInInfluxDbHistoryWhileTheSubscriptionLivesAndADeadServerLeavesOne() throws Exception {
        try (InfluxdServer influxd = InfluxdServer.startNew();
                InfluxTelemetryStore store = InfluxTelemetryStore.connect(InfluxConnection.of(influxd.url(), "kelvin", "test"),
                        device -> DeviceClass.CDU)) {
            // InfluxDB keeps each sample at its own time: a step at least the point's interval long holds one
            steadyThenDead(store, () -> { }, Duration.ofSeconds(2));
        }
    }

    private void steadyThenDead(TelemetryStore store, Runnable flush, Duration step) throws Exception {
        Clock clock = Clock.systemUTC();
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        {
            StoreWriter writer = new StoreWriter(store, StoreWriterSettings.DEFAULTS.withFlushInterval(Duration.ofMillis(200)),
                    clock);
            collectors = Collectors.start(site(List.of(opcuaDevice("cdu", NS,
                    List.of(opcuaPoint("supply_c", "s=Loop.Supply", new ValueRange(0, 100), Optional.empty())),
                    "opc.tcp://127.0.0.1:" + port + "/test"))), samples -> {
                        sink.accept(samples);
                        writer.accept(samples);
                    }, clock, QUICK);
            await().atMost(Duration.ofSeconds(15)).until(() -> sink.latest(SUPPLY).map(Sample::quality).orElse(null) == Quality.GOOD);

            // the server's value never changes: after the initial read and the subscription's first report of
            // the value, nothing new comes
            Thread.sleep(2_000);
            Instant steadyFrom = clock.instant();
            Thread.sleep(12_000);
            Instant steadyTo = clock.instant();
            long goodSamples = sink.all().stream().filter(s -> s.point().equals(SUPPLY) && s.quality() == Quality.GOOD
                    && !s.collectedAt().isBefore(steadyFrom)).count();
            assertThat(goodSamples).as("re-asserted about once a second (the point's poll interval)").isBetween(9L, 16L);

            server.close();
            server = null;
            Instant dead = clock.instant();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(SUPPLY).map(Sample::quality)
                    .orElse(null) == Quality.COMM_FAILED);
            Thread.sleep(8_000);
            Instant deadTo = clock.instant();
            collectors.close();
            collectors = null;
            writer.close();
            flush.run();

            Instant from = steadyFrom.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            Instant to = steadyTo.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            List<TimeValue> steady = store.range(SUPPLY, from, to, step, Aggregate.MEAN);
            assertThat(steady).hasSizeGreaterThanOrEqualTo(4).extracting(TimeValue::value).containsOnly(30.0);
            assertThat(store.goodMeans(SUPPLY, from, to, step)).extracting(StepMean::mean).containsOnly(30.0);

            // no subscription, no vouching: the outage is a gap (the collectors mark it COMM_FAILED)
            Instant gapFrom = dead.plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            Instant gapTo = deadTo.truncatedTo(ChronoUnit.SECONDS);
            assertThat(store.range(SUPPLY, gapFrom, gapTo, step, Aggregate.MEAN))
                    .hasSizeGreaterThanOrEqualTo(2).allSatisfy(v -> assertThat(v.value()).isNaN());
            assertThat(store.goodMeans(SUPPLY, gapFrom, gapTo, step))
                    .allSatisfy(m -> assertThat(m.isGap()).isTrue());
            assertThat(sink.all()).filteredOn(s -> s.point().equals(SUPPLY) && s.collectedAt().isAfter(dead.plusSeconds(3)))
                    .noneMatch(s -> s.quality() == Quality.GOOD);
        }
    }
}
