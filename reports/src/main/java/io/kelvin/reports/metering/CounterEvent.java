package io.kelvin.reports.metering;

import java.time.Instant;

/**
 * Something the counter did between two readings that the energy accounts for, disclosed in
 * reports. {@code at} is the end of the step whose reading showed it (or the replacement time);
 * readings are in the counter's unit.
 */
public record CounterEvent(Kind kind, Instant at, double before, double after) {

    public enum Kind {
        /** The register passed its rollover value and wrapped to 0; one wrap is counted. */
        ROLLOVER,
        /** The meter was replaced (site file): old final and new first readings bridge the swap. */
        REPLACEMENT,
        /**
         * The reading fell without a rollover value or replacement to explain it: the energy between
         * the two readings is unknown and disclosed as a gap.
         */
        UNEXPLAINED_FALL
    }
}
