package io.kelvin.core.forecast;

import io.kelvin.core.series.Measure;
import io.kelvin.core.series.TimeSeries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the IT power that jobs Kelvin scheduled drew in the past, so the load forecast can take it out of
 * the metered IT load and forecast only the part Kelvin does not control. The app, which runs the plans,
 * implements it (e.g. from executed plans and job power). A {@link Measure#POWER} series in kW over
 * {@code [from, to)}; time it does not cover is unknown, and nothing is subtracted there.
 */
@FunctionalInterface
public interface ScheduledLoadHistory {

    TimeSeries drawnKw(Instant from, Instant to);

    /** No knowledge of scheduled jobs: the whole metered IT load counts as unscheduled. */
    static ScheduledLoadHistory unknown() {
        return (from, to) -> new TimeSeries("scheduled-it-kw", Measure.POWER, Optional.empty(), List.of());
    }
}
