package io.kelvin.greenpower.dr;

import io.kelvin.greenpower.dr.oadr.ValuesMap;
import java.time.Instant;
import java.util.List;

/**
 * One interval of an event placed in absolute time, {@code [start, end)} in UTC with any randomised
 * start applied. {@code id} is the event's interval id (reports refer to it); {@code loop} counts the
 * repetitions of a looping event (0 for the first pass).
 */
public record TimedInterval(int id, int loop, Instant start, Instant end, List<ValuesMap> payloads) {

    public TimedInterval {
        payloads = List.copyOf(payloads);
    }
}
