package io.kelvin.greenpower.dr.oadr;

import java.util.Optional;

/**
 * OpenADR 3.1 payload descriptors: context for payload values. An event's ({@code objectType:
 * EVENT_PAYLOAD_DESCRIPTOR}) gives units and currency; a report's ({@code REPORT_PAYLOAD_DESCRIPTOR})
 * gives reading type, units, accuracy and confidence (0..100).
 */
public sealed interface PayloadDescriptor permits PayloadDescriptor.ForEvent, PayloadDescriptor.ForReport {

    String payloadType();

    Optional<String> units();

    record ForEvent(String payloadType, Optional<String> units, Optional<String> currency) implements PayloadDescriptor {
    }

    record ForReport(String payloadType, Optional<String> readingType, Optional<String> units,
                     Optional<Double> accuracy, Optional<Integer> confidence) implements PayloadDescriptor {
    }
}
