package io.kelvin.reports;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import java.nio.file.Path;

/** The reference period in the embedded store (rrd4j files in a temp dir). */
class ReferencePeriodRrdTest extends ReferencePeriodContract {

    @Override
    protected TelemetryStore openStore(Path dir, Site site) {
        return RrdTelemetryStore.open(dir.resolve("rrd"));
    }
}
