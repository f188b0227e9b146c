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
    BOOL(1),
    /**
     * Text, two characters (bytes) per register, high byte first; the register count is the
     * register's {@code length}, so {@link #registers()} gives only the minimum (1).
     */
    STRING(1);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    /** Registers one value spans; for {@link #STRING} the minimum, the real count is the register's length. */
    public int registers() {
        return registers;
    }
}
