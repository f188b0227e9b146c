package io.kelvin.greenpower.dr.oadr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads programs, events and their parts (metadata, interval periods, intervals, valuesMaps) against
 * the OpenADR 3.1 schema; the entry points are in {@link OadrReader}.
 */
final class ObjectReader {

    private ObjectReader() {
    }

    static ObjectMetadata metadata(JsonCursor c) {
        String id = c.requiredObjectId("id");
        c.required("createdDateTime");
        c.required("modificationDateTime");
        c.required("objectType");
        var created = c.dateTime("createdDateTime");
        var modified = c.dateTime("modificationDateTime");
        var type = c.enumValue("objectType", ObjectType.class);
        return new ObjectMetadata(id, created.orElse(IntervalPeriod.BEGINNING),
                modified.or(() -> created).orElse(IntervalPeriod.BEGINNING), type.orElse(ObjectType.EVENT));
    }

    static Optional<ObjectMetadata> optionalMetadata(JsonCursor c) {
        return c.has("id") || c.has("createdDateTime") ? Optional.of(metadata(c)) : Optional.empty();
    }

    /**
     * Metadata of a ven or resource. The 3.1 document composes {@code ven} from {@code objectMetadata}
     * (objectType VEN) and {@code BlVenRequest} (objectType BL_VEN_REQUEST), so VTNs answer with either;
     * both are accepted, as are the VEN_*_REQUEST discriminators ({@code resource} likewise).
     */
    static Optional<ObjectMetadata> venObjectMetadata(JsonCursor c, ObjectType type) {
        if (!c.has("id") && !c.has("createdDateTime")) {
            return Optional.empty();
        }
        String id = c.requiredObjectId("id");
        c.required("createdDateTime");
        c.required("modificationDateTime");
        var created = c.dateTime("createdDateTime");
        var modified = c.dateTime("modificationDateTime");
        c.text("objectType", 0, 64).filter(t -> !List.of(type.name(), "BL_" + type.name() + "_REQUEST",
                "VEN_" + type.name() + "_REQUEST").contains(t)).ifPresent(t -> c.problem("objectType", "unknown value '"
                + t + "' (expected " + type.name() + " or BL_" + type.name() + "_REQUEST)"));
        return Optional.of(new ObjectMetadata(id, created.orElse(IntervalPeriod.BEGINNING),
                modified.or(() -> created).orElse(IntervalPeriod.BEGINNING), type));
    }

    static Program program(JsonCursor c) {
        return program(c, metadata(c));
    }

    /** A {@code programRequest} (no metadata: the server sets it) with the metadata {@code meta}. */
    static Program program(JsonCursor c, ObjectMetadata meta) {
        String name = c.requiredText("programName", 1, 128);
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(ObjectReader::intervalPeriod);
        List<String> urls = c.objects("programDescriptions", d -> d.requiredText("URL", 2, 8000));
        List<PayloadDescriptor> descriptors = c.objects("payloadDescriptors", ObjectReader::anyDescriptor).stream()
                .flatMap(Optional::stream).toList();
        List<ValuesMap> attributes = c.objects("attributes", v -> valuesMap(v, Map.of()));
        return new Program(meta, name, period, urls, descriptors, attributes, c.texts("targets", 128));
    }

    private static Optional<PayloadDescriptor> anyDescriptor(JsonCursor c) {
        Optional<String> type = c.text("objectType", 0, 64);
        if (type.isPresent() && type.get().equals("REPORT_PAYLOAD_DESCRIPTOR")) {
            return Optional.of(ReportReader.reportDescriptor(c));
        }
        return Optional.of(eventDescriptor(c));
    }

    static Event event(JsonCursor c) {
        return event(c, metadata(c));
    }

