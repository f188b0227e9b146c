package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code report} (and {@code reportRequest} when {@code meta} is empty): a VEN's data for
 * one event, per resource (or one {@code AGGREGATED_REPORT} resource), interval by interval.
 */
public record Report(Optional<ObjectMetadata> meta, Optional<String> clientId, String eventId,
                     String clientName, Optional<String> reportName, List<PayloadDescriptor.ForReport> payloadDescriptors,
                     List<ResourceData> resources) {

    /** The resource name that marks data summed over several resources (OpenADR ResourceName enumeration). */
    public static final String AGGREGATED_REPORT = "AGGREGATED_REPORT";

    public Report {
        payloadDescriptors = List.copyOf(payloadDescriptors);
        resources = List.copyOf(resources);
    }

    /** One resource's intervals; {@code intervalPeriod} is their default period. */
    public record ResourceData(String resourceName, Optional<IntervalPeriod> intervalPeriod, List<Interval> intervals) {

        public ResourceData {
            intervals = List.copyOf(intervals);
        }
    }
}
