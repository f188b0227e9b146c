package io.kelvin.collectors.bench;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The raw ceilings on this machine, each measured alone: j2mod reads and influxdb-java writes. */
final class Ceilings {

    private Ceilings() {
    }

    /**
     * Points/s read by one j2mod master per gateway, in parallel, each reading 100 input registers
     * (one device, {@link BenchFarm#POINTS} float32 points) from unit 1 in a tight loop.
     */
    static double j2modPointsPerSecond(List<Integer> gatewayPorts, Duration period) throws InterruptedException {
        AtomicLong reads = new AtomicLong();
        long deadline = System.nanoTime() + period.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int port : gatewayPorts) {
            threads.add(Thread.ofPlatform().start(() -> {
                ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", port, 2_000, true);
                try {
                    master.connect();
                    while (System.nanoTime() < deadline) {
                        master.readInputRegisters(1, 0, 2 * BenchFarm.POINTS);
                        reads.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("j2mod ceiling read failed on port " + port, e);
                } finally {
                    master.disconnect();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return reads.get() * BenchFarm.POINTS / (period.toNanos() / 1e9);
    }

    /** Samples/s written through influxdb-java (InfluxTelemetryStore) in batches of {@code batch}, one thread. */
    static double influxSamplesPerSecond(String url, int batch, Duration period) {
        try (InfluxTelemetryStore store = InfluxTelemetryStore.connect(InfluxConnection.of(url, "ceiling", "bench"),
                device -> DeviceClass.METER)) {
            long written = 0;
            long start = System.nanoTime();
            long t = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
            while (System.nanoTime() - start < period.toNanos()) {
                List<Sample> samples = new ArrayList<>(batch);
                // the same shape as collection: 50 points per device share a timestamp
                for (int i = 0; i < batch; i++) {
                    int device = i / BenchFarm.POINTS;
                    Instant at = Instant.ofEpochMilli(t);
                    samples.add(Sample.good(PointId.of(String.format("d-%04d", device), BenchFarm.point(i % BenchFarm.POINTS)), i, at));
                }
                t += 1000;
                store.write(samples);
                written += batch;
            }
            return written / ((System.nanoTime() - start) / 1e9);
        }
    }
}
