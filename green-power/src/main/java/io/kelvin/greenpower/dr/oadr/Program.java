package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code program} as Kelvin reads it: its name (unique on the VTN), span, the payload
 * descriptors that are defaults for its events, attributes (e.g. BINDING_EVENTS) and targets.
 */
public record Program(ObjectMetadata meta, String programName, Optional<IntervalPeriod> intervalPeriod,
                      List<String> programDescriptionUrls, List<PayloadDescriptor> payloadDescriptors,
                      List<ValuesMap> attributes, List<String> targets) {

    public Program {
        programDescriptionUrls = List.copyOf(programDescriptionUrls);
        payloadDescriptors = List.copyOf(payloadDescriptors);
        attributes = List.copyOf(attributes);
        targets = List.copyOf(targets);
    }

    public String id() {
        return meta.id();
    }

    /** The program's default event payload descriptor for {@code payloadType}, if any. */
    public Optional<PayloadDescriptor.ForEvent> eventDescriptor(String payloadType) {
        return payloadDescriptors.stream().filter(PayloadDescriptor.ForEvent.class::isInstance)
                .map(PayloadDescriptor.ForEvent.class::cast).filter(d -> d.payloadType().equals(payloadType)).findFirst();
    }
}
