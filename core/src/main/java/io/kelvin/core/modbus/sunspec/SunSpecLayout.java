package io.kelvin.core.modbus.sunspec;

import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Places the standard points of the models found on a device at their holding-register addresses.
 * Pure. A point carries its scale-factor register, so the factor is read live in the same request as
 * the value. Unknown models, models shorter than Kelvin's map of them, and a second model giving the
 * same names (e.g. 101 and 103 on one device) are skipped and named in {@code skipped}.
 */
public final class SunSpecLayout {

    /** The points placed, and one line per model left out. */
    public record Placement(List<PointDef> points, List<String> skipped) {
    }

    private SunSpecLayout() {
    }

    public static Placement place(List<ModelHeader> chain) {
        List<PointDef> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ModelHeader header : chain) {
            Optional<SunSpecModels.Model> model = SunSpecModels.model(header.id());
            String where = "model " + header.id() + " at " + header.address();
            if (model.isEmpty()) {
                skipped.add(where + " (L " + header.length() + "): not a model Kelvin maps");
                continue;
            }
            int needed = model.get().points().stream().mapToInt(SunSpecPoint::extent).max().orElse(0) - 2;
            if (header.length() < needed) {
                skipped.add(where + ": length " + header.length() + " is shorter than the " + needed
                        + " registers its points need");
                continue;
            }
            if (model.get().points().stream().anyMatch(p -> names.contains(p.name()))) {
                skipped.add(where + ": its points were already placed by an earlier model");
                continue;
            }
            for (SunSpecPoint point : model.get().points()) {
                names.add(point.name());
                points.add(pointDef(point, header));
            }
        }
        return new Placement(List.copyOf(points), List.copyOf(skipped));
    }

    static PointDef pointDef(SunSpecPoint point, ModelHeader header) {
        int sf = point.scaleFactorOffset() < 0 ? -1 : header.address() + point.scaleFactorOffset();
        Register register = new Register(RegisterType.HOLDING, header.address() + point.offset(), point.dataType(),
                WordOrder.ABCD, point.multiplier(), 0, -1, 0, point.length(), sf);
        return declared(point).at(register);
    }

    /** The point as a profile declares it before discovery: name, unit, range, poll class, no register. */
    public static PointDef declared(SunSpecPoint point) {
        return new PointDef(point.name(), point.unit(), "SunSpec " + point.sunspecName(), Optional.empty(),
                Optional.empty(), point.range(), Optional.empty(), point.pollClass());
    }
}
