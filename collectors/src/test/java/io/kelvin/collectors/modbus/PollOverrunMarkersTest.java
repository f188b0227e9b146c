package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.register;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.pipeline.StoreWriter;
import io.kelvin.collectors.pipeline.StoreWriterSettings;
import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxProbe;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InfluxdServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device whose read is held up for 3.5 s, polled every second from a real j2mod slave: the poll
 * cycles whose ticks passed meanwhile are skipped, counted in health with their time, and marked in
 * the store (rrd4j, and a real influxd) as POLL_OVERRUN at each skipped grid time, so history holds a
 * labelled gap there, not a value, and the GOOD coverage the KPIs use leaves those seconds out.
 */
class PollOverrunMarkersTest {

    private static final CollectorSettings SETTINGS = new CollectorSettings(
            Duration.ofSeconds(6), Duration.ofMillis(100), Duration.ofMillis(400));
    private static final Duration STALL = Duration.ofMillis(3_500);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final List<String> POINTS = List.of("p0", "p1", "p2");

    @TempDir
    Path dir;

    /** What the sink received, and the device's health at the end. */
    private record Run(List<Sample> samples, DeviceHealth health) {

        List<Sample> markers() {
            return samples.stream().filter(s -> s.quality() == Quality.POLL_OVERRUN).toList();
        }

        List<Instant> ticks() {
            return markers().stream().map(Sample::sourceTime).distinct().sorted().toList();
        }

        List<Sample> readings(String point) {
            return samples.stream().filter(s -> s.quality() != Quality.POLL_OVERRUN)
                    .filter(s -> s.point().point().equals(point)).toList();
        }
    }

    @Test
    void aSlowReadSkipsPollCyclesAndRrd4jHoldsALabelledGapAtEachSkippedGridTimeNotAValue() throws Exception {
        try (RrdTelemetryStore rrd = RrdTelemetryStore.open(dir.resolve("rrd"))) {
            Run run = collectThroughAStall(rrd);
            assertMarkedGaps(rrd, run);
            // the newest stored sample of a point is a reading again, not the marker
            assertThat(rrd.latest(PointId.of("meter", "p0")).orElseThrow().quality()).isEqualTo(Quality.GOOD);
        }
    }

    @Test
    void aSlowReadSkipsPollCyclesAndInfluxDbHoldsAPollOverrunRowWithoutAValueAtEachSkippedGridTime() throws Exception {
        try (InfluxdServer influxd = InfluxdServer.startNew();
                InfluxTelemetryStore influx = InfluxTelemetryStore.connect(
                        InfluxConnection.of(influxd.url(), "overruns", "test"), Map.of("meter", DeviceClass.METER)::get)) {
            Run run = collectThroughAStall(influx);
            assertMarkedGaps(influx, run);
            List<Long> tickMillis = run.ticks().stream().map(Instant::toEpochMilli).toList();
            for (String point : POINTS) {
                assertThat(InfluxProbe.timesWithQuality(influxd.url(), "overruns", DeviceClass.METER.measurement(),
                        PointId.of("meter", point), Quality.POLL_OVERRUN.name()))
                        .as("rows of %s marked POLL_OVERRUN", point).isEqualTo(tickMillis);
            }
        }
    }

