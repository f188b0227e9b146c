package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.pipeline.StoreWriter;
import io.kelvin.collectors.pipeline.StoreWriterSettings;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.SiteInfo;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TimeValue;
import io.kelvin.testkit.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PV inverter on a real Modbus TCP server on loopback goes silent for longer than the stale limit
 * (3 poll intervals): the site totals derived from it must not stay GOOD with a frozen time, and the
 * stored history (rrd4j, through the journaled StoreWriter, as the app wires it) must keep the gap.
 */
class SiteTotalsOutageTest {

    private static final PointId INVERTER_KW = PointId.of("pv-1", "p_kw");
    /** Longer than the stale limit of 3 x 1 s, so the last value goes STALE before the poll fails. */
    private static final CollectorSettings SLOW_TIMEOUT = new CollectorSettings(
            Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(500));

    @TempDir
    Path dir;

    private final LatestValues latest = new LatestValues();

    @Test
    void totalsOfASilentInverterGoStaleThenCommFailedAndTheStoredHistoryKeepsTheGap() throws Exception {
        int port = FreePorts.loopback();
        Site site = new Site(new SiteInfo("test", "Test", ZoneId.of("UTC"), 0, 0),
                new GridConnection(1000, false, Optional.empty(), Optional.empty()),
                List.of(new Meter("PV", MeterRole.PV, Optional.empty(), INVERTER_KW)),
                List.of(modbusDevice("pv-1", List.of(modbusPoint("p_kw",
                        register(RegisterType.HOLDING, 0, DataType.UINT16, WordOrder.ABCD), new ValueRange(0, 1000),
                        PollClass.FAST)), port, 1)),
                new Cluster(1, 0.1, 0.5), Path.of("."));
        Clock clock = Clock.systemUTC();
        List<Sample> totals = new CopyOnWriteArrayList<>();
        ScheduledExecutorService kpiLoop = Executors.newSingleThreadScheduledExecutor();
        try (RawModbusServer inverter = RawModbusServer.start(port, 1);
                RrdTelemetryStore store = RrdTelemetryStore.open(dir.resolve("rrd"))) {
            StoreWriter writer = StoreWriter.withJournal(store,
                    StoreWriterSettings.DEFAULTS.withFlushInterval(Duration.ofMillis(200)), clock, dir.resolve("journal"));
            SampleSink sink = samples -> {
                latest.acceptAll(samples);
                writer.accept(samples);
            };
            inverter.setWords(1, 0, new int[] {120});
            try (Collectors collectors = Collectors.start(site, sink, clock, SLOW_TIMEOUT)) {
                // the app derives the totals once a second; four times a second here, to see each quality
                kpiLoop.scheduleAtFixedRate(() -> {
                    List<Sample> derived = SiteKpis.derive(site, latest.snapshot(), clock.instant());
                    totals.addAll(derived);
                    sink.accept(derived);
                }, 0, 250, TimeUnit.MILLISECONDS);
                await().atMost(Duration.ofSeconds(10)).until(() -> pv().map(s -> s.quality() == Quality.GOOD
                        && s.value() == 120).orElse(false));
                Thread.sleep(4_000);

                Instant silent = clock.instant();
                inverter.answer(1, RawModbusServer.Answer.SILENT);
                // within the 5 s timeout the inverter's last value is still GOOD but too old: the total is STALE
                await().atMost(Duration.ofSeconds(6)).until(() -> pv().map(Sample::quality).orElse(null) == Quality.STALE);
                Sample stale = totals.stream().filter(s -> s.point().equals(SiteKpis.PV_KW)
                        && s.quality() == Quality.STALE).findFirst().orElseThrow();
                assertThat(stale.value()).isEqualTo(120);
                assertThat(stale.sourceTime()).isAfter(silent.plusSeconds(2));
                // once the poll times out the inverter is COMM_FAILED, and so is the total, with no value
                await().atMost(Duration.ofSeconds(6)).until(() -> pv().map(Sample::quality).orElse(null) == Quality.COMM_FAILED);
                Thread.sleep(5_000);
                Sample failed = pv().orElseThrow();
                assertThat(failed.quality()).isEqualTo(Quality.COMM_FAILED);
                assertThat(failed.value()).isNaN();
                assertThat(failed.sourceTime()).as("published every round, never frozen").isAfter(clock.instant().minusSeconds(1));

                inverter.setWords(1, 0, new int[] {80});
                inverter.answer(1, RawModbusServer.Answer.CORRECT);
                Instant answering = clock.instant();
                await().atMost(Duration.ofSeconds(15)).until(() -> pv().map(s -> s.quality() == Quality.GOOD
                        && s.value() == 80).orElse(false));
                Instant recovered = totals.stream()
                        .filter(s -> s.point().equals(SiteKpis.PV_KW) && s.quality() == Quality.GOOD && s.value() == 80)
                        .map(Sample::sourceTime).findFirst().orElseThrow();
                Thread.sleep(3_000);
                kpiLoop.shutdownNow();
                kpiLoop.awaitTermination(2, TimeUnit.SECONDS);
                Instant end = clock.instant();

                assertThat(totals).filteredOn(s -> s.point().equals(SiteKpis.PV_KW))
                        .extracting(Sample::quality).contains(Quality.GOOD, Quality.STALE, Quality.COMM_FAILED);
                collectors.close();
                writer.close();
                store.flush();
                assertThat(writer.dropped()).isZero();

                Instant from = silent.minusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
                Instant to = end.truncatedTo(ChronoUnit.SECONDS);
                List<TimeValue> history = store.range(SiteKpis.PV_KW, from, to, Duration.ofSeconds(1), Aggregate.MEAN);
                List<StepMean> good = store.goodMeans(SiteKpis.PV_KW, from, to, Duration.ofSeconds(1));
                // before the outage: 120, GOOD
                assertThat(history.subList(0, 2)).extracting(TimeValue::value).containsOnly(120.0);
                // the seconds between the first failed poll and the inverter's return hold no value at all,
                // in particular not the first value after recovery (80) back-filled over the outage
                Instant gapFrom = totals.stream().filter(s -> s.point().equals(SiteKpis.PV_KW)
                        && s.quality() == Quality.COMM_FAILED).map(Sample::sourceTime).findFirst().orElseThrow()
                        .plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
                Instant gapTo = answering.truncatedTo(ChronoUnit.SECONDS);
                assertThat(history).filteredOn(v -> !v.time().isBefore(gapFrom) && v.time().isBefore(gapTo))
                        .hasSizeGreaterThanOrEqualTo(4)
                        .allSatisfy(v -> assertThat(v.value()).isNaN());
                // a STALE or COMM_FAILED total is never a GOOD value: no GOOD data from the first stale second on
                Instant staleFrom = stale.sourceTime().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
                assertThat(good).filteredOn(m -> !m.time().isBefore(staleFrom) && m.time().isBefore(gapTo))
                        .isNotEmpty()
                        .allSatisfy(m -> assertThat(m.isGap()).isTrue());
                // nothing holds 80 before the inverter answered again; after it, 80 is stored as GOOD
                assertThat(history).filteredOn(v -> v.time().isBefore(gapTo)).extracting(TimeValue::value)
                        .doesNotContain(80.0);
                Instant after = recovered.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
                assertThat(good).filteredOn(m -> !m.time().isBefore(after) && m.time().isBefore(to.minusSeconds(1)))
                        .isNotEmpty().allSatisfy(m -> assertThat(m.mean()).isEqualTo(80.0));
            }
        } finally {
            kpiLoop.shutdownNow();
        }
    }

    private Optional<Sample> pv() {
        return latest.get(SiteKpis.PV_KW);
    }
}
