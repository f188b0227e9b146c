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
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.ForwardingTelemetryStore;
import io.kelvin.testkit.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload slows acquisition, it never drops: a store that stops taking writes, behind a journaled
 * writer with a tiny queue, makes the Modbus poller wait; its skipped cycles are counted as overruns
 * and every sample it did collect reaches the store once the store moves again.
 */
class BackPressureTest {

    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(400));

    @TempDir
    Path dir;

    /** A real rrd4j store whose writes hang, after storing, until the gate opens. */
    private static final class GatedStore extends ForwardingTelemetryStore {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<Sample> taken = new CopyOnWriteArrayList<>();

        GatedStore(RrdTelemetryStore store) {
            super(store);
        }

        @Override
        protected void observe(Collection<Sample> samples) {
            taken.addAll(samples);
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aBlockedStoreWithATinyQueueSlowsThePollerDownCountsItsOverrunsAndLosesNoSample() throws Exception {
        int port = FreePorts.loopback();
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(new PointDef("p" + i, "kW", "", Optional.of(register(RegisterType.HOLDING, i, DataType.UINT16,
                    WordOrder.ABCD)), Optional.empty(), new ValueRange(0, 1000), Optional.empty(), PollClass.FAST,
                    Optional.of(Duration.ofMillis(100))));
        }
        List<Sample> collected = new CopyOnWriteArrayList<>();
        try (LoopbackSlave slave = LoopbackSlave.start(port, 1);
                RrdTelemetryStore rrd = RrdTelemetryStore.open(dir.resolve("rrd"))) {
            slave.setWords(1, RegisterType.HOLDING, 0, new int[] {1, 2, 3, 4, 5});
            GatedStore store = new GatedStore(rrd);
            // room for 8 samples: under two polls of the device
            StoreWriter writer = StoreWriter.withJournal(store, StoreWriterSettings.DEFAULTS.withCapacity(8)
                    .withMaxBatch(4).withFlushInterval(Duration.ofMillis(50)), Clock.systemUTC(), dir.resolve("journal"));
            try (Collectors collectors = Collectors.start(site(List.of(modbusDevice("meter", points, port, 1))),
                    samples -> {
                        collected.addAll(samples);
                        writer.accept(samples);
                    }, Clock.systemUTC(), QUICK)) {
                // the first write hangs: the queue fills and the poller has to wait on it
                await().atMost(Duration.ofSeconds(10)).until(() -> writer.backPressured() > 0);
                Thread.sleep(3_000);
                assertThat(writer.dropped()).isZero();
                assertThat(writer.health().message()).contains("collectors waited for a full queue");
                int beforeRelease = collected.size();

                store.gate.countDown();
                // the waiting poll returns and counts the cycles it skipped: at 100 ms a cycle, about 30
                await().atMost(Duration.ofSeconds(10)).until(() -> health(collectors).pollOverruns() >= 20);
                // and the poller runs on its grid again
                await().atMost(Duration.ofSeconds(10)).until(() -> collected.size() >= beforeRelease + 5 * 10);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.queued() == 0);
            writer.close();

            assertThat(writer.dropped()).isZero();
            assertThat(collected).hasSizeGreaterThanOrEqualTo(5 * 12);
            // every collected sample reached the store, each once
            assertThat(store.taken).hasSameSizeAs(collected);
            Set<String> keys = new HashSet<>();
            store.taken.forEach(s -> keys.add(s.point() + "@" + s.sourceTime()));
            Set<String> expected = new HashSet<>();
            collected.forEach(s -> expected.add(s.point() + "@" + s.sourceTime()));
            assertThat(keys).isEqualTo(expected);
        }
    }

    private static DeviceHealth health(Collectors collectors) {
        return collectors.health().get("meter");
    }
}