    private Run collectThroughAStall(TelemetryStore store) throws Exception {
        int port = FreePorts.loopback();
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < POINTS.size(); i++) {
            points.add(new PointDef(POINTS.get(i), "kW", "", Optional.of(register(RegisterType.HOLDING, i,
                    DataType.UINT16, WordOrder.ABCD)), Optional.empty(), new ValueRange(0, 1000), Optional.empty(),
                    PollClass.FAST, Optional.of(SECOND)));
        }
        List<Sample> received = new CopyOnWriteArrayList<>();
        try (LoopbackSlave slave = LoopbackSlave.start(port, 1);
                StoreWriter writer = new StoreWriter(store, StoreWriterSettings.DEFAULTS
                        .withFlushInterval(Duration.ofMillis(100)), Clock.systemUTC())) {
            slave.setWords(1, RegisterType.HOLDING, 0, new int[] {10, 20, 30});
            DeviceHealth health;
            try (Collectors collectors = Collectors.start(site(List.of(modbusDevice("meter", points, port, 1))),
                    samples -> {
                        received.addAll(samples);
                        writer.accept(samples);
                    }, Clock.systemUTC(), SETTINGS)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> good(received) >= 3 * POINTS.size()
                        && health(collectors).state() == DeviceState.UP);
                long before = health(collectors).pollOverruns();

                slave.slowDown(1, 0, STALL, 1);
                // 3.5 s in a poll of a 1 s grid: the three ticks that pass meanwhile are skipped
                await().atMost(Duration.ofSeconds(15)).until(() -> health(collectors).pollOverruns() >= before + 3);
                int afterStall = good(received);
                await().atMost(Duration.ofSeconds(15)).until(() -> good(received) >= afterStall + 3 * POINTS.size());
                health = health(collectors);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.queued() == 0);
            writer.close();
            assertThat(writer.dropped()).isZero();
            return new Run(List.copyOf(received), health);
        }
    }

    private static void assertMarkedGaps(TelemetryStore store, Run run) {
        List<Instant> ticks = run.ticks();
        // every skipped cycle is counted and marked, on the 1 s grid, for every point it would have read
        assertThat(ticks).hasSize((int) run.health().pollOverruns());
        assertThat(run.health().pollOverrunsLastMinute()).isEqualTo(run.health().pollOverruns());
        assertThat(run.health().lastPollOverrun()).isPresent();
        // the stall's skipped ticks follow each other on the 1 s grid (a loaded machine may add others)
        assertThat(IntStream.range(1, ticks.size())
                .filter(i -> Duration.between(ticks.get(i - 1), ticks.get(i)).equals(SECOND)).count())
                .isGreaterThanOrEqualTo(2);
        for (Instant tick : ticks) {
            assertThat(run.markers().stream().filter(m -> m.sourceTime().equals(tick)))
                    .extracting(m -> m.point().point()).containsExactlyInAnyOrderElementsOf(POINTS);
        }
        assertThat(run.markers()).allSatisfy(m -> assertThat(m.value()).isNaN());

        for (String point : POINTS) {
            PointId id = PointId.of("meter", point);
            List<Sample> readings = run.readings(point);
            // readings on both sides of the skipped cycles
            assertThat(readings.getFirst().sourceTime()).isBefore(ticks.getFirst());
            assertThat(readings.getLast().sourceTime()).isAfter(ticks.getLast());

            Instant from = readings.getFirst().sourceTime().truncatedTo(ChronoUnit.SECONDS);
            Instant to = readings.getLast().sourceTime().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Set<Instant> readingSeconds = readings.stream().map(s -> s.sourceTime().truncatedTo(ChronoUnit.SECONDS))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            // a skipped tick sharing its second with a reading (a reading stamped just before the next
            // second begins) leaves that second its data at 1 s resolution; every other one is a gap
            Set<Instant> markedSeconds = ticks.stream().map(t -> t.truncatedTo(ChronoUnit.SECONDS))
                    .filter(s -> !readingSeconds.contains(s)).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            assertThat(markedSeconds).hasSizeGreaterThanOrEqualTo(ticks.size() - 2).isNotEmpty();

            Map<Instant, TimeValue> values = store.range(id, from, to, SECOND, Aggregate.MEAN).stream()
                    .collect(java.util.stream.Collectors.toMap(TimeValue::time, v -> v));
            List<StepMean> good = store.goodMeans(id, from, to, SECOND);
            Map<Instant, StepMean> goodByTime = good.stream().collect(java.util.stream.Collectors.toMap(StepMean::time, m -> m));
            for (Instant second : markedSeconds) {
                assertThat(values.get(second).isGap()).as("%s at %s is a gap, not a value", point, second).isTrue();
                assertThat(goodByTime.get(second).isGap()).as("%s at %s has no GOOD data", point, second).isTrue();
            }
            for (Instant second : readingSeconds) {
                assertThat(values.get(second).isGap()).as("%s read at %s", point, second).isFalse();
                assertThat(goodByTime.get(second).isGap()).as("%s GOOD at %s", point, second).isFalse();
            }
            // the store says which gaps were skipped poll cycles
            Set<Instant> tickSeconds = ticks.stream().map(t -> t.truncatedTo(ChronoUnit.SECONDS))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            assertThat(store.pollOverrunSteps(id, from, to, SECOND)).containsAll(markedSeconds)
                    .allSatisfy(s -> assertThat(tickSeconds).contains(s));
            // the completeness the KPI engine reports leaves the skipped seconds out
            double window = Duration.between(from, to).toSeconds();
            assertThat(EnergyIntegral.of(good, SECOND, from, to).completeness())
                    .isLessThanOrEqualTo((window - markedSeconds.size()) / window + 1e-9);
        }
    }

    private static int good(List<Sample> samples) {
        return (int) samples.stream().filter(s -> s.quality() == Quality.GOOD).count();
    }

    private static DeviceHealth health(Collectors collectors) {
        return collectors.health().get("meter");
    }
}
