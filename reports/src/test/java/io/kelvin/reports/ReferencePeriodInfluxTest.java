package io.kelvin.reports;

import io.kelvin.collectors.store.influxdb.InfluxConnection;
import io.kelvin.collectors.store.influxdb.InfluxTelemetryStore;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.InfluxdServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/** The reference period in a real InfluxDB 1.x (Debian's influxd on a free loopback port). */
class ReferencePeriodInfluxTest extends ReferencePeriodContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private InfluxdServer influxd;

    @AfterAll
    void stopInfluxd() {
        influxd.close();
    }

    @Override
    protected TelemetryStore openStore(Path dir, Site site) {
        influxd = InfluxdServer.startNew();
        return InfluxTelemetryStore.connect(
                InfluxConnection.of(influxd.url(), "reference_" + DATABASES.incrementAndGet(), site.info().id()),
                id -> site.device(id).map(Device::deviceClass).orElse(null));
    }
}
