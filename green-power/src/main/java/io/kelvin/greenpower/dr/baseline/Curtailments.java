package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.dr.Curtailment;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Delivered versus requested curtailment per interval: for each baseline step, the metered load of the
 * same step and the tightest import cap in force over it. A step without a measured load is left out
 * (a gap is never a zero).
 */
public final class Curtailments {

    private Curtailments() {
    }

    public static List<Curtailment> perInterval(Baseline baseline, LoadHistory actual, List<DrSignal.CapLimit> caps) {
        List<Curtailment> out = new ArrayList<>();
        for (TimeValue step : baseline.values()) {
            Instant from = step.time();
            Instant to = from.plus(actual.step());
            OptionalDouble load = actual.at(from);
            if (load.isEmpty() || step.isGap()) {
                continue;
            }
            out.add(new Curtailment(from, to, step.value(), load.getAsDouble(), cap(caps, from, to)));
        }
        return out;
    }

    private static OptionalDouble cap(List<DrSignal.CapLimit> caps, Instant from, Instant to) {
        return caps.stream().filter(c -> c.direction() == DrSignal.Direction.IMPORT)
                .filter(c -> c.start().isBefore(to) && c.end().isAfter(from))
                .mapToDouble(DrSignal.CapLimit::kw).min();
    }
}
