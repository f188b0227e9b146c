package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code event} as Kelvin reads it. The event's {@code intervalPeriod} is the default for
 * its intervals; {@code duration} may loop the intervals (longer than their sum, "P9999Y" for ever) or
 * cut them short (User Guide 7.3). {@code priority}: lower is more important.
 */
public record Event(ObjectMetadata meta, String programId, Optional<String> eventName, Optional<OadrDuration> duration,
                    Optional<Integer> priority, List<String> targets, List<ReportDescriptor> reportDescriptors,
                    List<PayloadDescriptor.ForEvent> payloadDescriptors, Optional<IntervalPeriod> intervalPeriod,
                    List<Interval> intervals) {

    public Event {
        targets = List.copyOf(targets);
        reportDescriptors = List.copyOf(reportDescriptors);
        payloadDescriptors = List.copyOf(payloadDescriptors);
        intervals = List.copyOf(intervals);
    }

    public String id() {
        return meta.id();
    }

    public Optional<PayloadDescriptor.ForEvent> descriptor(String payloadType) {
        return payloadDescriptors.stream().filter(d -> d.payloadType().equals(payloadType)).findFirst();
    }
}
