package io.kelvin.greenpower.dr.oadr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads OpenADR 3.1 documents (programs, events, notifications, VTN answers) into Kelvin's records,
 * checking them against the schema as it goes: required fields, types, lengths, {@code objectID}
 * patterns, date-times, durations (the schema's pattern, "P9999Y" as infinity), schema enums (unknown
 * values are refused) and the value rules of known payload types. Fields the schema does not define
 * are ignored, as the Definition allows. Every problem names its field; a document with any problem
 * is refused whole with {@link OadrFormatException}.
 */
public final class OadrReader {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OadrReader() {
    }

    public static Program program(String json) {
        return one("program", json, OadrReader::program);
    }

    public static List<Program> programs(String json) {
        return many("programs", json, OadrReader::program);
    }

    public static Event event(String json) {
        return one("event", json, OadrReader::event);
    }

    public static List<Event> events(String json) {
        return many("events", json, OadrReader::event);
    }

    /**
     * A list of events read one by one: a malformed event is reported (by its index and, when it has
     * one, its id) and the others are kept, so one bad event never hides the rest.
     */
    public static Batch<Event> eachEvent(String json) {
        return each("events", json, OadrReader::event);
    }

    /** A list of programs read one by one (see {@link #eachEvent}). */
    public static Batch<Program> eachProgram(String json) {
        return each("programs", json, OadrReader::program);
    }

