package io.kelvin.reports.metering;

import io.kelvin.core.site.Counter;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One meter read from the store for a report period: its quantity over the period or any span in
 * it, in kWh (energy) or litres (water), positive in the direction its role names. A meter with a
 * counter is measured from the counter (net of its reverse register); without one, or when the
 * counter has no pair of GOOD readings in the period, from its integrated power or flow, and
 * {@link #fallbackReason()} says why.
 */
public final class MeterAccount {

    private final Meter meter;
    private final MeterSeries forward;
    private final Optional<MeterSeries> reverse;
    private final Optional<String> fallbackReason;

    private MeterAccount(Meter meter, MeterSeries forward, Optional<MeterSeries> reverse, Optional<String> fallbackReason) {
        this.meter = meter;
        this.forward = forward;
        this.reverse = reverse;
        this.fallbackReason = fallbackReason;
    }

    /** Reads the meter's data for {@code [from, to)} on steps of {@link EnergyIntegral#stepFor}. */
    public static MeterAccount read(TelemetryStore store, Meter meter, Instant from, Instant to) {
        Duration step = EnergyIntegral.stepFor(from, to);
        if (meter.counter().isPresent()) {
            Counter counter = meter.counter().get();
            MeterSeries forward = counter(store, counter.point(), counter, meter, false, step, from, to);
            Optional<MeterSeries> reverse = counter.reversePoint()
                    .map(p -> counter(store, p, counter, meter, true, step, from, to));
            if (hasData(forward, from, to) && reverse.map(r -> hasData(r, from, to)).orElse(true)) {
                return new MeterAccount(meter, forward, reverse, Optional.empty());
            }
            return new MeterAccount(meter, integrated(store, meter, step, from, to), Optional.empty(),
                    Optional.of("counter " + counter.point() + " has no two GOOD readings in the period"));
        }
        return new MeterAccount(meter, integrated(store, meter, step, from, to), Optional.empty(), Optional.empty());
    }

    private static MeterSeries counter(TelemetryStore store, PointId point, Counter counter, Meter meter, boolean reverse,
            Duration step, Instant from, Instant to) {
        return new CounterSeries(store.goodReadings(point, from.minus(step), to, step), step, counter.rollover(),
                meter.replacements(), reverse, counter.unit().toBase(1), from, to);
    }

    private static MeterSeries integrated(TelemetryStore store, Meter meter, Duration step, Instant from, Instant to) {
        double factor = meter.role() == MeterRole.WATER ? IntegratedSeries.LITRES_PER_LPM_HOUR : 1;
        return new IntegratedSeries(store.goodMeans(meter.point(), from, to, step), step, factor);
    }

    private static boolean hasData(MeterSeries series, Instant from, Instant to) {
        return series.between(from, to).covered().isPositive();
    }

    public Meter meter() {
        return meter;
    }

    public MeteringMethod method() {
        return forward.method();
    }

    /** Why a meter with a counter was integrated instead; empty when it was read as declared. */
    public Optional<String> fallbackReason() {
        return fallbackReason;
    }

    /**
     * The meter's quantity over {@code [from, to)}: the forward register minus the reverse one, covered
     * where both are.
     */
    public Measured over(Instant from, Instant to) {
        Measured main = forward.between(from, to);
        if (reverse.isEmpty()) {
            return main;
        }
        Measured back = reverse.get().between(from, to);
        Duration covered = main.covered().compareTo(back.covered()) <= 0 ? main.covered() : back.covered();
        return new Measured(main.amount() - back.amount(), covered, main.span());
    }

    /** The reverse register's quantity (export on a grid meter), when the counter has one. */
    public Optional<Measured> reverseOver(Instant from, Instant to) {
        return reverse.map(r -> r.between(from, to));
    }

    /** Rollovers, replacements and unexplained falls over the period, forward register first. */
    public List<CounterEvent> events() {
        List<CounterEvent> all = new ArrayList<>(forward.events());
        reverse.ifPresent(r -> all.addAll(r.events()));
        return List.copyOf(all);
    }
}
