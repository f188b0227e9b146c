package io.kelvin.reports.report;

import io.kelvin.core.site.Meter;
import io.kelvin.reports.metering.CounterEvent;
import io.kelvin.reports.metering.Measured;
import io.kelvin.reports.metering.MeteringMethod;
import java.util.List;
import java.util.Optional;

/**
 * One meter over the report period: how it was read ({@code source} is the counter or power point
 * used), what it measured (kWh, or litres for water) and what its counter did.
 */
public record MeterLine(Meter meter, MeteringMethod method, String source, Measured measured,
                        Optional<Measured> reverse, List<CounterEvent> events, Optional<String> fallbackReason) {

    public MeterLine {
        events = List.copyOf(events);
    }
}
