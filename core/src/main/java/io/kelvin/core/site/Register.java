package io.kelvin.core.site;

/**
 * Where a point lives in a Modbus device and how to decode it: engineering value =
 * raw x {@code scale} x 10^sf + {@code offset}. {@code address} is the 0-based protocol address (the
 * PDU address, what goes on the wire).
 *
 * <p>{@code bit} and {@code bits} select a field of one 16-bit register (INPUT/HOLDING): the
 * {@code bits} bits from bit {@code bit} upwards (bit 0 = least significant), read as an unsigned
 * number; a BOOL of a register is a field of width 1. Without a field, {@code bit} is -1 and
 * {@code bits} 0. {@code length} is the number of registers the value spans: the data type's size,
 * or for STRING the register count given in the profile. {@code scaleFactorAddress} is the address
 * of a SunSpec-style scale-factor register (an int16 power of ten, read in the same request as the
 * value), or -1 for none (sf = 0).
 */
public record Register(RegisterType type, int address, DataType dataType, WordOrder wordOrder,
                       double scale, double offset, int bit, int bits, int length, int scaleFactorAddress) {

    public Register {
        if (dataType != DataType.STRING) {
            length = dataType.registers();
        }
        if (bit < 0) {
            bits = 0;
        } else if (dataType == DataType.BOOL || bits <= 0) {
            bits = 1;
        }
    }

    /** A register without a bit field width beyond one bit, string length or scale-factor register. */
    public Register(RegisterType type, int address, DataType dataType, WordOrder wordOrder,
                    double scale, double offset, int bit) {
        this(type, address, dataType, wordOrder, scale, offset, bit, bit >= 0 ? 1 : 0, dataType.registers(), -1);
    }

    /** Registers (or bits, in the bit tables) the value occupies. */
    public int count() {
        return type.isBit() ? 1 : length;
    }

    /** Whether this selects a field of bits inside one register. */
    public boolean isBitField() {
        return bit >= 0 && !type.isBit();
    }

    public boolean isText() {
        return dataType == DataType.STRING;
    }

    public boolean hasScaleFactor() {
        return scaleFactorAddress >= 0;
    }

    /** The first and one past the last address a read must cover: the value and its scale-factor register. */
    public int spanStart() {
        return hasScaleFactor() ? Math.min(address, scaleFactorAddress) : address;
    }

    public int spanEnd() {
        return hasScaleFactor() ? Math.max(address + count(), scaleFactorAddress + 1) : address + count();
    }

    public double toEngineering(double raw) {
        return raw * scale + offset;
    }

    public double toRaw(double engineering) {
        return (engineering - offset) / scale;
    }
}
