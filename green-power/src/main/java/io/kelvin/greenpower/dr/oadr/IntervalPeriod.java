package io.kelvin.greenpower.dr.oadr;

import java.time.Instant;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code intervalPeriod}: a start (RFC 3339 date-time), a duration and the range of a
 * randomised start. A start of "0001-01-01" (the beginning of time) means "now" at event level and
 * "follow the previous interval" at interval level (User Guide 7.3): it is kept as {@link #BEGINNING}.
 */
public record IntervalPeriod(Optional<Instant> start, Optional<OadrDuration> duration,
                             Optional<OadrDuration> randomizeStart) {

    /** "0001-01-01T00:00:00Z", the spec's "beginning of time". */
    public static final Instant BEGINNING = Instant.parse("0001-01-01T00:00:00Z");

    public static IntervalPeriod of(Instant start, OadrDuration duration) {
        return new IntervalPeriod(Optional.of(start), Optional.of(duration), Optional.empty());
    }

    /** True when the start is given and is the spec's "beginning of time". */
    public boolean startsAtBeginning() {
        return start.filter(BEGINNING::equals).isPresent();
    }

    /** An absolute start: given and not the "beginning of time". */
    public Optional<Instant> absoluteStart() {
        return start.filter(s -> !BEGINNING.equals(s));
    }
}
