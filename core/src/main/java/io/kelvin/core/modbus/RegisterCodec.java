package io.kelvin.core.modbus;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.WordOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
 *
 * <p>A bit field ({@code bit} >= 0 on a register) is the unsigned number in bits
 * {@code bit .. bit + bits - 1} of one word. Text (STRING) is {@code length} registers of bytes,
 * two per register, first character in the high byte (SunSpec Information Model, "string"), or in
 * the low byte for the byte-swapped orders; read as UTF-8 (ASCII is a subset), cut at the first NUL
 * and with trailing spaces removed.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /** The raw (unscaled) value of {@code register} from {@code words}, starting at {@code offset}. */
    public static double decodeRaw(Register register, int[] words, int offset) {
        DataType type = register.dataType();
        if (register.bit() >= 0) {
            return (words[offset] >> register.bit()) & fieldMask(register);
        }
        if (type == DataType.BOOL) {
            return words[offset] != 0 ? 1 : 0;
        }
        if (type == DataType.STRING) {
            throw new IllegalArgumentException("a string register has no number: use decodeText");
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
            case BOOL, STRING -> throw new AssertionError("handled above");
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
        if (type == DataType.STRING) {
            throw new IllegalArgumentException("a string register takes text: use encodeText");
        }
        if (register.bit() >= 0) {
            long field = type == DataType.BOOL ? (raw != 0 ? 1 : 0) : checked(raw, 0, fieldMask(register), register);
            int mask = fieldMask(register) << register.bit();
            return new int[] {((currentWord & ~mask) | ((int) field << register.bit())) & 0xFFFF};
        }
        if (type == DataType.BOOL) {
            return new int[] {raw != 0 ? 1 : 0};
        }
        long bits = switch (type) {
            case INT16 -> checked(raw, Short.MIN_VALUE, Short.MAX_VALUE, register);
            case UINT16 -> checked(raw, 0, 0xFFFF, register);
            case INT32 -> checked(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, register);
            case UINT32 -> checked(raw, 0, 0xFFFF_FFFFL, register);
            case FLOAT32 -> Float.floatToRawIntBits((float) raw) & 0xFFFF_FFFFL;
            case INT64, UINT64 -> checked(raw, type == DataType.INT64 ? Long.MIN_VALUE : 0, Long.MAX_VALUE, register);
            case FLOAT64 -> Double.doubleToRawLongBits(raw);
            case BOOL, STRING -> throw new AssertionError("handled above");
        };
        return fromBigEndian(bits, type.registers(), register.wordOrder());
    }

    /** The text of a STRING register from {@code words}, starting at {@code offset}. */
    public static String decodeText(Register register, int[] words, int offset) {
        byte[] bytes = new byte[2 * register.length()];
        boolean swapped = register.wordOrder().bytesSwapped();
        for (int i = 0; i < register.length(); i++) {
            int word = words[offset + i] & 0xFFFF;
            bytes[2 * i] = (byte) (swapped ? word : word >> 8);
            bytes[2 * i + 1] = (byte) (swapped ? word >> 8 : word);
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8).stripTrailing();
    }

    /**
     * The words that carry {@code text} in a STRING register, NUL-padded to its length.
     *
     * @throws IllegalArgumentException when the text's UTF-8 bytes do not fit, or it holds a NUL
     */
    public static int[] encodeText(Register register, String text) {
        byte[] bytes;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid Unicode: " + e.getMessage(), e);
        }
        if (bytes.length > 2 * register.length() || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(bytes.length + " bytes of text do not fit " + register.length()
                    + " registers" + (text.indexOf('\0') >= 0 ? " (or hold a NUL)" : ""));
        }
        int[] words = new int[register.length()];
        boolean swapped = register.wordOrder().bytesSwapped();
        for (int i = 0; i < words.length; i++) {
            int first = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int second = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words[i] = swapped ? (second << 8) | first : (first << 8) | second;
        }
        return words;
    }

    private static int fieldMask(Register register) {
        return (1 << register.bits()) - 1;
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
