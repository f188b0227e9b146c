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
        return one("program", json, ObjectReader::program);
    }

    public static List<Program> programs(String json) {
        return many("programs", json, ObjectReader::program);
    }

    public static Event event(String json) {
        return one("event", json, ObjectReader::event);
    }

    public static List<Event> events(String json) {
        return many("events", json, ObjectReader::event);
    }

    /**
     * A list of events read one by one: a malformed event is reported (by its index and, when it has
     * one, its id) and the others are kept, so one bad event never hides the rest.
     */
    public static Batch<Event> eachEvent(String json) {
        return each("events", json, ObjectReader::event);
    }

    /** A list of programs read one by one (see {@link #eachEvent}). */
    public static Batch<Program> eachProgram(String json) {
        return each("programs", json, ObjectReader::program);
    }

    /** Items that were read and problems of those that were not, each "[index] (id): path: reason". */
    public record Batch<T>(List<T> items, List<String> problems) {
        public Batch {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    /**
     * A client's {@code programRequest}, given the metadata the server sets ({@code id}, times and
     * {@code objectType} in the body are the server's to set and are not read).
     */
    public static Program programRequest(String json, ObjectMetadata meta) {
        return one("program", json, c -> ObjectReader.program(c, meta));
    }

    /** A client's {@code eventRequest}, given the metadata the server sets (see {@link #programRequest}). */
    public static Event eventRequest(String json, ObjectMetadata meta) {
        return one("event", json, c -> ObjectReader.event(c, meta));
    }

    /** A client's {@code reportRequest}; server-set metadata and {@code clientID} in the body are not read. */
    public static Report reportRequest(String json) {
        return one("report", withoutServerFields(json), ReportReader::report);
    }

    /** A client's {@code subscriptionRequest}; server-set metadata and {@code clientID} in the body are not read. */
    public static Subscription subscriptionRequest(String json) {
        return one("subscription", withoutServerFields(json), VenObjectsReader::subscription);
    }

    private static String withoutServerFields(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.remove(List.of("id", "createdDateTime", "modificationDateTime", "objectType", "clientID"));
                return JSON.writeValueAsString(object);
            }
            return json;
        } catch (JsonProcessingException e) {
            return json;
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

    static Notification notification(JsonCursor c) {
        c.required("objectType");
        c.required("operation");
        c.required("object");
        Optional<ObjectType> type = c.enumValue("objectType", ObjectType.class);
        Optional<Operation> operation = c.enumValue("operation", Operation.class);
        Optional<JsonCursor> object = c.object("object");
        Object subject = type.flatMap(t -> object.map(o -> switch (t) {
            case PROGRAM -> ObjectReader.program(o);
            case EVENT -> ObjectReader.event(o);
            case REPORT -> ReportReader.report(o);
            case SUBSCRIPTION -> VenObjectsReader.subscription(o);
            case VEN -> VenObjectsReader.ven(o);
            case RESOURCE -> VenObjectsReader.resource(o);
        })).orElse(null);
        return new Notification(type.orElse(ObjectType.EVENT), operation.orElse(Operation.READ),
                subject == null ? new Object() : subject, c.texts("targets", 128));
    }
}
