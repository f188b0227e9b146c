package io.kelvin.greenpower.dr.oadr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;


/**
 * Writes Kelvin's records as OpenADR 3.1 JSON, exactly the fields the schema defines: requests a VEN
 * sends ({@code VenVenRequest}, {@code VenResourceRequest}, {@code subscriptionRequest},
 * {@code reportRequest}) and, for an OpenADR-shaped API and test VTNs, whole programs and events.
 * Absent optional fields are left out (the schema's defaults apply).
 */
public final class OadrWriter {

    private OadrWriter() {
    }

    public static String venRequest(String venName, List<ValuesMap> attributes) {
        ObjectNode node = object().put("objectType", "VEN_VEN_REQUEST").put("venName", venName);
        if (!attributes.isEmpty()) {
            node.set("attributes", valuesMaps(attributes));
        }
        return text(node);
    }

    public static String resourceRequest(String resourceName, String venId, List<ValuesMap> attributes) {
        ObjectNode node = object().put("objectType", "VEN_RESOURCE_REQUEST").put("resourceName", resourceName)
                .put("venID", venId);
        if (!attributes.isEmpty()) {
            node.set("attributes", valuesMaps(attributes));
        }
        return text(node);
    }

    public static String subscriptionRequest(Subscription subscription) {
        ObjectNode node = object().put("clientName", subscription.clientName());
        subscription.programId().ifPresent(id -> node.put("programID", id));
        ArrayNode operations = node.putArray("objectOperations");
        for (Subscription.ObjectOperation op : subscription.objectOperations()) {
            ObjectNode item = operations.addObject();
            op.objects().forEach(o -> item.withArray("objects").add(o.name()));
            op.operations().forEach(o -> item.withArray("operations").add(o.name()));
            item.put("callbackUrl", op.callbackUrl().toString());
            op.bearerToken().ifPresent(token -> item.put("bearerToken", token));
        }
        targets(node, subscription.targets());
        return text(node);
    }

    public static String reportRequest(Report report) {
        ObjectNode node = object().put("eventID", report.eventId()).put("clientName", report.clientName());
        report.reportName().ifPresent(name -> node.put("reportName", name));
        if (!report.payloadDescriptors().isEmpty()) {
            ArrayNode descriptors = node.putArray("payloadDescriptors");
            report.payloadDescriptors().forEach(d -> descriptors.add(reportDescriptor(d)));
        }
        ArrayNode resources = node.putArray("resources");
        for (Report.ResourceData data : report.resources()) {
            ObjectNode item = resources.addObject().put("resourceName", data.resourceName());
            data.intervalPeriod().ifPresent(p -> item.set("intervalPeriod", intervalPeriod(p)));
            item.set("intervals", intervals(data.intervals()));
        }
        return text(node);
    }

    /** A whole program, metadata included (what a VTN returns). */
    public static ObjectNode program(Program program) {
        ObjectNode node = metadata(program.meta()).put("programName", program.programName());
        program.intervalPeriod().ifPresent(p -> node.set("intervalPeriod", intervalPeriod(p)));
        if (!program.payloadDescriptors().isEmpty()) {
            ArrayNode descriptors = node.putArray("payloadDescriptors");
            program.payloadDescriptors().forEach(d -> descriptors.add(switch (d) {
                case PayloadDescriptor.ForEvent e -> eventDescriptor(e);
                case PayloadDescriptor.ForReport r -> reportDescriptor(r);
            }));
        }
        if (!program.attributes().isEmpty()) {
            node.set("attributes", valuesMaps(program.attributes()));
        }
        targets(node, program.targets());
        return node;
    }

    /** A whole event, metadata included (what a VTN returns). */
    public static ObjectNode event(Event event) {
        ObjectNode node = metadata(event.meta()).put("programID", event.programId());
        event.eventName().ifPresent(name -> node.put("eventName", name));
        event.duration().ifPresent(d -> node.put("duration", d.toString()));
        event.priority().ifPresent(p -> node.put("priority", p));
        targets(node, event.targets());
        if (!event.reportDescriptors().isEmpty()) {
            ArrayNode descriptors = node.putArray("reportDescriptors");
            event.reportDescriptors().forEach(d -> descriptors.add(reportRequestDescriptor(d)));
        }
        if (!event.payloadDescriptors().isEmpty()) {
            ArrayNode descriptors = node.putArray("payloadDescriptors");
            event.payloadDescriptors().forEach(d -> descriptors.add(eventDescriptor(d)));
        }
        event.intervalPeriod().ifPresent(p -> node.set("intervalPeriod", intervalPeriod(p)));
        node.set("intervals", intervals(event.intervals()));
        return node;
    }

    /** A whole report as a server returns it: metadata, {@code clientID} and the request's fields. */
    public static ObjectNode report(Report report) {
        ObjectNode node = serverObject(report.meta(), report.clientId());
        node.setAll((ObjectNode) tree(reportRequest(report)));
        return node;
    }

