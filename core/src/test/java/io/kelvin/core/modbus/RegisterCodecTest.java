package io.kelvin.core.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RegisterCodecTest {

    private static Register reg(DataType type, WordOrder order) {
        return new Register(RegisterType.HOLDING, 0, type, order, 1, 0, -1);
    }

    // 123.456f is 0x42F6E979 (IEEE 754 binary32): bytes A=42 B=F6 C=E9 D=79.
    @ParameterizedTest
    @CsvSource({
        "ABCD, 42F6, E979",
        "CDAB, E979, 42F6",
        "BADC, F642, 79E9",
        "DCBA, 79E9, F642"})
    void float32DecodesInEachWordOrder(WordOrder order, String first, String second) {
        int[] words = {Integer.parseInt(first, 16), Integer.parseInt(second, 16)};
        assertThat(RegisterCodec.decode(reg(DataType.FLOAT32, order), words, 0)).isCloseTo(123.456, within(1e-4));
    }

    // 1.0 as binary64 is 0x3FF0000000000000; CDAB (word-reversed) puts the high word last.
    @Test
    void float64WordSwappedPutsTheMostSignificantWordLast() {
        int[] words = {0x0000, 0x0000, 0x0000, 0x3FF0};
        assertThat(RegisterCodec.decode(reg(DataType.FLOAT64, WordOrder.CDAB), words, 0)).isEqualTo(1.0);
    }

    @Test
    void int16IsSignedAndUint16IsNot() {
        int[] words = {0xFFFE};
        assertThat(RegisterCodec.decode(reg(DataType.INT16, WordOrder.ABCD), words, 0)).isEqualTo(-2);
        assertThat(RegisterCodec.decode(reg(DataType.UINT16, WordOrder.ABCD), words, 0)).isEqualTo(65534);
    }

    @Test
    void int16ByteSwappedSwapsTheTwoBytes() {
        assertThat(RegisterCodec.decode(reg(DataType.INT16, WordOrder.BADC), new int[] {0x0100}, 0)).isEqualTo(1);
    }

    @Test
    void uint32AboveTwoToThe31StaysPositive() {
        int[] words = {0xFFFF, 0xFFFF};
        assertThat(RegisterCodec.decode(reg(DataType.UINT32, WordOrder.ABCD), words, 0)).isEqualTo(4294967295.0);
        assertThat(RegisterCodec.decode(reg(DataType.INT32, WordOrder.ABCD), words, 0)).isEqualTo(-1);
    }

    @Test
    void uint64AboveTwoToThe63StaysPositive() {
        int[] words = {0x8000, 0, 0, 0};
        assertThat(RegisterCodec.decode(reg(DataType.UINT64, WordOrder.ABCD), words, 0)).isEqualTo(0x1.0p63);
    }

    @Test
    void scaleAndOffsetGiveEngineeringUnits() {
        // a tenth-of-a-degree register holding -123 is -12.3 degC; with offset 40: 27.7
        Register tenths = new Register(RegisterType.INPUT, 0, DataType.INT16, WordOrder.ABCD, 0.1, 40, -1);
        assertThat(RegisterCodec.decode(tenths, new int[] {(short) -123 & 0xFFFF}, 0)).isCloseTo(27.7, within(1e-9));
    }

    @Test
    void boolReadsTheNamedBitOfARegister() {
        Register bit3 = new Register(RegisterType.INPUT, 0, DataType.BOOL, WordOrder.ABCD, 1, 0, 3);
        assertThat(RegisterCodec.decode(bit3, new int[] {0b1000}, 0)).isEqualTo(1);
        assertThat(RegisterCodec.decode(bit3, new int[] {0b0111}, 0)).isEqualTo(0);
        assertThat(RegisterCodec.encode(bit3, 1, 0b0001)).containsExactly(0b1001);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, mode = EnumSource.Mode.EXCLUDE, names = "STRING")
    void encodeThenDecodeReturnsTheValueInEveryWordOrder(DataType type) {
        Random random = new Random(42);
        for (WordOrder order : WordOrder.values()) {
            Register register = new Register(RegisterType.HOLDING, 0, type, order, 0.1, -5, type == DataType.BOOL ? 2 : -1);
            for (int i = 0; i < 200; i++) {
                double value = sample(type, random) * 0.1 - 5;
                int[] words = RegisterCodec.encode(register, value, 0);
                assertThat(words).hasSize(type.registers());
                assertThat(java.util.Arrays.stream(words).boxed()).allSatisfy(w -> assertThat(w).isBetween(0, 0xFFFF));
                assertThat(RegisterCodec.decode(register, words, 0)).as("%s %s %s", type, order, value)
                        .isCloseTo(value, within(Math.abs(value) * 1e-6 + 1e-9));
            }
        }
    }

    private static double sample(DataType type, Random random) {
        return switch (type) {
            case INT16 -> random.nextInt(-32768, 32768);
            case UINT16 -> random.nextInt(0, 65536);
            case INT32 -> random.nextInt();
            case UINT32 -> random.nextLong(0, 1L << 32);
            case INT64 -> random.nextLong(-(1L << 52), 1L << 52);
            case UINT64 -> random.nextLong(0, 1L << 52);
            case FLOAT32 -> (float) (random.nextGaussian() * 1e4);
            case FLOAT64 -> random.nextGaussian() * 1e9;
            case BOOL -> random.nextInt(2);
            case STRING -> throw new AssertionError("strings are not numbers");
        };
    }

    @Test
    void encodingAValueThatDoesNotFitTheTypeFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> RegisterCodec.encode(reg(DataType.UINT16, WordOrder.ABCD), 70000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit UINT16");
        assertThatThrownBy(() -> RegisterCodec.encode(reg(DataType.INT16, WordOrder.ABCD), Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- bit fields: the unsigned number in bits bit .. bit + bits - 1 of one word ---

    private static Register field(int bit, int bits) {
        return new Register(RegisterType.HOLDING, 0, DataType.UINT16, WordOrder.ABCD, 1, 0, bit, bits, 1, -1);
    }

    // 0xA5C3 = 1010 0101 1100 0011: bits 4..7 are 1100 = 12, bits 12..15 are 1010 = 10, bits 0..15 the word
    @ParameterizedTest
    @CsvSource({"0, 4, 3", "4, 4, 12", "8, 4, 5", "12, 4, 10", "0, 1, 1", "2, 1, 0", "0, 16, 42435", "15, 1, 1"})
    void aBitFieldReadsItsBitsAsAnUnsignedNumber(int bit, int bits, int expected) {
        assertThat(RegisterCodec.decode(field(bit, bits), new int[] {0xA5C3}, 0)).isEqualTo(expected);
    }

    @Test
    void writingABitFieldKeepsTheOtherBitsOfTheWord() {
        // a 4-bit status code 9 at bits 4..7 of 0xA5C3 gives 0xA593
        assertThat(RegisterCodec.encode(field(4, 4), 9, 0xA5C3)).containsExactly(0xA593);
    }

    @Test
    void aValueTooWideForItsBitFieldIsRefused() {
        assertThatThrownBy(() -> RegisterCodec.encode(field(4, 4), 16, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    // --- strings: two characters a register, first in the high byte (SunSpec "string") ---

    private static Register text(int registers, WordOrder order) {
        return new Register(RegisterType.HOLDING, 0, DataType.STRING, order, 1, 0, -1, 0, registers, -1);
    }

    // "SunS" is 0x5375 0x6E53, the SunSpec marker itself
    @Test
    void stringReadsTwoCharactersPerRegisterHighByteFirst() {
        assertThat(RegisterCodec.decodeText(text(2, WordOrder.ABCD), new int[] {0x5375, 0x6E53}, 0)).isEqualTo("SunS");
    }

    @Test
    void stringStopsAtTheFirstNulAndDropsTrailingSpaces() {
        // "AB C" + "  " + NUL NUL: trailing spaces and NUL padding go, the inner space stays
        int[] words = {0x4142, 0x2043, 0x2020, 0x0000, 0x5A5A};
        assertThat(RegisterCodec.decodeText(text(5, WordOrder.ABCD), words, 0)).isEqualTo("AB C");
    }

    @Test
    void anOddLengthStringEndsInTheHighByteOfItsLastRegister() {
        // "Kelvin1" = 4B 65 6C 76 69 6E 31 00
        int[] words = {0x4B65, 0x6C76, 0x696E, 0x3100};
        assertThat(RegisterCodec.decodeText(text(4, WordOrder.ABCD), words, 0)).isEqualTo("Kelvin1");
    }

    @Test
    void byteSwappedStringPutsTheFirstCharacterInTheLowByte() {
        assertThat(RegisterCodec.decodeText(text(2, WordOrder.BADC), new int[] {0x7553, 0x536E}, 0)).isEqualTo("SunS");
    }

    @Test
    void utf8StringsRoundTripWithinTheirRegisters() {
        // "Wärme" is 6 UTF-8 bytes (ä = C3 A4): 3 registers, padded with NUL to 4
        int[] words = RegisterCodec.encodeText(text(4, WordOrder.ABCD), "Wärme");
        assertThat(words).containsExactly(0x57C3, 0xA472, 0x6D65, 0x0000);
        assertThat(RegisterCodec.decodeText(text(4, WordOrder.ABCD), words, 0)).isEqualTo("Wärme");
    }

    @Test
    void textLongerThanItsRegistersIsRefused() {
        assertThatThrownBy(() -> RegisterCodec.encodeText(text(2, WordOrder.ABCD), "SunSpec"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("7 bytes of text do not fit 2 registers");
    }

    @Test
    void aStringHasNoNumber() {
        assertThatThrownBy(() -> RegisterCodec.decode(text(2, WordOrder.ABCD), new int[] {0, 0}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decodeText");
    }
}
