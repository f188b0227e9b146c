package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The value rules of the OpenADR 3.1 payload enumerations ({@code specs/openadr3/3.1.0/enumerations/
 * event-interval-payloads.schema.yaml} and {@code report-payloads.schema.yaml}): for each known type,
 * the kind of value, how many values and their bounds. Unknown types are allowed by the spec
 * ("privately defined strings") and pass unchecked; Kelvin does not act on them.
 */
public final class PayloadRules {

    /** The JSON kind of each value. */
    public enum Kind { NUMBER, INTEGER, STRING, ANY, CURVE }

    /** Values of one type: kind, count in [minItems, maxItems] (-1 = no limit), bounds, allowed strings. */
    public record Rule(Kind kind, int minItems, int maxItems, Double min, Double max, Set<String> allowed) {

        static Rule one(Kind kind, Double min, Double max) {
            return new Rule(kind, 1, 1, min, max, Set.of());
        }

        static Rule any(Kind kind, int minItems, Double min, Double max) {
            return new Rule(kind, minItems, -1, min, max, Set.of());
        }
    }

    private static final Rule NUMBER = Rule.one(Kind.NUMBER, null, null);
    private static final Rule NON_NEGATIVE = Rule.one(Kind.NUMBER, 0.0, null);
    private static final Rule TEXT = Rule.one(Kind.STRING, null, null);
    private static final Rule ANY = Rule.one(Kind.ANY, null, null);
    /**
     * PRICE, EXPORT_PRICE and GHG may pack several values into one interval, each for an equal share of
     * it (User Guide 7.3, "multi-valued payloads"), though the enumeration schema says one value.
     */
    private static final Rule PACKED = Rule.any(Kind.NUMBER, 1, null, null);

    /** Event interval payload types (event-interval-payloads.schema.yaml). */
    public static final Map<String, Rule> EVENT = Map.ofEntries(
            Map.entry("SIMPLE", Rule.one(Kind.INTEGER, 0.0, 3.0)),
            Map.entry("PRICE", PACKED), Map.entry("PRICE_ALTERNATE", NUMBER),
            Map.entry("CHARGE_STATE_SETPOINT", NON_NEGATIVE), Map.entry("DISPATCH_SETPOINT", NON_NEGATIVE),
            Map.entry("DISPATCH_SETPOINT_RELATIVE", NON_NEGATIVE),
            Map.entry("DISPATCH_INSTRUCTION", new Rule(Kind.STRING, 1, -1, null, null, Set.of())),
            Map.entry("CONTROL_SETPOINT", ANY),
            Map.entry("CONTROL_LEVEL_OFFSET", Rule.one(Kind.INTEGER, -10.0, 10.0)),
            Map.entry("CONTROL_LEVEL_OFFSET_PERCENT", Rule.one(Kind.NUMBER, -1.0, 1.0)),
            Map.entry("EXPORT_PRICE", PACKED), Map.entry("GHG", Rule.any(Kind.NUMBER, 1, 0.0, null)),
            Map.entry("CURVE", Rule.any(Kind.CURVE, 0, null, null)),
            Map.entry("OLS", Rule.any(Kind.NUMBER, 0, 0.0, 1.0)),
            Map.entry("IMPORT_CAPACITY_SUBSCRIPTION", NON_NEGATIVE), Map.entry("IMPORT_CAPACITY_RESERVATION", NON_NEGATIVE),
            Map.entry("IMPORT_CAPACITY_RESERVATION_FEE", NUMBER), Map.entry("IMPORT_CAPACITY_AVAILABLE", NUMBER),
            Map.entry("IMPORT_CAPACITY_AVAILABLE_PRICE", NUMBER), Map.entry("EXPORT_CAPACITY_SUBSCRIPTION", NUMBER),
            Map.entry("EXPORT_CAPACITY_RESERVATION", NON_NEGATIVE), Map.entry("EXPORT_CAPACITY_RESERVATION_FEE", NUMBER),
            Map.entry("EXPORT_CAPACITY_AVAILABLE", NUMBER), Map.entry("EXPORT_CAPACITY_AVAILABLE_PRICE", NUMBER),
            Map.entry("IMPORT_CAPACITY_LIMIT", NON_NEGATIVE), Map.entry("EXPORT_CAPACITY_LIMIT", NON_NEGATIVE),
            Map.entry("ALERT_GRID_EMERGENCY", new Rule(Kind.STRING, 1, 1, 1.0, 128.0, Set.of())),
            Map.entry("ALERT_BLACK_START", TEXT), Map.entry("ALERT_POSSIBLE_OUTAGE", TEXT),
            Map.entry("ALERT_FLEX_ALERT", TEXT), Map.entry("ALERT_FIRE", TEXT), Map.entry("ALERT_FREEZING", TEXT),
            Map.entry("ALERT_WIND", TEXT), Map.entry("ALERT_TSUNAMI", TEXT), Map.entry("ALERT_AIR_QUALITY", TEXT),
            Map.entry("ALERT_OTHER", TEXT),
            Map.entry("CTA2045_REBOOT", Rule.one(Kind.INTEGER, 0.0, 1.0)),
            Map.entry("CTA2045_SET_OVERRIDE_STATUS", Rule.one(Kind.INTEGER, 0.0, 1.0)));

    /** Operating states of the OPERATING_STATE report payload (Definition, Table 4). */
    public static final Set<String> OPERATING_STATES = Set.of("NORMAL", "ERROR", "IDLE_NORMAL", "RUNNING_NORMAL",
            "RUNNING_CURTAILED", "RUNNING_HEIGHTENED", "IDLE_CURTAILED", "SGD_ERROR_CONDITION", "IDLE_HEIGHTENED",
            "IDLE_OPTED_OUT", "RUNNING_OPTED_OUT", "AGGREGATED_REPORT");

