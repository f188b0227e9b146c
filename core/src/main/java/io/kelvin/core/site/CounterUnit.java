package io.kelvin.core.site;

/**
 * The unit a counter register counts in, and its factor to Kelvin's base unit for that quantity:
 * kWh for energy, litres for water.
 */
public enum CounterUnit {
    WH(Quantity.ENERGY, 0.001),
    KWH(Quantity.ENERGY, 1),
    MWH(Quantity.ENERGY, 1000),
    L(Quantity.WATER, 1),
    M3(Quantity.WATER, 1000);

    /** What a counter measures: energy (base kWh) or water volume (base litres). */
    public enum Quantity { ENERGY, WATER }

    private final Quantity quantity;
    private final double toBase;

    CounterUnit(Quantity quantity, double toBase) {
        this.quantity = quantity;
        this.toBase = toBase;
    }

    public Quantity quantity() {
        return quantity;
    }

    /** A reading or difference in this unit, in kWh (energy) or litres (water). */
    public double toBase(double amount) {
        return amount * toBase;
    }
}
