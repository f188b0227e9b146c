package io.kelvin.greenpower.dr.ven;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Where report values come from: a resource's metered grid import and its baseline, as mean kW over
 * {@code [from, to)} (UTC). Empty when the data is missing (the report then says MISSING). The app
 * backs it with the telemetry store and {@code baseline.Baselines}.
 */
public interface ReportSource {

    OptionalDouble demandKw(String resourceName, Instant from, Instant to);

    OptionalDouble baselineKw(String resourceName, String eventId, Instant from, Instant to);
}
