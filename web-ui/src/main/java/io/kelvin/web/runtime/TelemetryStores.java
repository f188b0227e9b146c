package io.kelvin.web.runtime;

import io.kelvin.collectors.pipeline.StoreWriterSettings;
import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import java.nio.file.Path;

/** Opens the telemetry store the settings name: rrd4j under {@code DATA_DIR/rrd}, or InfluxDB 1.x. */
final class TelemetryStores {

    private TelemetryStores() {
    }

    static TelemetryStore open(KelvinSettings.Store settings, Path dataDir, Site site) {
        return switch (settings.type()) {
            case RRD4J -> RrdTelemetryStore.open(dataDir.resolve("rrd"));
            case INFLUXDB -> InfluxTelemetryStore.connect(connection(settings.influx(), site),
                    deviceId -> site.device(deviceId).map(Device::deviceClass).orElse(null));
        };
    }

    /**
     * How the store writer feeds this store: rrd4j must get batches in order (one write at a time);
     * InfluxDB takes overlapping writes (2 in flight) and overwrites a sample written twice, and
     * spends less CPU per sample in batches of 10,000 than of 5,000 (BENCHMARKS.md, collection).
     */
    static StoreWriterSettings writerSettings(KelvinSettings.Store settings) {
        return switch (settings.type()) {
            case RRD4J -> StoreWriterSettings.DEFAULTS;
            case INFLUXDB -> StoreWriterSettings.DEFAULTS.withWritesInFlight(2).withMaxBatch(10_000);
        };
    }

    /** The record checks that user and password come together. */
    private static InfluxConnection connection(KelvinSettings.Influx influx, Site site) {
        return new InfluxConnection(influx.url(), influx.database(), site.info().id(), influx.user(), influx.password());
    }
}
