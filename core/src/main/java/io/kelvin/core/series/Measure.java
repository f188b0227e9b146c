package io.kelvin.core.series;

/**
 * What a series measures, and the canonical unit every value of that kind is converted to on reading:
 * carbon intensity in gCO2/kWh, price in currency units per kWh, power in kW, temperature in degrees
 * Celsius, speed in m/s, fraction as 0..1.
 */
public enum Measure {
    CARBON_INTENSITY("gCO2/kWh"),
    PRICE("per kWh"),
    POWER("kW"),
    TEMPERATURE("C"),
    SPEED("m/s"),
    FRACTION("0..1");

    private final String canonicalUnit;

    Measure(String canonicalUnit) {
        this.canonicalUnit = canonicalUnit;
    }

    public String canonicalUnit() {
        return canonicalUnit;
    }
}
