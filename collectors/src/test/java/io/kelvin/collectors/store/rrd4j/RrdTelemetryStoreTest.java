package io.kelvin.collectors.store.rrd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.collectors.store.TelemetryStoreContract;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.StepMean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RrdTelemetryStoreTest extends TelemetryStoreContract {

    @TempDir
    Path root;
    private Path dataDir;
    private int storages;

    @Override
    protected void newStorage() {
        dataDir = root.resolve("rrd-" + storages++);
    }

    @Override
    protected TelemetryStore open() {
        return RrdTelemetryStore.open(dataDir);
    }

    private RrdTelemetryStore rrd() {
        return (RrdTelemetryStore) store;
    }

    @Test
    void samplesAtOrBeforeTheLastCommittedSecondAreDroppedAndCounted() {
        store.write(everySecond(TEMP, 0, 10, i -> 1));

        // seconds 0..8 are committed (9 is held back): 3 and 8 cannot be stored any more
        store.write(List.of(Sample.good(TEMP, 99, BASE.plusSeconds(3)), Sample.good(TEMP, 99, BASE.plusSeconds(8))));

        assertThat(rrd().droppedOutOfOrder()).isEqualTo(2);
        assertThat(values(store.range(TEMP, BASE, BASE.plusSeconds(10), Duration.ofSeconds(10), Aggregate.MAX)))
                .containsExactly(1.0);
    }

    @Test
    void aSampleBetweenTheCommittedAndTheHeldBackSecondIsStillStored() {
        store.write(everySecond(TEMP, 0, 5, i -> 1));
        store.write(List.of(Sample.good(TEMP, 7, BASE.plusSeconds(9))));
        store.write(List.of(Sample.good(TEMP, 6, BASE.plusSeconds(6))));
        rrd().flush();

        assertThat(rrd().droppedOutOfOrder()).isZero();
        // GAUGE semantics: 6 holds back over seconds 5..6, 7 over seconds 7..9
        assertThat(values(store.range(TEMP, BASE.plusSeconds(6), BASE.plusSeconds(10), Duration.ofSeconds(1), Aggregate.MEAN)))
                .containsExactly(6.0, 7.0, 7.0, 7.0);
    }

    @Test
    void flushCommitsTheHeldBackSecondSoItCanNoLongerBeRewritten() {
        store.write(everySecond(TEMP, 0, 3, i -> 1));
        rrd().flush();

        store.write(List.of(Sample.good(TEMP, 5, BASE.plusSeconds(2))));

        assertThat(rrd().droppedOutOfOrder()).isEqualTo(1);
        assertThat(store.latest(TEMP).orElseThrow().value()).isEqualTo(1.0);
    }

    @Test
    void eachPointHasItsOwnFileNamedAfterDeviceAndPoint() {
        store.write(everySecond(TEMP, 0, 2, i -> 1));
        rrd().flush();

        assertThat(dataDir.resolve("cdu-01").resolve("supply_temp_c.rrd")).isRegularFile();
        assertThat(Files.exists(dataDir.resolve("meter-01"))).isFalse();
    }

    @Test
    void aGapShorterThanTheHeartbeatIsFilledWithTheNextValue() {
        // RRD GAUGE semantics: the value of second 90 holds back to the previous sample at second 0
        store.write(List.of(Sample.good(TEMP, 1, BASE), Sample.good(TEMP, 3, BASE.plusSeconds(90)),
                Sample.good(TEMP, 3, BASE.plusSeconds(91))));

        assertThat(values(store.range(TEMP, BASE, BASE.plusSeconds(90), Duration.ofSeconds(30), Aggregate.MEAN)))
                .containsExactly((1 + 29 * 3) / 30.0, 3.0, 3.0);
    }

    @Test
    void aQueryReachingPastTheFineTiersStillReadsItsRecentPartAtFullDetail() {
        // 5 minutes of data: too little to fill half a 15-min row, so the coarse tiers alone would show nothing
        store.write(everySecond(POWER, 0, 300, i -> 100));
        rrd().flush();

        Instant from = BASE.minus(Duration.ofDays(30));
        List<StepMean> steps = store.goodMeans(POWER, from, BASE.plus(Duration.ofDays(1)), Duration.ofMinutes(15));

        // the step holding the 5 minutes: 100 kW over exactly them, nothing else in the month
        assertThat(steps.stream().filter(t -> !t.isGap()).toList()).singleElement().satisfies(t -> {
            assertThat(t.mean()).isEqualTo(100.0);
            assertThat(t.covered()).isEqualTo(Duration.ofMinutes(5));
        });
        assertThat(store.energy(POWER, from, BASE.plus(Duration.ofDays(1))).kwh()).isCloseTo(100.0 * 5 / 60, within(1e-9));
    }
}
