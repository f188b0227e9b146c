package io.kelvin.collectors.bench;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.pipeline.StoreWriter;
import io.kelvin.collectors.pipeline.StoreWriterSettings;
import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxProbe;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.InfluxdServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench collect}: many synthetic devices (Modbus and OPC UA, {@value BenchFarm#POINTS} FAST
 * points each) on loopback, collected through Collectors and a journaled StoreWriter into a real
 * influxd, then the raw ceilings alone. The simulated devices run in a JVM of their own
 * ({@link FarmProcess}, {@code --farm-heap} default 1g), so this JVM's CPU and heap figures are
 * Kelvin's alone; {@code --devices-in-process} runs them in this JVM instead, as before.
 *
 * <p>Args: {@code --devices N} (default 1000), {@code --seconds S} measured (default 60),
 * {@code --warmup W} (default 15), {@code --opcua-share F} of the devices (default 0.5),
 * {@code --batch B} samples per store write (default 10,000, what the app uses for InfluxDB),
 * {@code --writes W} store writes in flight at once (default 2; InfluxDB takes batches in any order).
 * The last line is {@code collect: N points/s, lost L, duplicated D, p99 age A s, ceiling ratio R},
 * where R = sustained points/s / min(j2mod ceiling, influxdb-java ceiling).
 */
public final class CollectBench {

    private CollectBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = intArg(args, "--devices", 1000);
        int seconds = intArg(args, "--seconds", 60);
        int warmup = intArg(args, "--warmup", 15);
        double opcuaShare = Double.parseDouble(arg(args, "--opcua-share", "0.5"));
        int opcua = (int) Math.round(devices * opcuaShare);
        Path work = Files.createTempDirectory("kelvin-bench-");
        System.out.printf(Locale.ROOT, "bench collect: %d devices (%d Modbus, %d OPC UA) x %d FAST points, %d s after %d s warm-up%n",
                devices, devices - opcua, opcua, BenchFarm.POINTS, seconds, warmup);
        boolean inProcess = List.of(args).contains("--devices-in-process");
        try (InfluxdServer influxd = InfluxdServer.startNew();
                Farm farm = inProcess ? BenchFarm.start(devices - opcua, opcua)
                        : FarmProcess.start(devices - opcua, opcua, arg(args, "--farm-heap", "1g"))) {
            System.out.println(inProcess ? "simulated devices in this JVM" : "simulated devices in a separate JVM");
            Result result = run(farm, influxd, work, seconds, warmup, intArg(args, "--batch", 10_000),
                    intArg(args, "--writes", 2));
            // the ceilings after the run, on a warm influxd, each alone
            double j2mod = farm.gatewayPorts().isEmpty() ? Double.POSITIVE_INFINITY
                    : Ceilings.j2modPointsPerSecond(farm.gatewayPorts(), Duration.ofSeconds(5));
            Ceilings.influxSamplesPerSecond(influxd.url(), 10_000, Duration.ofSeconds(1));
            double influx = Ceilings.influxSamplesPerSecond(influxd.url(), 10_000, Duration.ofSeconds(5));
            result.print(j2mod, influx);
        }
    }

    private static Result run(Farm farm, InfluxdServer influxd, Path work, int seconds, int warmup, int batch,
            int writes) throws Exception {
        BenchMeter meter = new BenchMeter();
        InfluxTelemetryStore influx = InfluxTelemetryStore.connect(InfluxConnection.of(influxd.url(), "kelvin", "bench"),
                device -> device.startsWith("mb-") ? DeviceClass.METER : DeviceClass.CDU);
        TelemetryStore store = meter.measuring(influx);
        StoreWriterSettings settings = new StoreWriterSettings(500_000, batch, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10)).withWritesInFlight(writes);
        StoreWriter writer = StoreWriter.withJournal(store, settings, Clock.systemUTC(), work.resolve("journal"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread heapWatch = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Collectors collectors = Collectors.start(farm.site(), meter.counting(writer), Clock.systemUTC())) {
            awaitAllUp(collectors, farm.site().devices().size());
            Thread.sleep(Duration.ofSeconds(warmup));
            long cpuStart = os.getProcessCpuTime();
            Duration influxdCpuStart = influxdCpu();
            Optional<Duration> farmCpuStart = farm.cpu();
            double loadStart = os.getSystemLoadAverage();
            meter.startWindow();
            Thread.sleep(Duration.ofSeconds(seconds));
            meter.endWindow();
            double cores = (os.getProcessCpuTime() - cpuStart) / 1e9 / meter.windowSeconds();
            double influxdCores = influxdCpu().minus(influxdCpuStart).toNanos() / 1e9 / meter.windowSeconds();
            System.out.printf(Locale.ROOT, "influxd %.2f cores; machine load average %.2f at the window's start, %.2f at its end%n",
                    influxdCores, loadStart, os.getSystemLoadAverage());
            farmCpuStart.ifPresent(start -> farm.cpu().ifPresent(end -> System.out.printf(Locale.ROOT,
                    "simulated devices (their own JVM) %.2f cores%n", end.minus(start).toNanos() / 1e9 / meter.windowSeconds())));
            long overruns = collectors.health().values().stream().mapToLong(h -> h.pollOverruns()).sum();
            System.out.printf(Locale.ROOT, "poll overruns (cycles skipped while a poll or the store queue held it up): %d; "
                    + "store writer made collectors wait %d times, %.1f s in all%n", overruns, writer.backPressured(),
                    writer.backPressureWait().toMillis() / 1000.0);
            String health = collectors.health().values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(h -> h.state().name(), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())).toString();
            collectors.close();
            long drainStart = System.nanoTime();
            while (writer.queued() > 0 && System.nanoTime() - drainStart < Duration.ofSeconds(120).toNanos()) {
                Thread.sleep(100);
            }
            long leftQueued = writer.queued();
            writer.close();
            heapWatch.interrupt();
            return new Result(meter, writer, influxd, cores, peakHeap.get(), health, farmCpuStart.isPresent(),
                    leftQueued);
        } finally {
            store.close();
        }
    }

    /**
     * Waits (at most 3 min) until every device is UP, so that session set-up, which costs the
     * simulated Milo servers a diagnostics node tree per session, stays out of the measured window.
     */
    private static void awaitAllUp(Collectors collectors, int devices) throws InterruptedException {
        long start = System.nanoTime();
        long up = 0;
        while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
            up = collectors.health().values().stream().filter(h -> h.state().name().equals("UP")).count();
            if (up == devices) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "%d of %d devices UP after %.1f s; warm-up starts%n", up, devices,
                (System.nanoTime() - start) / 1e9);
    }

    /** CPU time of the influxd this JVM started (a child process), zero when none is found. */
    private static Duration influxdCpu() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("influxd")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** What one collection run measured; printed with the ceilings measured after it. */
    private record Result(BenchMeter meter, StoreWriter writer, InfluxdServer influxd, double cores, long peakHeap,
            String health, boolean devicesApart, long leftQueued) {

        void print(double j2modCeiling, double influxCeiling) {
            long inStore = 0;
            for (String measurement : List.of("meter", "cdu")) {
                inStore += InfluxProbe.countAndSum(influxd.url(), "kelvin", measurement).values().stream()
                        .mapToLong(InfluxProbe.Stored::count).sum();
            }
            long distinct = meter.produced() - meter.repeats() - meter.withoutValue();
            long lost = Math.max(0, distinct - inStore);
            long duplicated = Math.max(0, inStore - distinct);
            double rate = meter.storedInWindow() / meter.windowSeconds();
            double ceiling = Math.min(j2modCeiling, influxCeiling);
            System.out.printf(Locale.ROOT, "produced %d samples (%d repeated a point's source time and overwrote, "
                    + "%d without a value, %d of them poll overrun markers), values in InfluxDB %d, writer dropped %d, "
                    + "spilled %d, replayed %d, still queued or in the journal after 120 s of draining %d%n",
                    meter.produced(), meter.repeats(), meter.withoutValue(), meter.overrunMarkers(),
                    inStore, writer.dropped(), writer.spilled(), writer.replayed(), leftQueued);
            System.out.printf(Locale.ROOT, "device health at the end of the window: %s%n", health);
            System.out.printf(Locale.ROOT, "sustained %.0f points/s end to end; sample age p50 %.2f s, p99 %.2f s%n",
                    rate, meter.ageQuantile(0.50), meter.ageQuantile(0.99));
            System.out.printf(Locale.ROOT, "CPU %.2f cores (this JVM, %s) of %d; peak heap %d MiB of %d MiB max%n",
                    cores, devicesApart ? "Kelvin alone" : "incl. simulated devices", Runtime.getRuntime().availableProcessors(), peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "ceilings alone: j2mod %.0f points/s (one master per gateway, 100-register reads), "
                    + "influxdb-java %.0f samples/s (batches of 10,000)%n", j2modCeiling, influxCeiling);
            System.out.printf(Locale.ROOT, "collect: %.0f points/s, lost %d, duplicated %d, p99 age %.2f s, ceiling ratio %.2f%n",
                    rate, lost, duplicated, meter.ageQuantile(0.99), rate / ceiling);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
