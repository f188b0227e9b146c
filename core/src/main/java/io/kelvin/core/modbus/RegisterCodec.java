package io.kelvin.core.modbus;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.WordOrder;

/**
 * Encodes and decodes register values as they travel on the Modbus wire: 16-bit words in register
 * order, each an unsigned int 0..65535. Pure functions, shared by the collectors (decode) and the
 * simulator (encode).
 *
 * <p>Word orders are defined on the big-endian bytes of the value (A = most significant byte):
 * {@link WordOrder#ABCD} sends them as they are; {@link WordOrder#CDAB} reverses the order of the
 * 16-bit words (for 64-bit values: all four, i.e. little-endian word order); {@link WordOrder#BADC}
 * swaps the two bytes of each word; {@link WordOrder#DCBA} does both (fully little-endian).
 * For 16-bit types only the byte swap matters.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /** The raw (unscaled) value of {@code register} from {@code words}, starting at {@code offset}. */
    public static double decodeRaw(Register register, int[] words, int offset) {
        DataType type = register.dataType();
        if (type == DataType.BOOL) {
            int word = words[offset];
            return register.bit() >= 0 ? (word >> register.bit()) & 1 : (word != 0 ? 1 : 0);
        }
        long bits = toBigEndian(words, offset, type.registers(), register.wordOrder());
        return switch (type) {
            case INT16 -> (short) bits;
            case UINT16 -> bits & 0xFFFFL;
            case INT32 -> (int) bits;
            case UINT32 -> bits & 0xFFFF_FFFFL;
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case INT64 -> bits;
            case UINT64 -> unsigned64(bits);
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case BOOL -> throw new AssertionError("handled above");
        };
    }

    /** The engineering value: raw x scale + offset. NaN and infinities pass through for the caller to judge. */
    public static double decode(Register register, int[] words, int offset) {
        return register.toEngineering(decodeRaw(register, words, offset));
    }

    /**
     * The words that carry {@code engineering} for {@code register}. Integer types are rounded to the
     * nearest raw step. For a BOOL bit of a register, {@code currentWord} supplies the other bits.
     *
     * @throws IllegalArgumentException when the value does not fit the data type
     */
    public static int[] encode(Register register, double engineering, int currentWord) {
        double raw = register.toRaw(engineering);
        DataType type = register.dataType();
        if (type == DataType.BOOL) {
            boolean on = raw != 0;
            if (register.bit() < 0) {
                return new int[] {on ? 1 : 0};
            }
            int mask = 1 << register.bit();
            return new int[] {on ? (currentWord | mask) : (currentWord & ~mask) & 0xFFFF};
        }
        long bits = switch (type) {
            case INT16 -> checked(raw, Short.MIN_VALUE, Short.MAX_VALUE, register);
            case UINT16 -> checked(raw, 0, 0xFFFF, register);
            case INT32 -> checked(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, register);
            case UINT32 -> checked(raw, 0, 0xFFFF_FFFFL, register);
            case FLOAT32 -> Float.floatToRawIntBits((float) raw) & 0xFFFF_FFFFL;
            case INT64, UINT64 -> checked(raw, type == DataType.INT64 ? Long.MIN_VALUE : 0, Long.MAX_VALUE, register);
            case FLOAT64 -> Double.doubleToRawLongBits(raw);
            case BOOL -> throw new AssertionError("handled above");
        };
        return fromBigEndian(bits, type.registers(), register.wordOrder());
    }

    private static long checked(double raw, long min, long max, Register register) {
        if (Double.isNaN(raw) || Double.isInfinite(raw)) {
            throw new IllegalArgumentException(register.dataType() + " cannot carry " + raw);
        }
        double rounded = Math.rint(raw);
        if (rounded < min || rounded > max) {
            throw new IllegalArgumentException("raw value " + rounded + " does not fit " + register.dataType());
        }
        return (long) rounded;
    }

    private static long toBigEndian(int[] words, int offset, int count, WordOrder order) {
        long bits = 0;
        for (int i = 0; i < count; i++) {
            int word = words[offset + (order.wordsSwapped() ? count - 1 - i : i)] & 0xFFFF;
            bits = (bits << 16) | (order.bytesSwapped() ? swapBytes(word) : word);
        }
        return bits;
    }

    private static int[] fromBigEndian(long bits, int count, WordOrder order) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            int word = (int) (bits >>> (16 * (count - 1 - i))) & 0xFFFF;
            words[order.wordsSwapped() ? count - 1 - i : i] = order.bytesSwapped() ? swapBytes(word) : word;
        }
        return words;
    }

    private static int swapBytes(int word) {
        return ((word & 0xFF) << 8) | ((word >> 8) & 0xFF);
    }

    private static double unsigned64(long bits) {
        double value = (double) (bits & Long.MAX_VALUE);
        return bits < 0 ? value + 0x1.0p63 : value;
    }
}
