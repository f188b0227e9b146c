package io.kelvin.core.dr;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Delivered versus requested curtailment over one interval {@code [start, end)}, all in kW averaged
 * over the interval: {@code baselineKw} what the site would have drawn without the event (by the
 * named method), {@code actualKw} the metered grid import, {@code capKw} the cap asked for (empty when
 * the event set none). Delivered = baseline - actual; requested = baseline - cap (never below 0).
 */
public record Curtailment(Instant start, Instant end, double baselineKw, double actualKw, OptionalDouble capKw) {

    public double deliveredKw() {
        return baselineKw - actualKw;
    }

    public double requestedKw() {
        return capKw.isPresent() ? Math.max(0, baselineKw - capKw.getAsDouble()) : 0;
    }

    /** Delivered over requested (1 = exactly what was asked); empty when nothing was requested. */
    public OptionalDouble performance() {
        double requested = requestedKw();
        return requested > 0 ? OptionalDouble.of(deliveredKw() / requested) : OptionalDouble.empty();
    }

    /** Whether the metered import kept the cap (within {@code toleranceKw}). */
    public boolean capKept(double toleranceKw) {
        return capKw.isEmpty() || actualKw <= capKw.getAsDouble() + toleranceKw;
    }
}
