package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/** Reads reports, report descriptors and report payload descriptors (OpenADR 3.1 schemas). */
final class ReportReader {

    private ReportReader() {
    }

    static Report report(JsonCursor c) {
        Optional<ObjectMetadata> meta = ObjectReader.optionalMetadata(c);
        Optional<String> clientId = c.text("clientID", 1, 128);
        String eventId = c.requiredObjectId("eventID");
        String clientName = c.requiredText("clientName", 1, 128);
        Optional<String> name = c.text("reportName", 0, Integer.MAX_VALUE);
        List<PayloadDescriptor.ForReport> descriptors = c.objects("payloadDescriptors", ReportReader::reportDescriptor);
        c.required("resources");
        List<Report.ResourceData> resources = c.objects("resources", r -> {
            String resourceName = r.requiredText("resourceName", 1, 128);
            Optional<IntervalPeriod> period = r.object("intervalPeriod").map(ObjectReader::intervalPeriod);
            r.required("intervals");
            return new Report.ResourceData(resourceName, period,
                    r.objects("intervals", i -> ObjectReader.interval(i, PayloadRules.REPORT)));
        });
        return new Report(meta, clientId, eventId, clientName, name, descriptors, resources);
    }

    static PayloadDescriptor.ForReport reportDescriptor(JsonCursor c) {
        c.required("objectType");
        c.text("objectType", 0, 64).filter(t -> !t.equals("REPORT_PAYLOAD_DESCRIPTOR"))
                .ifPresent(t -> c.problem("objectType", "unknown value '" + t + "' (expected REPORT_PAYLOAD_DESCRIPTOR)"));
        String type = c.requiredText("payloadType", 1, 128);
        Optional<String> readingType = c.text("readingType", 1, 128);
        Optional<String> units = c.text("units", 1, 128);
        Optional<Double> accuracy = c.number("accuracy");
        Optional<Integer> confidence = c.integer("confidence", 0, 100).map(Long::intValue);
        return new PayloadDescriptor.ForReport(type, readingType, units, accuracy, confidence);
    }

    /** An event's {@code reportDescriptor}, defaults filled in as the schema gives them. */
    static ReportDescriptor reportRequest(JsonCursor c) {
        String type = c.requiredText("payloadType", 1, 128);
        Optional<String> readingType = c.text("readingType", 1, 128);
        Optional<String> units = c.text("units", 1, 128);
        List<String> targets = c.texts("targets", 128);
        boolean aggregate = c.bool("aggregate", false);
        int start = c.integer("startInterval", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(-1L).intValue();
        int count = c.integer("numIntervals", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(-1L).intValue();
        boolean historical = c.bool("historical", true);
        int frequency = c.integer("frequency", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(-1L).intValue();
        int repeat = c.integer("repeat", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(1L).intValue();
        ReportDescriptor.ReportIntervals intervals = c.enumValue("reportIntervals", ReportDescriptor.ReportIntervals.class)
                .orElse(ReportDescriptor.ReportIntervals.INTERVALS);
        return new ReportDescriptor(type, readingType, units, targets, aggregate, start, count, historical, frequency,
                repeat, intervals);
    }
}
