package io.kelvin.reports;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * March 2026 at the reference site (Asia/Shanghai), one GOOD sample every 2 minutes (within the
 * embedded store's 120 s heartbeat, so the data has no gaps but the ones made on purpose): IT load swinging
 * 600-1000 kW over the day, cooling following it, PV in daylight, the grid supplying the rest, all
 * counters integrating their power minute by minute. The grid meter is replaced on 2 March at 03:00
 * as the site file records (old final 55000, new first 10). PV is silent all of 10 March; the grid
 * register is silent 20 March 06:00-12:00 (the register keeps counting).
 */
final class MonthData {

    static final Instant FROM = Instant.parse("2026-02-28T16:00:00Z");
    static final Instant TO = Instant.parse("2026-03-31T16:00:00Z");
    private static final int MINUTES = (int) Duration.between(FROM, TO).toMinutes();
    private static final int DAY = 24 * 60;

    private MonthData() {
    }

    static double itKw(int minute) {
        double hour = (minute % DAY) / 60.0;
        return 800 + 200 * Math.sin(2 * Math.PI * (hour - 9) / 24);
    }

    static double pvKw(int minute) {
        double hour = (minute % DAY) / 60.0;
        return hour < 6 || hour > 18 ? 0 : 300 * Math.sin(Math.PI * (hour - 6) / 12);
    }

    static double coolingKw(int minute) {
        return 60 + 0.12 * itKw(minute);
    }

    static double gridKw(int minute) {
        return itKw(minute) + coolingKw(minute) + 45 - pvKw(minute);
    }

    /** The grid meter's replacement (reference.yaml): minute of the swap, old final and new first readings. */
    private static final int SWAP_MINUTE = DAY + 3 * 60;

    static void write(TelemetryStore store) {
        double oldStart = 55_000;
        for (int m = -10; m < SWAP_MINUTE; m++) {
            oldStart -= gridKw(Math.floorMod(m, DAY)) / 60;
        }
        writeCounter(store, PointId.of("grid", "energy_kwh"), oldStart, MonthData::gridKw,
                m -> m < 19 * DAY + 6 * 60 || m >= 19 * DAY + 12 * 60, SWAP_MINUTE, 10);
        writeCounter(store, PointId.of("it", "energy_kwh"), 40_000, MonthData::itKw, m -> true, Integer.MAX_VALUE, 0);
        writePower(store, PointId.of("pv", "power_kw"), MonthData::pvKw, m -> m < 9 * DAY || m >= 10 * DAY);
        writePower(store, PointId.of("cool", "power_kw"), MonthData::coolingKw, m -> true);
        writePower(store, PointId.of("conv", "power_kw"), m -> itKw(m) * 1.03, m -> true);
        writePower(store, PointId.of("heat", "power_kw"), m -> 0.3 * itKw(m), m -> true);
        writePower(store, PointId.of("water", "flow_lpm"), m -> 15 + 0.01 * coolingKw(m), m -> true);
    }

    /**
     * A register read at each minute's last second, having integrated the power minute by minute; at
     * {@code swapMinute} a new meter starts from {@code newFirst}.
     */
    private static void writeCounter(TelemetryStore store, PointId point, double start,
            java.util.function.IntToDoubleFunction kw, java.util.function.IntPredicate present, int swapMinute,
            double newFirst) {
        List<Sample> batch = new ArrayList<>();
        double reading = start;
        for (int m = -10; m < MINUTES + 10; m++) {
            if (m == swapMinute) {
                reading = newFirst;
            }
            reading += kw.applyAsDouble(Math.floorMod(m, DAY)) / 60;
            if (present.test(m) && Math.floorMod(m, 2) == 1) {
                batch.add(Sample.good(point, reading, FROM.plusSeconds(60L * m + 59)));
            }
            batch = flushIfFull(store, batch);
        }
        store.write(batch);
    }

    private static void writePower(TelemetryStore store, PointId point, java.util.function.IntToDoubleFunction kw,
            java.util.function.IntPredicate present) {
        List<Sample> batch = new ArrayList<>();
        for (int m = -10; m < MINUTES + 10; m++) {
            if (present.test(m) && Math.floorMod(m, 2) == 1) {
                batch.add(Sample.good(point, kw.applyAsDouble(Math.floorMod(m, DAY)), FROM.plusSeconds(60L * m + 59)));
            }
            batch = flushIfFull(store, batch);
        }
        store.write(batch);
    }

    private static List<Sample> flushIfFull(TelemetryStore store, List<Sample> batch) {
        if (batch.size() < 5000) {
            return batch;
        }
        store.write(batch);
        return new ArrayList<>();
    }
}
