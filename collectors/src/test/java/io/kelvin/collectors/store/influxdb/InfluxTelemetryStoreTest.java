package io.kelvin.collectors.store.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.collectors.store.TelemetryStoreContract;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.InfluxdServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfluxTelemetryStoreTest extends TelemetryStoreContract {

    static final Function<String, DeviceClass> CLASSES =
            Map.of("cdu-01", DeviceClass.CDU, "meter-01", DeviceClass.METER)::get;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    static InfluxdServer influxd;
    private String database;

    @BeforeAll
    static void startInfluxd() {
        influxd = InfluxdServer.startNew();
    }

    @AfterAll
    static void stopInfluxd() {
        influxd.close();
    }

    @Override
    protected void newStorage() {
        database = "contract_" + DATABASES.incrementAndGet();
    }

    @Override
    protected TelemetryStore open() {
        return InfluxTelemetryStore.connect(InfluxConnection.of(influxd.url(), database, "demo"), CLASSES);
    }

    @Test
    void rewritingAnOlderSampleOverwritesItToo() {
        store.write(everySecond(TEMP, 0, 10, i -> 1));
        store.write(List.of(Sample.good(TEMP, 5, BASE.plusSeconds(3))));

        assertThat(values(store.range(TEMP, BASE, BASE.plusSeconds(10), Duration.ofSeconds(10), Aggregate.MEAN)))
                .containsExactly(1.4);
    }

    @Test
    void aStoreOpenForReadingCreatesNoDatabaseAndRefusesWrites() {
        InfluxConnection missing = InfluxConnection.of(influxd.url(), "never_created_" + DATABASES.incrementAndGet(), "demo");
        try (InfluxTelemetryStore reader = InfluxTelemetryStore.connectForReading(missing, CLASSES)) {
            assertThatThrownBy(() -> reader.goodMeans(TEMP, BASE, BASE.plusSeconds(60), Duration.ofMinutes(1)))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(missing.database());
            assertThatThrownBy(() -> reader.write(List.of(Sample.good(TEMP, 1, BASE)))).isInstanceOf(IllegalStateException.class);
        }
        // a store that may write would find no database either: the reader created none
        try (InfluxTelemetryStore reader = InfluxTelemetryStore.connectForReading(missing, CLASSES)) {
            assertThatThrownBy(() -> reader.latest(TEMP)).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void aDeviceTheMappingDoesNotKnowIsStoredInTheSiteMeasurement() {
        PointId pue = PointId.of("site", "pue");
        store.write(List.of(Sample.good(pue, 1.25, BASE)));

        assertThat(LineProtocol.measurementOf("site", CLASSES)).isEqualTo("site");
        assertThat(store.latest(pue).orElseThrow().value()).isEqualTo(1.25);
    }

    @Test
    void valuesThatPrintInScientificNotationAndTheExtremesComeBackExactly() {
        // Double.toString writes 1.0E-5 and 1.2345678901E10; InfluxDB's line protocol parses both forms
        double[] values = {1.0E-5, 1.2345678901E10, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -273.15};
        for (int i = 0; i < values.length; i++) {
            store.write(List.of(Sample.good(POWER, values[i], BASE.plusSeconds(i))));
            assertThat(store.latest(POWER).orElseThrow().value()).as("value %s", values[i]).isEqualTo(values[i]);
        }
    }

    @Test
    void aStoppedInfluxdMakesWritesAndReadsThrowStoreUnavailable() {
        store.write(everySecond(TEMP, 0, 1, i -> 1));
        influxd.stop();
        try {
            assertThatThrownBy(() -> store.write(everySecond(TEMP, 1, 2, i -> 1)))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(influxd.url());
            assertThatThrownBy(() -> store.latest(TEMP)).isInstanceOf(StoreUnavailableException.class);
        } finally {
            influxd.start();
        }
        store.write(everySecond(TEMP, 1, 2, i -> 2));
        assertThat(store.latest(TEMP).orElseThrow().value()).isEqualTo(2.0);
    }
}
