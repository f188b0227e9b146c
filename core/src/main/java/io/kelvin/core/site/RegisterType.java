package io.kelvin.core.site;

/** Modbus data tables (Modbus Application Protocol v1.1b3, clause 4.3). */
public enum RegisterType {
    COIL,
    DISCRETE_INPUT,
    INPUT,
    HOLDING;

    public boolean isBit() {
        return this == COIL || this == DISCRETE_INPUT;
    }

    public boolean isWritable() {
        return this == COIL || this == HOLDING;
    }
}