    /** Items that were read and problems of those that were not, each "[index] (id): path: reason". */
    public record Batch<T>(List<T> items, List<String> problems) {
        public Batch {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    public static Ven ven(String json) {
        return one("ven", json, VenObjectsReader::ven);
    }

    public static List<Ven> vens(String json) {
        return many("vens", json, VenObjectsReader::ven);
    }

    public static Resource resource(String json) {
        return one("resource", json, VenObjectsReader::resource);
    }

    public static List<Resource> resources(String json) {
        return many("resources", json, VenObjectsReader::resource);
    }

    public static Subscription subscription(String json) {
        return one("subscription", json, VenObjectsReader::subscription);
    }

    public static List<Subscription> subscriptions(String json) {
        return many("subscriptions", json, VenObjectsReader::subscription);
    }

    public static Report report(String json) {
        return one("report", json, ReportReader::report);
    }

    public static List<Report> reports(String json) {
        return many("reports", json, ReportReader::report);
    }

    public static Notification notification(String json) {
        return one("notification", json, OadrReader::notification);
    }

    public static TokenResponse token(String json) {
        return one("token response", json, c -> {
            String token = c.requiredText("access_token", 1, 4096);
            c.required("token_type");
            // RFC 6749 section 5.1: token_type is case-insensitive; the schema's enum says Bearer.
            c.text("token_type", 1, 64).filter(t -> !t.equalsIgnoreCase("Bearer"))
                    .ifPresent(t -> c.problem("token_type", "unknown value '" + t + "' (expected Bearer)"));
            Optional<Long> expires = c.integer("expires_in", 0, Long.MAX_VALUE);
            return new TokenResponse(token, "Bearer", expires, c.text("scope", 0, 4096));
        });
    }

    /** {@code authServerInfo}: the token endpoint, resolved against {@code base} when relative. */
    public static URI tokenUrl(String json, URI base) {
        return one("auth server info", json, c -> {
            String text = c.requiredText("tokenURL", 2, 8000);
            try {
                return text.isEmpty() ? base : base.resolve(new URI(text));
            } catch (URISyntaxException e) {
                c.problem("tokenURL", "'" + text + "' is not a URI");
                return base;
            }
        });
    }

    /** A VTN's error body ({@code problem}); empty when the body is not one. */
    public static Optional<OadrProblem> problem(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            List<String> problems = new ArrayList<>();
            JsonCursor c = new JsonCursor(node, "", problems);
            OadrProblem problem = new OadrProblem(c.text("type", 0, 8000).orElse("about:blank"), c.text("title", 0, 8000),
                    c.integer("status", 100, 599).map(Long::intValue), c.text("detail", 0, 8000), c.text("instance", 0, 8000));
            return problem.title().isPresent() || problem.detail().isPresent() ? Optional.of(problem) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static <T> T one(String what, String json, Function<JsonCursor, T> reader) {
        JsonNode node = parse(what, json);
        if (!node.isObject()) {
            throw new OadrFormatException(what, List.of("(document): must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        T value = reader.apply(new JsonCursor(node, "", problems));
        if (!problems.isEmpty()) {
            throw new OadrFormatException(what, problems);
        }
        return value;
    }

    static <T> List<T> many(String what, String json, Function<JsonCursor, T> reader) {
        JsonNode node = parse(what, json);
        if (!node.isArray()) {
            throw new OadrFormatException(what, List.of("(document): must be a JSON array"));
        }
        List<String> problems = new ArrayList<>();
        List<T> items = new JsonCursor(JSON.createObjectNode().set("items", node), "", problems)
                .objects("items", reader);
        if (!problems.isEmpty()) {
            throw new OadrFormatException(what, problems.stream().map(p -> p.replaceFirst("^items", "")).toList());
        }
        return items;
    }

    static <T> Batch<T> each(String what, String json, Function<JsonCursor, T> reader) {
        JsonNode node = parse(what, json);
        if (!node.isArray()) {
            throw new OadrFormatException(what, List.of("(document): must be a JSON array"));
        }
        List<T> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            List<String> found = new ArrayList<>();
            String label = "[" + i + "]" + (item.path("id").isTextual() ? " (id " + item.path("id").asText() + ")" : "");
            if (!item.isObject()) {
                problems.add(label + ": must be a JSON object");
                continue;
            }
            T value = reader.apply(new JsonCursor(item, "", found));
            if (found.isEmpty()) {
                items.add(value);
            } else {
                found.forEach(p -> problems.add(label + " " + p));
            }
        }
        return new Batch<>(items, problems);
    }

    private static JsonNode parse(String what, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null) {
                throw new OadrFormatException(what, List.of("(document): is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OadrFormatException(what, List.of("(document): not JSON: " + e.getOriginalMessage()));
        }
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
        ObjectMetadata meta = metadata(c);
        String name = c.requiredText("programName", 1, 128);
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(OadrReader::intervalPeriod);
        List<String> urls = c.objects("programDescriptions", d -> d.requiredText("URL", 2, 8000));
        List<PayloadDescriptor> descriptors = c.objects("payloadDescriptors", OadrReader::anyDescriptor).stream()
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
        ObjectMetadata meta = metadata(c);
        String programId = c.requiredObjectId("programID");
        Optional<String> name = c.text("eventName", 0, Integer.MAX_VALUE);
        Optional<OadrDuration> duration = c.duration("duration");
        Optional<Integer> priority = c.integer("priority", 0, Integer.MAX_VALUE).map(Long::intValue);
        List<ReportDescriptor> reports = c.objects("reportDescriptors", ReportReader::reportRequest);
        List<PayloadDescriptor.ForEvent> descriptors = c.objects("payloadDescriptors", OadrReader::eventDescriptor);
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(OadrReader::intervalPeriod);
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
        Optional<IntervalPeriod> period = c.object("intervalPeriod").map(OadrReader::intervalPeriod);
        c.required("payloads");
        List<ValuesMap> payloads = c.objects("payloads", p -> valuesMap(p, rules));
        return new Interval(id, period, payloads);
    }

    /** A {@code valuesMap}, its values checked against the rule of its type in {@code rules}. */
    static ValuesMap valuesMap(JsonCursor c, Map<String, PayloadRules.Rule> rules) {
        String type = c.requiredText("type", 1, 128);
        c.required("values");
        List<Object> values = c.list("values", OadrReader::value);
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

    static Notification notification(JsonCursor c) {
        c.required("objectType");
        c.required("operation");
        c.required("object");
        Optional<ObjectType> type = c.enumValue("objectType", ObjectType.class);
        Optional<Operation> operation = c.enumValue("operation", Operation.class);
        Optional<JsonCursor> object = c.object("object");
        Object subject = type.flatMap(t -> object.map(o -> switch (t) {
            case PROGRAM -> program(o);
            case EVENT -> event(o);
            case REPORT -> ReportReader.report(o);
            case SUBSCRIPTION -> VenObjectsReader.subscription(o);
            case VEN -> VenObjectsReader.ven(o);
            case RESOURCE -> VenObjectsReader.resource(o);
        })).orElse(null);
        return new Notification(type.orElse(ObjectType.EVENT), operation.orElse(Operation.READ),
                subject == null ? new Object() : subject, c.texts("targets", 128));
    }
}
