package io.kelvin.reports.metering;

import java.time.Instant;
import java.util.List;

/** One meter's data over a report period, able to measure any span inside it. */
interface MeterSeries {

    MeteringMethod method();

    /** The quantity over {@code [from, to)}, a span inside the period the series was read for. */
    Measured between(Instant from, Instant to);

    /** What the counter did over the whole period (empty for integrated series). */
    List<CounterEvent> events();
}
