package io.kelvin.core.site.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.kelvin.core.series.ExchangeRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Whether the field is present and written as text (not a number or boolean). */
    boolean isText(String field) {
        return has(field) && json.get(field).isTextual();
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

    /** The keys of this mapping, in file order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A list of non-empty texts; items that are not text are reported by index. */
    List<String> textList(String field) {
        if (!has(field)) {
            problem(field, "is required");
            return List.of();
        }
        JsonNode child = json.get(field);
        if (!child.isArray()) {
            problem(field, "must be a list");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (!item.isValueNode() || item.isBoolean() || item.isNull() || item.asText().isBlank()) {
                problem(field + "[" + i + "]", "must be non-empty text");
            } else {
                items.add(item.asText().trim());
            }
        }
        return items;
    }

    /**
     * A list of number pairs ({@code [[3, 0], [4, 80]]}); each bad item is reported with its index. Empty when
     * the field is absent.
     */
    List<double[]> pairs(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode child = json.get(field);
        if (!child.isArray()) {
            problem(field, "must be a list of [x, y] pairs");
            return List.of();
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (!item.isArray() || item.size() != 2 || !item.get(0).isNumber() || !item.get(1).isNumber()
                    || !Double.isFinite(item.get(0).asDouble()) || !Double.isFinite(item.get(1).asDouble())) {
                problems.add(file, childPath(field) + "[" + i + "]", "must be a pair of numbers [x, y], was " + item);
            } else {
                out.add(new double[] {item.get(0).asDouble(), item.get(1).asDouble()});
            }
        }
        return out;
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
    String id(String field, Pattern pattern) {
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

    /** An exchange rate ({@link ExchangeRate#RULE}), or empty with a problem when present and not one. */
    Optional<Double> optExchangeRate(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode child = json.get(field);
        Optional<String> problem = child.isNumber() ? ExchangeRate.problem(child.asDouble())
                : Optional.of(ExchangeRate.RULE + ", was " + child.asText());
        problem.ifPresent(p -> problem(field, p));
        return problem.isPresent() ? Optional.empty() : Optional.of(child.asDouble());
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

    private static final Pattern DURATION =
            Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    /**
     * A duration written as a whole number and a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h};
     * it must lie in [{@code min}, {@code max}].
     */
    Optional<java.time.Duration> optDuration(String field, Duration min, Duration max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode child = json.get(field);
        String text = child.isValueNode() ? child.asText().trim() : child.toString();
        Matcher m = DURATION.matcher(text);
        if (!child.isTextual() || !m.matches()) {
            problem(field, "must be a duration like 500ms, 10s, 5m or 1h, was '" + text + "'");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(field, "must be " + format(min) + ".." + format(max) + ", was " + text);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A duration in the largest unit that writes it whole: 1h, 5m, 10s, 500ms. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms != 0 && ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
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
