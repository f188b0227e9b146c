package io.kelvin.core.site;

/** Register data types and how many 16-bit registers each spans. */
public enum DataType {
    INT16(1),
    UINT16(1),
    INT32(2),
    UINT32(2),
    FLOAT32(2),
    INT64(4),
    UINT64(4),
    FLOAT64(4),
    /** One bit of a coil or discrete input, or bit {@code bit} of a register. */
    BOOL(1);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    public int registers() {
        return registers;
    }
}
