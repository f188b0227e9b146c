package io.kelvin.core.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input over the horizon: a value per slot (the mean over the slot, in the unit its field in
 * {@link HorizonForecast} names), what each slot rests on, and where the input came from. A slot is
 * {@code NaN} exactly when its basis is {@link SlotBasis#MISSING}. Arrays are copied in and out.
 */
public record SlotSeries(double[] values, SlotBasis[] basis, Provenance provenance) {

    public SlotSeries {
        Objects.requireNonNull(provenance, "provenance");
        values = values.clone();
        basis = basis.clone();
        if (values.length != basis.length) {
            throw new IllegalArgumentException(values.length + " values but " + basis.length + " bases");
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(basis[i], "basis");
            if (Double.isNaN(values[i]) != (basis[i] == SlotBasis.MISSING)) {
                throw new IllegalArgumentException("slot " + i + ": NaN exactly when MISSING, was " + values[i]
                        + " " + basis[i]);
            }
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("slot " + i + ": value must be finite");
            }
        }
    }

    /** Every slot {@link SlotBasis#MISSING}. */
    public static SlotSeries missing(int slots, Provenance provenance) {
        double[] v = new double[slots];
        Arrays.fill(v, Double.NaN);
        SlotBasis[] b = new SlotBasis[slots];
        Arrays.fill(b, SlotBasis.MISSING);
        return new SlotSeries(v, b, provenance);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public SlotBasis[] basis() {
        return basis.clone();
    }

    public int slots() {
        return values.length;
    }

    public double value(int slot) {
        return values[slot];
    }

    public SlotBasis basis(int slot) {
        return basis[slot];
    }

    /** Slots whose value is a fallback (stale, last good day, model without data, missing). */
    public int fallbackSlots() {
        return (int) Arrays.stream(basis).filter(SlotBasis::isFallback).count();
    }

    /** True when any slot is a fallback or the source itself is not current. */
    public boolean isFallback() {
        return fallbackSlots() > 0 || provenance.freshness().isFallback();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotSeries s && Arrays.equals(values, s.values) && Arrays.equals(basis, s.basis)
                && provenance.equals(s.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), Arrays.hashCode(basis), provenance);
    }

    @Override
    public String toString() {
        return "SlotSeries[" + values.length + " slots, " + fallbackSlots() + " fallback, " + provenance + "]";
    }
}
