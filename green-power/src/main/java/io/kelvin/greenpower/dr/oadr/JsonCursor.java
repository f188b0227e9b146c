package io.kelvin.greenpower.dr.oadr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A cursor over a parsed JSON document that knows its field path. Accessors check the value against
 * the OpenADR 3.1 schema and, when it is wrong, record "path: reason" and return a neutral value, so
 * one pass reports every problem of a document.
 */
final class JsonCursor {

    /** OpenADR {@code objectID}: URL-safe, 1..128 characters. */
    static final Pattern OBJECT_ID = Pattern.compile("^[a-zA-Z0-9_-]*$");

    private final JsonNode json;
    private final String path;
    private final List<String> problems;

    JsonCursor(JsonNode json, String path, List<String> problems) {
        this.json = json;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    String child(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String reason) {
        problems.add(child(field) + ": " + reason);
    }

    void problemHere(String reason) {
        problems.add((path.isEmpty() ? "(document)" : path) + ": " + reason);
    }

    /** Present and not JSON null (the schema's nullable fields default to null). */
    boolean has(String field) {
        return json.hasNonNull(field);
    }

    void required(String field) {
        if (!has(field)) {
            problem(field, "is required");
        }
    }

    Optional<String> text(String field, int min, int max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isTextual()) {
            problem(field, "must be text");
            return Optional.empty();
        }
        String text = value.asText();
        if (text.length() < min || text.length() > max) {
            problem(field, "must be " + min + ".." + max + " characters, was " + text.length());
        }
        return Optional.of(text);
    }

    String requiredText(String field, int min, int max) {
        required(field);
        return text(field, min, max).orElse("");
    }

    /** An {@code objectID}: URL-safe characters, 1..128. */
    Optional<String> objectId(String field) {
        Optional<String> id = text(field, 1, 128);
        id.filter(text -> !OBJECT_ID.matcher(text).matches())
                .ifPresent(text -> problem(field, "'" + text + "' must match " + OBJECT_ID.pattern()));
        return id;
    }

    String requiredObjectId(String field) {
        required(field);
        return objectId(field).orElse("");
    }

    /** An RFC 3339 date-time; "0001-01-01" (with or without a time) is the spec's beginning of time. */
    Optional<Instant> dateTime(String field) {
        return text(field, 0, Integer.MAX_VALUE).flatMap(text -> {
            if (text.startsWith("0001-01-01") && text.matches("0001-01-01(T00:00:00(\\.0+)?(Z|[+-]00:00)?)?")) {
                return Optional.of(IntervalPeriod.BEGINNING);
            }
            try {
                return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
            } catch (DateTimeException e) {
                problem(field, "'" + text + "' is not an RFC 3339 date-time (like 2023-06-15T09:30:00Z)");
                return Optional.empty();
            }
        });
    }

    Optional<OadrDuration> duration(String field) {
        return text(field, 0, Integer.MAX_VALUE).flatMap(text -> {
            Optional<OadrDuration> parsed = OadrDuration.parse(text);
            if (parsed.isEmpty()) {
                problem(field, "'" + text + "' is not an ISO 8601 duration as OpenADR writes it (like PT1H, P1D, P9999Y)");
            }
            return parsed;
        });
    }

    Optional<Long> integer(String field, long min, long max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "must be a whole number");
            return Optional.empty();
        }
        long number = value.asLong();
        if (number < min || number > max) {
            problem(field, "must be " + min + ".." + max + ", was " + number);
            return Optional.empty();
        }
        return Optional.of(number);
    }

    Optional<Double> number(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = json.get(field);
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problem(field, "must be a number");
            return Optional.empty();
        }
        return Optional.of(value.asDouble());
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = json.get(field);
        if (!value.isBoolean()) {
            problem(field, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    /** A value of a schema {@code enum}: unknown values are refused, naming the allowed ones. */
    <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        return text(field, 0, Integer.MAX_VALUE).flatMap(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return Optional.of(constant);
                }
            }
            problem(field, "unknown value '" + text + "' (expected one of " + names(type) + ")");
            return Optional.empty();
        });
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names);
    }

    Optional<JsonCursor> object(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!json.get(field).isObject()) {
            problem(field, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new JsonCursor(json.get(field), child(field), problems));
    }

    /** The items of an array field read by {@code item}; a missing or null field is an empty list. */
    <T> List<T> list(String field, Function<JsonCursor, Optional<T>> item) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode array = json.get(field);
        if (!array.isArray()) {
            problem(field, "must be an array");
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            item.apply(new JsonCursor(array.get(i), child(field) + "[" + i + "]", problems)).ifPresent(items::add);
        }
        return items;
    }

    /** Items that must be objects. */
    <T> List<T> objects(String field, Function<JsonCursor, T> reader) {
        return list(field, c -> {
            if (!c.json.isObject()) {
                c.problemHere("must be an object");
                return Optional.empty();
            }
            return Optional.of(reader.apply(c));
        });
    }

    /** Items that must be texts of 1..max characters (targets, names). */
    List<String> texts(String field, int max) {
        return list(field, c -> {
            if (!c.json.isTextual() || c.json.asText().isEmpty() || c.json.asText().length() > max) {
                c.problemHere("must be text of 1.." + max + " characters");
                return Optional.empty();
            }
            return Optional.of(c.json.asText());
        });
    }
}
