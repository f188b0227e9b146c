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
    @EnumSource(DataType.class)
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
        };
    }

    @Test
    void encodingAValueThatDoesNotFitTheTypeFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> RegisterCodec.encode(reg(DataType.UINT16, WordOrder.ABCD), 70000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit UINT16");
        assertThatThrownBy(() -> RegisterCodec.encode(reg(DataType.INT16, WordOrder.ABCD), Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
