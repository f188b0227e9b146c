package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.telemetry.TimeValue;
import java.time.LocalDate;
import java.util.List;

/**
 * A baseline over an event window: what the site would have drawn without the event, one mean kW per
 * step ({@code values}, step start times in UTC), with how it was found: the method, the site-local
 * days it averaged, the day-of adjustment it applied (a ratio for CAISO, kW added for PJM, 0 for meter
 * before/after) and notes (fewer eligible days than the method wants, a capped adjustment).
 */
public record Baseline(String method, List<TimeValue> values, List<LocalDate> days, double adjustment,
                       List<String> notes) {

    public Baseline {
        values = List.copyOf(values);
        days = List.copyOf(days);
        notes = List.copyOf(notes);
    }

    /** Mean of the baseline over the steps, kW (NaN when empty). */
    public double meanKw() {
        return values.stream().mapToDouble(TimeValue::value).average().orElse(Double.NaN);
    }
}
