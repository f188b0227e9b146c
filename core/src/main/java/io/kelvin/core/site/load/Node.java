package io.kelvin.core.site.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cursor over a parsed YAML tree that knows its file and field path. Every accessor validates
 * and, on bad input, records a problem naming file, path and reason and returns a neutral value, so
 * one pass finds every problem of a file.
 */
final class Node {

    private final JsonNode json;
    private final String file;
    private final String path;
    private final Problems problems;

    Node(JsonNode json, String file, String path, Problems problems) {
        this.json = json;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    void problem(String reason) {
        problems.add(file, path, reason);
    }

    private String childPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String reason) {
        problems.add(file, childPath(field), reason);
    }

    boolean has(String field) {
        return json.hasNonNull(field);
    }

    /** True when {@code field} holds a mapping (as opposed to text or a number). */
    boolean isObject(String field) {
        return has(field) && json.get(field).isObject();
    }

    /** Records an unknown field for every key not in {@code allowed}: typos must not pass silently. */
    void allowOnly(String... allowed) {
        Set<String> known = new TreeSet<>(Arrays.asList(allowed));
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problem(name, "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    Optional<Node> optObject(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode child = json.get(field);
        if (!child.isObject()) {
            problem(field, "must be a mapping");
            return Optional.empty();
        }
        return Optional.of(new Node(child, file, childPath(field), problems));
    }

    Optional<Node> object(String field) {
        if (!has(field)) {
            problem(field, "is required");
        }
        return optObject(field);
    }

    List<Node> list(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return List.of();
        }
        JsonNode child = json.get(field);
        if (!child.isArray()) {
            problem(field, "must be a list");
            return List.of();
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            String itemPath = childPath(field) + "[" + i + "]";
            if (child.get(i).isObject()) {
                items.add(new Node(child.get(i), file, itemPath, problems));
            } else {
                problems.add(file, itemPath, "must be a mapping");
            }
        }
        return items;
    }

    Optional<String> optText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode child = json.get(field);
        if (!child.isValueNode() || child.isBoolean()) {
            problem(field, "must be text");
            return Optional.empty();
        }
        String text = child.asText().trim();
        if (text.isEmpty()) {
            problem(field, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String text(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return "";
        }
        return optText(field).orElse("");
    }

    /** Text that must match {@code pattern}, e.g. an id. */
    String id(String field, java.util.regex.Pattern pattern) {
        String text = text(field);
        if (!text.isEmpty() && !pattern.matcher(text).matches()) {
            problem(field, "'" + text + "' must match " + pattern.pattern());
        }
        return text;
    }

    Optional<Double> optNumber(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode child = json.get(field);
        if (!child.isNumber() || !Double.isFinite(child.asDouble())) {
            problem(field, "must be a number");
            return Optional.empty();
        }
        return Optional.of(child.asDouble());
    }

    double number(String field, double min, double max) {
        if (!has(field)) {
            problem(field, "is required");
            return min;
        }
        return numberOr(field, min, min, max);
    }

    double numberOr(String field, double fallback, double min, double max) {
        double value = optNumber(field).orElse(fallback);
        if (value < min || value > max) {
            problem(field, "must be " + format(min) + ".." + format(max) + ", was " + format(value));
            return fallback;
        }
        return value;
    }

    int integer(String field, int min, int max) {
        if (!has(field)) {
            problem(field, "is required");
            return min;
        }
        return integerOr(field, min, min, max);
    }

    int integerOr(String field, int fallback, int min, int max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode child = json.get(field);
        if (!child.isIntegralNumber()) {
            problem(field, "must be a whole number " + min + ".." + max);
            return fallback;
        }
        long value = child.asLong();
        if (value < min || value > max) {
            problem(field, "must be " + min + ".." + max + ", was " + value);
            return fallback;
        }
        return (int) value;
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode child = json.get(field);
        if (!child.isBoolean()) {
            problem(field, "must be true or false");
            return fallback;
        }
        return child.asBoolean();
    }

    /** An enum constant, written in any case with '-' or '_' ({@code float32}, {@code GRID_IMPORT}). */
    <E extends Enum<E>> Optional<E> optEnum(String field, Class<E> type) {
        return optText(field).flatMap(text -> {
            String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return Optional.of(constant);
                }
            }
            problem(field, "unknown value '" + text + "' (expected one of " + names(type) + ")");
            return Optional.empty();
        });
    }

    <E extends Enum<E>> Optional<E> requiredEnum(String field, Class<E> type) {
        if (!has(field)) {
            problem(field, "is required");
        }
        return optEnum(field, type);
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
