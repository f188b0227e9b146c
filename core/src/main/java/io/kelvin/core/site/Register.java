package io.kelvin.core.site;

/**
 * Where a point lives in a Modbus device and how to decode it: engineering value =
 * raw x {@code scale} + {@code offset}. {@code address} is the 0-based protocol address (the PDU
 * address, what goes on the wire). {@code bit} selects one bit of a 16-bit register for BOOL
 * points on INPUT/HOLDING registers, else -1.
 */
public record Register(RegisterType type, int address, DataType dataType, WordOrder wordOrder,
                       double scale, double offset, int bit) {

    public int count() {
        return type.isBit() ? 1 : dataType.registers();
    }

    public double toEngineering(double raw) {
        return raw * scale + offset;
    }

    public double toRaw(double engineering) {
        return (engineering - offset) / scale;
    }
}