    /** Data quality values of the DATA_QUALITY report payload (Definition, Table 6). */
    public static final Set<String> DATA_QUALITY = Set.of("OK", "MISSING", "ESTIMATED", "BAD");

    /** Report payload types (report-payloads.schema.yaml). */
    public static final Map<String, Rule> REPORT = Map.ofEntries(
            Map.entry("READING", NUMBER), Map.entry("USAGE", NON_NEGATIVE), Map.entry("DEMAND", NON_NEGATIVE),
            Map.entry("SETPOINT", ANY), Map.entry("DELTA_USAGE", NUMBER), Map.entry("BASELINE", NUMBER),
            Map.entry("OPERATING_STATE", new Rule(Kind.STRING, 1, 1, null, null, OPERATING_STATES)),
            Map.entry("UP_REGULATION_AVAILABLE", NUMBER), Map.entry("DOWN_REGULATION_AVAILABLE", NUMBER),
            Map.entry("REGULATION_SETPOINT", NUMBER), Map.entry("STORAGE_USABLE_CAPACITY", NUMBER),
            Map.entry("STORAGE_CHARGE_LEVEL", Rule.one(Kind.NUMBER, 0.0, 1.0)),
            Map.entry("STORAGE_MAX_DISCHARGE_POWER", NUMBER), Map.entry("STORAGE_MAX_CHARGE_POWER", NUMBER),
            Map.entry("SIMPLE_LEVEL", Rule.one(Kind.INTEGER, 0.0, 3.0)), Map.entry("USAGE_FORECAST", NUMBER),
            Map.entry("STORAGE_DISPATCH_FORECAST", NUMBER), Map.entry("LOAD_SHED_DELTA_AVAILABLE", NUMBER),
            Map.entry("GENERATION_DELTA_AVAILABLE", NUMBER),
            Map.entry("DATA_QUALITY", new Rule(Kind.STRING, 1, 1, null, null, DATA_QUALITY)),
            Map.entry("IMPORT_RESERVATION_CAPACITY", NUMBER), Map.entry("IMPORT_RESERVATION_FEE", NUMBER),
            Map.entry("EXPORT_RESERVATION_CAPACITY", NUMBER), Map.entry("EXPORT_RESERVATION_FEE", NUMBER));

    /** Reading types of a report payload descriptor (reading-types.schema.yaml). */
    public static final Set<String> READING_TYPES = Set.of("DIRECT_READ", "ESTIMATED", "SUMMED", "MEAN", "PEAK",
            "FORECAST", "AVERAGE", "NORMAL", "ERROR");

    /** Units of payload descriptors (units.schema.yaml). */
    public static final Set<String> UNITS = Set.of("KWH", "THERMS", "GHG", "VOLTS", "AMPS", "CELSIUS", "FAHRENHEIT",
            "PERCENT", "KW", "KVAH", "KVARH", "KVA", "KVAR");

    private PayloadRules() {
    }

    /**
     * Checks {@code payload} against the rule for its type in {@code rules}; each problem goes to
     * {@code problem} as (index suffix such as "[0]" or "", reason). Unknown types pass.
     */
    public static void check(ValuesMap payload, Map<String, Rule> rules, BiConsumer<String, String> problem) {
        Optional.ofNullable(rules.get(payload.type())).ifPresent(rule -> check(payload.type(), payload.values(), rule, problem));
    }

    private static void check(String type, List<Object> values, Rule rule, BiConsumer<String, String> problem) {
        if (values.size() < rule.minItems() || (rule.maxItems() >= 0 && values.size() > rule.maxItems())) {
            problem.accept("", type + " needs " + count(rule) + ", had " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            String why = valueProblem(values.get(i), rule);
            if (why != null) {
                problem.accept("[" + i + "]", why + " (" + type + ")");
            }
        }
    }

    private static String count(Rule rule) {
        if (rule.minItems() == rule.maxItems()) {
            return rule.minItems() == 1 ? "exactly 1 value" : "exactly " + rule.minItems() + " values";
        }
        return rule.maxItems() < 0 ? "at least " + rule.minItems() + " value(s)" : rule.minItems() + ".." + rule.maxItems() + " values";
    }

    private static String valueProblem(Object value, Rule rule) {
        return switch (rule.kind()) {
            case ANY -> null;
            case CURVE -> value instanceof List<?> points && !points.isEmpty() ? null : "must be a non-empty list of points {x, y}";
            case STRING -> {
                if (!(value instanceof String text)) {
                    yield "must be text";
                }
                if (!rule.allowed().isEmpty() && !rule.allowed().contains(text)) {
                    yield "unknown value '" + text + "' (expected one of " + String.join(", ", rule.allowed().stream().sorted().toList()) + ")";
                }
                yield rule.min() != null && text.length() < rule.min() || rule.max() != null && text.length() > rule.max()
                        ? "must be 1..128 characters" : null;
            }
            case INTEGER -> value instanceof Long n ? bounds(n, rule) : "must be a whole number";
            case NUMBER -> value instanceof Number n ? bounds(n.doubleValue(), rule) : "must be a number";
        };
    }

    private static String bounds(double value, Rule rule) {
        if (rule.min() != null && value < rule.min() || rule.max() != null && value > rule.max()) {
            return "must be " + (rule.min() == null ? "" : "at least " + fmt(rule.min()))
                    + (rule.min() != null && rule.max() != null ? " and " : "")
                    + (rule.max() == null ? "" : "at most " + fmt(rule.max())) + ", was " + fmt(value);
        }
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
