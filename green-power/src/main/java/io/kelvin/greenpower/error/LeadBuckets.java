package io.kelvin.greenpower.error;

import java.time.Duration;
import java.util.List;

/** Forecast lead times grouped for error statistics: under 1 h, 1-3 h, 3-6 h, 6-12 h, 12-24 h, 24 h and more. */
public final class LeadBuckets {

    private static final double[] UPPER_HOURS = {1, 3, 6, 12, 24, Double.POSITIVE_INFINITY};
    public static final List<String> LABELS = List.of("0-1 h", "1-3 h", "3-6 h", "6-12 h", "12-24 h", "24-48 h");

    private LeadBuckets() {
    }

    public static int count() {
        return UPPER_HOURS.length;
    }

    /** The bucket of a lead measured from the issue time to the middle of the forecast slot. */
    public static int of(double leadHours) {
        for (int b = 0; b < UPPER_HOURS.length; b++) {
            if (leadHours < UPPER_HOURS[b]) {
                return b;
            }
        }
        return UPPER_HOURS.length - 1;
    }

    /** The lead in hours from an issue to the middle of the slot {@code l} slots later. */
    public static double leadHours(int l, Duration step) {
        return (l + 0.5) * step.toMillis() / 3_600_000.0;
    }
}
