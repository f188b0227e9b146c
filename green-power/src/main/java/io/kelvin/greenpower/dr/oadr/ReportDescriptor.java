package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code reportDescriptor}: a report an event asks the VEN for. Defaults as in the schema:
 * aggregate false, startInterval -1 (report at the end of the last interval), numIntervals -1 (all),
 * historical true, frequency -1 (same as numIntervals), repeat 1, reportIntervals INTERVALS.
 */
public record ReportDescriptor(String payloadType, Optional<String> readingType, Optional<String> units,
                               List<String> targets, boolean aggregate, int startInterval, int numIntervals,
                               boolean historical, int frequency, int repeat, ReportIntervals reportIntervals) {

    public enum ReportIntervals { INTERVALS, SUB_INTERVALS, OPEN_INTERVALS }

    public ReportDescriptor {
        targets = List.copyOf(targets);
    }

    /** A descriptor with every default, for {@code payloadType}. */
    public static ReportDescriptor of(String payloadType) {
        return new ReportDescriptor(payloadType, Optional.empty(), Optional.empty(), List.of(), false, -1, -1, true,
                -1, 1, ReportIntervals.INTERVALS);
    }
}
