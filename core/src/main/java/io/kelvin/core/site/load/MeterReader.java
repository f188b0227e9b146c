package io.kelvin.core.site.load;

import io.kelvin.core.site.Counter;
import io.kelvin.core.site.CounterUnit;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterReplacement;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PueCategory;
import io.kelvin.core.telemetry.PointId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Reads the {@code meters} of a site file: role, point, PUE category, counter and replacements. */
final class MeterReader {

    private static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final String file;
    private final Problems problems;
    private final List<Device> devices;
    private final ZoneId zone;

    MeterReader(String file, Problems problems, List<Device> devices, ZoneId zone) {
        this.file = file;
        this.problems = problems;
        this.devices = devices;
        this.zone = zone;
    }

    List<Meter> read(List<Node> nodes) {
        List<Meter> meters = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Node node : nodes) {
            node.allowOnly("id", "role", "category", "point", "counter", "replacements");
            String id = node.id("id", METER_ID);
            String earlier = ids.putIfAbsent(id, node.path());
            if (earlier != null && !id.isEmpty()) {
                problems.add(file, node.path() + ".id", "duplicate meter id '" + id + "' (first at " + earlier + ")");
            }
            Optional<MeterRole> role = node.requiredEnum("role", MeterRole.class);
            Optional<PueCategory> category = category(node, role);
            Optional<PointId> point = point(node, "point");
            Optional<Counter> counter = node.optObject("counter").flatMap(c -> counter(c, role));
            List<MeterReplacement> replacements = replacements(node, counter);
            if (role.isPresent() && point.isPresent()) {
                meters.add(new Meter(id, role.get(), category, point.get(), counter, replacements));
            }
        }
        return List.copyOf(meters);
    }

    private Optional<PueCategory> category(Node node, Optional<MeterRole> role) {
        Optional<PueCategory> category = node.optEnum("category", PueCategory.class);
        if (role.orElse(null) == MeterRole.IT_LOAD && category.isEmpty() && !node.has("category")) {
            problems.add(file, node.path() + ".category", "is required for an it_load meter (pue1, pue2 or pue3, ISO/IEC 30134-2)");
        }
        if (role.isPresent() && role.get() != MeterRole.IT_LOAD && node.has("category")) {
            problems.add(file, node.path() + ".category", "only it_load meters have a PUE category");
        }
        return category;
    }

    private Optional<Counter> counter(Node node, Optional<MeterRole> role) {
        node.allowOnly("point", "unit", "rollover", "reversePoint");
        Optional<PointId> point = point(node, "point");
        Optional<PointId> reverse = node.has("reversePoint") ? point(node, "reversePoint") : Optional.empty();
        Optional<CounterUnit> unit = point.flatMap(p -> unit(node, p));
        Optional<Double> rollover = node.optNumber("rollover");
        rollover.filter(r -> r <= 0).ifPresent(r -> node.problem("rollover", "must be above 0"));
        CounterUnit.Quantity wanted = role.orElse(null) == MeterRole.WATER ? CounterUnit.Quantity.WATER
                : CounterUnit.Quantity.ENERGY;
        unit.filter(u -> role.isPresent() && u.quantity() != wanted).ifPresent(u -> node.problem("unit",
                "a " + role.get().name().toLowerCase(Locale.ROOT) + " meter counts "
                        + wanted.name().toLowerCase(Locale.ROOT) + ", not " + u.name().toLowerCase(Locale.ROOT)));
        if (point.isEmpty() || unit.isEmpty() || (node.has("reversePoint") && reverse.isEmpty())) {
            return Optional.empty();
        }
        OptionalDouble wrap = rollover.filter(r -> r > 0).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return Optional.of(new Counter(point.get(), unit.get(), wrap, reverse));
    }

    /** The counter's unit: as written, else the profile's unit of its point; both must agree. */
    private Optional<CounterUnit> unit(Node node, PointId point) {
        PointDef def = pointDef(point).orElseThrow();
        Optional<CounterUnit> profileUnit = unitNamed(def.unit());
        Optional<CounterUnit> written = node.optEnum("unit", CounterUnit.class);
        if (written.isPresent() && profileUnit.isPresent() && written.get() != profileUnit.get()) {
            node.problem("unit", "'" + written.get().name().toLowerCase(Locale.ROOT) + "' differs from the unit of "
                    + point + " in its profile (" + def.unit() + ")");
            return Optional.empty();
        }
        if (written.isEmpty() && profileUnit.isEmpty() && !node.has("unit")) {
            node.problem("unit", "is required: the profile gives " + point + " the unit '" + def.unit()
                    + "' (expected one of wh, kwh, mwh, l, m3)");
        }
        return written.or(() -> profileUnit);
    }

    private static Optional<CounterUnit> unitNamed(String unit) {
        for (CounterUnit candidate : CounterUnit.values()) {
            if (candidate.name().equalsIgnoreCase(unit.trim())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private List<MeterReplacement> replacements(Node node, Optional<Counter> counter) {
        if (!node.has("replacements")) {
            return List.of();
        }
        if (!node.has("counter")) {
            node.problem("replacements", "only a meter with a counter has replacements");
            return List.of();
        }
        List<MeterReplacement> out = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (Node item : node.list("replacements")) {
            item.allowOnly("at", "oldFinal", "newFirst", "reverse");
            Optional<Instant> at = TimeFields.instant(item, "at", zone);
            MeterReplacement.Readings readings = readings(item, counter);
            Optional<MeterReplacement.Readings> reverse = reverse(item, counter);
            if (at.isPresent() && !at.get().isAfter(previous)) {
                item.problem("at", "must be after the replacement before it");
            }
            if (at.isPresent()) {
                previous = at.get();
                out.add(new MeterReplacement(at.get(), readings, reverse));
            }
        }
        return List.copyOf(out);
    }

    private Optional<MeterReplacement.Readings> reverse(Node item, Optional<Counter> counter) {
        boolean wanted = counter.map(c -> c.reversePoint().isPresent()).orElse(false);
        if (wanted && !item.has("reverse")) {
            item.problem("reverse", "is required: the counter has a reversePoint (give its oldFinal and newFirst)");
        }
        if (!wanted && item.has("reverse")) {
            item.problem("reverse", "only a counter with a reversePoint has reverse readings");
        }
        return item.optObject("reverse").map(r -> {
            r.allowOnly("oldFinal", "newFirst");
            return readings(r, counter);
        });
    }

    private MeterReplacement.Readings readings(Node node, Optional<Counter> counter) {
        double max = counter.flatMap(c -> c.rollover().isPresent()
                ? Optional.of(c.rollover().getAsDouble()) : Optional.<Double>empty()).orElse(Double.MAX_VALUE);
        return new MeterReplacement.Readings(node.number("oldFinal", 0, max), node.number("newFirst", 0, max));
    }

    private Optional<PointId> point(Node node, String field) {
        String text = node.text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String path = node.path() + "." + field;
        PointId point;
        try {
            point = PointId.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(file, path, e.getMessage());
            return Optional.empty();
        }
        Optional<Device> device = devices.stream().filter(d -> d.id().equals(point.device())).findFirst();
        if (device.isEmpty()) {
            problems.add(file, path, "no device '" + point.device() + "' in this site");
            return Optional.empty();
        }
        Optional<PointDef> def = pointDef(point);
        if (def.isEmpty()) {
            problems.add(file, path, "device '" + point.device() + "' (profile " + device.get().profile().id()
                    + ") has no point '" + point.point() + "'");
            return Optional.empty();
        }
        if (def.get().isText()) {
            problems.add(file, path, "point '" + point.point() + "' is text (device information); a meter needs a number");
            return Optional.empty();
        }
        return Optional.of(point);
    }

    private Optional<PointDef> pointDef(PointId point) {
        return devices.stream().filter(d -> d.id().equals(point.device())).findFirst()
                .flatMap(d -> d.profile().point(point.point()));
    }
}
