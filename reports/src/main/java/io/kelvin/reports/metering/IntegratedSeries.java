package io.kelvin.reports.metering;

import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.StepMean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A meter measured by integrating its GOOD power (kW) or flow (L/min) per store step:
 * {@code amount = factor * sum(mean_i * covered_hours_i)} over steps with GOOD data ({@link EnergyIntegral#of});
 * {@code factor} is 1 for kW to kWh and 60 for L/min to litres.
 */
final class IntegratedSeries implements MeterSeries {

    /** Litres per (L/min x h). */
    static final double LITRES_PER_LPM_HOUR = 60;

    private final List<StepMean> meansPerStep;
    private final Duration step;
    private final double factor;

    IntegratedSeries(List<StepMean> meansPerStep, Duration step, double factor) {
        this.meansPerStep = meansPerStep;
        this.step = step;
        this.factor = factor;
    }

    @Override
    public MeteringMethod method() {
        return MeteringMethod.INTEGRATED;
    }

    @Override
    public Measured between(Instant from, Instant to) {
        EnergyIntegral integral = EnergyIntegral.of(stepsOver(from, to), step, from, to);
        return new Measured(integral.kwh() * factor, integral.covered(), Duration.between(from, to));
    }

    /** The steps that overlap {@code [from, to)}: they are one {@code step} apart from the first. */
    private List<StepMean> stepsOver(Instant from, Instant to) {
        if (meansPerStep.isEmpty()) {
            return meansPerStep;
        }
        long first = meansPerStep.get(0).time().toEpochMilli();
        long stepMs = step.toMillis();
        int start = (int) Math.max(0, Math.floorDiv(from.toEpochMilli() - first, stepMs));
        int end = (int) Math.min(meansPerStep.size(), Math.max(0, Math.ceilDiv(to.toEpochMilli() - first, stepMs)));
        return start >= end ? List.of() : meansPerStep.subList(start, end);
    }

    @Override
    public List<CounterEvent> events() {
        return List.of();
    }
}