    /** An {@code eventRequest} (no metadata: the server sets it) with the metadata {@code meta}. */
    static Event event(JsonCursor c, ObjectMetadata meta) {
        String programId = c.requiredObjectId("programID");
        Optional<String> name = c.text("eventName", 0, Integer.MAX_VALUE);
        Optional<OadrDuration> duration = c.duration("duration");
        Optional<Integer> priority = c.integer("priority", 0, Integer.MAX_VALUE).map(Long::intValue);
        List<ReportDescriptor> reports = c.objects("reportDescriptors", ReportReader::reportRequest);
        List<PayloadDescriptor.ForEvent> descriptors = c.objects("payloadDescriptors", ObjectReader::eventDescriptor);
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(ObjectReader::intervalPeriod);
        List<Interval> intervals = c.objects("intervals", i -> interval(i, PayloadRules.EVENT));
        return new Event(meta, programId, name, duration, priority, c.texts("targets", 128), reports, descriptors,
                period, intervals);
    }

    static PayloadDescriptor.ForEvent eventDescriptor(JsonCursor c) {
        // objectType is the discriminator the schema requires on descriptors.
        c.required("objectType");
        c.text("objectType", 0, 64).filter(t -> !t.equals("EVENT_PAYLOAD_DESCRIPTOR"))
                .ifPresent(t -> c.problem("objectType", "unknown value '" + t + "' (expected EVENT_PAYLOAD_DESCRIPTOR)"));
        String type = c.requiredText("payloadType", 1, 128);
        Optional<String> units = c.text("units", 1, 128);
        return new PayloadDescriptor.ForEvent(type, units, c.text("currency", 0, Integer.MAX_VALUE));
    }

    static IntervalPeriod intervalPeriod(JsonCursor c) {
        return new IntervalPeriod(c.dateTime("start"), c.duration("duration"), c.duration("randomizeStart"));
    }

    static Interval interval(JsonCursor c, Map<String, PayloadRules.Rule> rules) {
        c.required("id");
        int id = c.integer("id", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(0L).intValue();
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(ObjectReader::intervalPeriod);
        c.required("payloads");
        List<ValuesMap> payloads = c.objects("payloads", p -> valuesMap(p, rules));
        return new Interval(id, period, payloads);
    }

    /** A {@code valuesMap}, its values checked against the rule of its type in {@code rules}. */
    static ValuesMap valuesMap(JsonCursor c, Map<String, PayloadRules.Rule> rules) {
        String type = c.requiredText("type", 1, 128);
        c.required("values");
        List<Object> values = c.list("values", ObjectReader::value);
        ValuesMap map = new ValuesMap(type, values);
        if (c.has("values") && values.size() == c.json().get("values").size()) {
            PayloadRules.check(map, rules, (index, reason) -> c.problem("values" + index, reason));
        }
        return map;
    }

    private static Optional<Object> value(JsonCursor c) {
        JsonNode node = c.json();
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.asLong());
        }
        if (node.isNumber() && Double.isFinite(node.asDouble())) {
            return Optional.of(node.asDouble());
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isBoolean()) {
            return Optional.of(node.asBoolean());
        }
        if (node.isObject()) {
            Optional<Double> x = c.number("x");
            Optional<Double> y = c.number("y");
            c.required("x");
            c.required("y");
            return x.isPresent() && y.isPresent() ? Optional.of(new ValuesMap.Point(x.get(), y.get())) : Optional.empty();
        }
        if (node.isArray()) {
            // CURVE values are arrays of points; keep them as points in order.
            List<ValuesMap.Point> points = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonCursor item = new JsonCursor(node.get(i), c.path() + "[" + i + "]", new ArrayList<>());
                Optional<Object> point = node.get(i).isObject() ? value(item) : Optional.empty();
                point.filter(ValuesMap.Point.class::isInstance).map(ValuesMap.Point.class::cast).ifPresentOrElse(points::add,
                        () -> c.problemHere("must hold points {x, y}"));
            }
            return Optional.of(points);
        }
        c.problemHere("must be a number, text, boolean or point");
        return Optional.empty();
    }
}
