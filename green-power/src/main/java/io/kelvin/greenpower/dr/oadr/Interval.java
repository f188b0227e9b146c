package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code interval}: a client-chosen id (not a sequence number), an optional period that
 * overrides the event's default, and its payloads.
 */
public record Interval(int id, Optional<IntervalPeriod> intervalPeriod, List<ValuesMap> payloads) {

    public Interval {
        payloads = List.copyOf(payloads);
    }

    public Optional<ValuesMap> payload(String type) {
        return payloads.stream().filter(p -> p.type().equals(type)).findFirst();
    }
}