    /** A whole subscription as a server returns it: metadata, {@code clientID} and the request's fields. */
    public static ObjectNode subscription(Subscription subscription) {
        ObjectNode node = serverObject(subscription.meta(), subscription.clientId());
        node.setAll((ObjectNode) tree(subscriptionRequest(subscription)));
        return node;
    }

    /** A {@code notification} of {@code operation} on {@code object} (a whole object as written here). */
    public static ObjectNode notification(ObjectType type, Operation operation, ObjectNode object, List<String> targets) {
        ObjectNode node = object().put("objectType", type.name()).put("operation", operation.name());
        node.set("object", object);
        targets(node, targets);
        return node;
    }

    private static ObjectNode serverObject(java.util.Optional<ObjectMetadata> meta, java.util.Optional<String> clientId) {
        ObjectNode node = metadata(meta.orElseThrow(() -> new IllegalArgumentException("a server object needs metadata")));
        node.put("clientID", clientId.orElseThrow(() -> new IllegalArgumentException("a server object needs clientID")));
        return node;
    }

    /** JSON text Kelvin wrote itself, as a tree. */
    public static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return OadrReader.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON Kelvin wrote", e);
        }
    }

    /** An OpenADR {@code problem} (RFC 7807) body. */
    public static ObjectNode problem(int status, String title, String detail) {
        return object().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail);
    }

    public static String text(Object node) {
        try {
            return OadrReader.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    public static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static ObjectNode object() {
        return OadrReader.JSON.createObjectNode();
    }

    private static ObjectNode metadata(ObjectMetadata meta) {
        return object().put("id", meta.id()).put("createdDateTime", dateTime(meta.createdDateTime()))
                .put("modificationDateTime", dateTime(meta.modificationDateTime()))
                .put("objectType", meta.objectType().name());
    }

    private static void targets(ObjectNode node, List<String> targets) {
        if (!targets.isEmpty()) {
            ArrayNode array = node.putArray("targets");
            targets.forEach(array::add);
        }
    }

    private static ObjectNode eventDescriptor(PayloadDescriptor.ForEvent d) {
        ObjectNode node = object().put("objectType", "EVENT_PAYLOAD_DESCRIPTOR").put("payloadType", d.payloadType());
        d.units().ifPresent(u -> node.put("units", u));
        d.currency().ifPresent(c -> node.put("currency", c));
        return node;
    }

    private static ObjectNode reportDescriptor(PayloadDescriptor.ForReport d) {
        ObjectNode node = object().put("objectType", "REPORT_PAYLOAD_DESCRIPTOR").put("payloadType", d.payloadType());
        d.readingType().ifPresent(r -> node.put("readingType", r));
        d.units().ifPresent(u -> node.put("units", u));
        d.accuracy().ifPresent(a -> node.put("accuracy", a));
        d.confidence().ifPresent(c -> node.put("confidence", c));
        return node;
    }

    private static ObjectNode reportRequestDescriptor(ReportDescriptor d) {
        ObjectNode node = object().put("payloadType", d.payloadType());
        d.readingType().ifPresent(r -> node.put("readingType", r));
        d.units().ifPresent(u -> node.put("units", u));
        targets(node, d.targets());
        return node.put("aggregate", d.aggregate()).put("startInterval", d.startInterval())
                .put("numIntervals", d.numIntervals()).put("historical", d.historical()).put("frequency", d.frequency())
                .put("repeat", d.repeat()).put("reportIntervals", d.reportIntervals().name());
    }

    static ObjectNode intervalPeriod(IntervalPeriod period) {
        ObjectNode node = object();
        period.start().ifPresent(s -> node.put("start", dateTime(s)));
        period.duration().ifPresent(d -> node.put("duration", d.toString()));
        period.randomizeStart().ifPresent(r -> node.put("randomizeStart", r.toString()));
        return node;
    }

    private static ArrayNode intervals(List<Interval> intervals) {
        ArrayNode array = OadrReader.JSON.createArrayNode();
        for (Interval interval : intervals) {
            ObjectNode item = array.addObject().put("id", interval.id());
            interval.intervalPeriod().ifPresent(p -> item.set("intervalPeriod", intervalPeriod(p)));
            item.set("payloads", valuesMaps(interval.payloads()));
        }
        return array;
    }

    private static ArrayNode valuesMaps(List<ValuesMap> maps) {
        ArrayNode array = OadrReader.JSON.createArrayNode();
        for (ValuesMap map : maps) {
            ObjectNode item = array.addObject().put("type", map.type());
            ArrayNode values = item.putArray("values");
            map.values().forEach(v -> addValue(values, v));
        }
        return array;
    }

    private static void addValue(ArrayNode values, Object value) {
        switch (value) {
            case Long n -> values.add(n);
            case Integer n -> values.add(n);
            case Double n -> values.add(n);
            case String s -> values.add(s);
            case Boolean b -> values.add(b);
            case ValuesMap.Point p -> values.addObject().put("x", p.x()).put("y", p.y());
            case List<?> points -> {
                ArrayNode curve = values.addArray();
                points.forEach(p -> addValue(curve, p));
            }
            default -> throw new IllegalArgumentException("not an OpenADR value: " + value.getClass().getSimpleName());
        }
    }

}
