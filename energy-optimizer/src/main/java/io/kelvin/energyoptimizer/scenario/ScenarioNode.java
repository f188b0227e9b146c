package io.kelvin.energyoptimizer.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.ExchangeRate;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A cursor over a parsed scenario file that knows the file and the field path. Each accessor checks
 * its value and, when it is missing or wrong, records {@code file: path: reason} and returns a neutral
 * value, so one pass reports every problem of a file. Every field asked for is remembered, so that when the file
 * has been read, the keys nothing asked for ({@link #unread}, a misspelt {@code dedline}, say) can be named too.
 */
final class ScenarioNode {

    private final JsonNode json;
    private final String file;
    private final String path;
    private final List<String> problems;
    /** The paths asked for so far, shared by every node of the file; a path ending in {@code .*} was read whole. */
    private final Set<String> asked;

    /** The root of a file. */
    ScenarioNode(JsonNode json, String file, List<String> problems) {
        this(json, file, "", problems, new HashSet<>());
    }

    private ScenarioNode(JsonNode json, String file, String path, List<String> problems, Set<String> asked) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.file = file;
        this.path = path;
        this.problems = problems;
        this.asked = asked;
    }

    private JsonNode field(String field) {
        asked.add(where(field));
        return json.get(field);
    }

    /**
     * Each key of the file under this node that no accessor asked for, and under which nothing was read whole
     * ({@link #json}), as {@code path}; in the file's order. Keys starting with {@code x-} are left alone: they hold
     * notes and YAML anchors.
     */
    List<String> unread() {
        List<String> out = new ArrayList<>();
        unread(json, path, out);
        return out;
    }

    private void unread(JsonNode n, String at, List<String> out) {
        if (asked.contains(at + ".*")) {
            return;
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                unread(n.get(i), at + "[" + i + "]", out);
            }
        } else if (n.isObject()) {
            n.properties().forEach(e -> {
                String key = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                if (e.getKey().startsWith("x-")) {
                    return; // an extension key: a note, or a YAML anchor's home, read by nothing on purpose
                }
                if (asked.contains(key)) {
                    unread(e.getValue(), key, out);
                } else {
                    out.add(key);
                }
            });
        }
    }

    String file() {
        return file;
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** This node's path in the file ({@code series.carbon}). */
    String path() {
        return path;
    }

    /** The parsed mapping under this node, for readers shared with site files (which check its keys themselves). */
    JsonNode json() {
        asked.add(path + ".*");
        return json;
    }

    /** Records a problem already written as {@code file: path: reason} (by a reader shared with site files). */
    void report(String line) {
        problems.add(line);
    }

    void problem(String field, String reason) {
        problems.add(file + ": " + where(field) + ": " + reason);
    }

    boolean has(String field) {
        JsonNode n = field(field);
        return n != null && !n.isNull();
    }

    ScenarioNode child(String field) {
        return new ScenarioNode(field(field), file, where(field), problems, asked);
    }

    /** The elements of a list field (none, and a problem, when it is not a list). */
    List<ScenarioNode> list(String field) {
        List<ScenarioNode> out = new ArrayList<>();
        JsonNode n = field(field);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            problem(field, "must be a list");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            out.add(new ScenarioNode(n.get(i), file, where(field) + "[" + i + "]", problems, asked));
        }
        return out;
    }

    Optional<String> optText(String field) {
        JsonNode n = field(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            problem(field, "must be a single value");
            return Optional.empty();
        }
        return Optional.of(n.asText().trim());
    }

    String text(String field) {
        Optional<String> v = optText(field);
        if (v.isEmpty() || v.get().isEmpty()) {
            if (v.isEmpty() && !has(field)) {
                problem(field, "required");
            } else if (v.isPresent()) {
                problem(field, "must not be empty");
            }
            return "";
        }
        return v.get();
    }

    /** A number in {@code [min, max]}; {@code fallback} (and a problem) when missing or out of range. */
    double number(String field, double min, double max, double fallback) {
        if (!has(field)) {
            problem(field, "required");
            return fallback;
        }
        return optNumber(field, min, max, fallback);
    }

    /** An exchange rate ({@link ExchangeRate#RULE}), or empty with a problem when present and not one. */
    Optional<ExchangeRate> optExchangeRate(String field) {
        JsonNode n = field(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        Optional<String> problem = n.isNumber() ? ExchangeRate.problem(n.asDouble())
                : Optional.of(ExchangeRate.RULE + ", was " + n.asText());
        problem.ifPresent(p -> problem(field, p));
        return problem.isPresent() ? Optional.empty() : Optional.of(new ExchangeRate(n.asDouble()));
    }

    /** As {@link #number}, {@code fallback} without a problem when the field is left out. */
    double optNumber(String field, double min, double max, double fallback) {
        JsonNode n = field(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            problem(field, "must be a number, was " + n);
            return fallback;
        }
        double v = n.asDouble();
        if (!(v >= min && v <= max)) {
            problem(field, "must be " + fmt(min) + ".." + fmt(max) + ", was " + n.asText());
            return fallback;
        }
        return v;
    }

    /** This node's own value as a number in {@code [min, max]} (list elements). */
    double value(double min, double max, double fallback) {
        if (!json.isNumber() || !(json.asDouble() >= min && json.asDouble() <= max)) {
            problems.add(file + ": " + path + ": must be a number " + fmt(min) + ".." + fmt(max) + ", was " + json);
            return fallback;
        }
        return json.asDouble();
    }

    int integer(String field, int min, int max, int fallback) {
        return has(field) ? optInteger(field, min, max, fallback) : (int) number(field, min, max, fallback);
    }

    int optInteger(String field, int min, int max, int fallback) {
        JsonNode n = field(field);
        if (n != null && n.isNumber() && !n.canConvertToExactIntegral()) {
            problem(field, "must be a whole number, was " + n.asText());
            return fallback;
        }
        return (int) optNumber(field, min, max, fallback);
    }

    boolean optBoolean(String field, boolean fallback) {
        JsonNode n = field(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problem(field, "must be true or false, was " + n.asText());
            return fallback;
        }
        return n.asBoolean();
    }

    Instant instant(String field) {
        String t = text(field);
        try {
            return t.isEmpty() ? Instant.EPOCH : Instant.parse(t);
        } catch (DateTimeException e) {
            problem(field, "must be an ISO instant such as 2022-06-08T00:00:00Z, was " + t);
            return Instant.EPOCH;
        }
    }

    ZoneId zone(String field) {
        String t = text(field);
        try {
            return t.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(t);
        } catch (DateTimeException e) {
            problem(field, "not a time zone: " + t);
            return ZoneId.of("UTC");
        }
    }

    /**
     * {@code field: { column, values }}: which rows of a file to take, those whose column holds one of the values
     * (a finished job's state; a series' zone in a file holding several). Empty, with a problem, when malformed.
     */
    Optional<CsvSeriesSpec.Only> only(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        ScenarioNode o = child(field);
        String column = o.text("column");
        Set<String> values = new LinkedHashSet<>();
        o.list("values").forEach(v -> {
            if (v.json().isValueNode() && !v.json().asText().isBlank()) {
                values.add(v.json().asText().trim());
            } else {
                o.problem("values", "each must be a value of the column (text or a number)");
            }
        });
        if (values.isEmpty()) {
            o.problem("values", "required: a list of the column's values whose rows are taken");
        }
        return column.isEmpty() || values.isEmpty() ? Optional.empty() : Optional.of(new CsvSeriesSpec.Only(column, values));
    }

    /** One of {@code values} (case-insensitive); {@code fallback} with a problem otherwise. */
    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
        Optional<String> t = optText(field);
        if (t.isEmpty()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t.get().replace('-', '_'))) {
                return e;
            }
        }
        problem(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was " + t.get());
        return fallback;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
