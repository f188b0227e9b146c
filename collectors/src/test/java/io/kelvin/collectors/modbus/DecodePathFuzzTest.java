package io.kelvin.collectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test of the path every Modbus answer takes ({@link ModbusDecoder#fromWords}: RegisterCodec,
 * then SampleRules): whatever 16-bit words a device sends, decoding never throws, the value equals an
 * independent reference decode, NaN, infinite and out-of-range values are OUT_OF_RANGE, and finite
 * in-range values are GOOD.
 */
class DecodePathFuzzTest {

    private static final long SEED = 20260301L;
    private static final int CASES_PER_COMBINATION = 100; // 9 types x 4 orders x 100 = 3,600 cases
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final int[] SPECIAL_WORDS = {0x0000, 0xFFFF, 0x8000, 0x7FFF, 0x0001, 0x7FC0, 0x7F80, 0xFF80,
        0x7FF8, 0x7FF0, 0xFFF0, 0x7FBF, 0x0080};
    /** Big-endian bit patterns that matter for floats: quiet/signalling NaN, +-Inf, extremes, -0, subnormal. */
    private static final long[] SPECIAL_64 = {0x7FF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L, 0x7FF0_0000_0000_0000L,
        0xFFF0_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL, 0x8000_0000_0000_0000L, 0x0000_0000_0000_0001L, -1L, 0L};
    private static final int[] SPECIAL_32 = {0x7FC0_0000, 0x7F80_0001, 0x7F80_0000, 0xFF80_0000, 0x7F7F_FFFF,
        0x8000_0000, 0x0000_0001, -1, 0};
    private static final double[] SCALES = {1, 0.1, 10, -1, 1e-3};
    private static final double[] OFFSETS = {0, -40, 273.15};

    @Test
    void anyWordsDecodeWithoutThrowingAndNonFiniteOrOutOfRangeValuesAreNeverGood() {
        Random random = new Random(SEED);
        Map<Quality, Integer> seen = new EnumMap<>(Quality.class);
        int nonFinite = 0;
        // text (STRING) never becomes a sample: RegisterCodecTest covers it
        for (DataType type : java.util.EnumSet.complementOf(java.util.EnumSet.of(DataType.STRING))) {
            for (WordOrder order : WordOrder.values()) {
                for (int i = 0; i < CASES_PER_COMBINATION; i++) {
                    Sample sample = oneCase(random, type, order);
                    seen.merge(sample.quality(), 1, Integer::sum);
                    nonFinite += Double.isFinite(sample.value()) ? 0 : 1;
                }
            }
        }
        // the generator must reach every branch the property speaks of
        assertThat(seen.getOrDefault(Quality.GOOD, 0)).isGreaterThan(500);
        assertThat(seen.getOrDefault(Quality.OUT_OF_RANGE, 0)).isGreaterThan(500);
        assertThat(nonFinite).isGreaterThan(100);
    }

    private static Sample oneCase(Random random, DataType type, WordOrder order) {
        int size = type.registers();
        int offset = random.nextInt(4);
        int[] words = new int[offset + size + random.nextInt(3)];
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextInt(0x10000);
        }
        System.arraycopy(valueWords(random, size, order), 0, words, offset, size);
        int bit = type == DataType.BOOL ? random.nextInt(17) - 1 : -1;
        double scale = SCALES[random.nextInt(SCALES.length)];
        double shift = OFFSETS[random.nextInt(OFFSETS.length)];
        Register register = new Register(RegisterType.HOLDING, 100 + offset, type, order, scale, shift, bit);
        ValueRange range = randomRange(random);
        PointDef point = new PointDef("p", "1", "", Optional.of(register), Optional.empty(), range, Optional.empty(),
                PollClass.FAST);
        ReadRequest request = new ReadRequest(RegisterType.HOLDING, PollClass.FAST.interval(), 100, words.length, List.of(point));

        Sample sample = ModbusDecoder.fromWords("dev", request, words, AT).getFirst();

        double expected = referenceRaw(type, order, bit, words, offset) * scale + shift;
        String what = type + "/" + order + " words " + hex(words, offset, size) + " x" + scale + "+" + shift;
        if (Double.isNaN(expected)) {
            assertThat(sample.value()).as(what).isNaN();
        } else if (type == DataType.UINT64) {
            // the codec adds 2^63 in double precision: may differ from exact rounding by one ulp
            assertThat(sample.value()).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(4 * Math.ulp(expected)));
        } else {
            assertThat(sample.value()).as(what).isEqualTo(expected);
        }
        boolean good = Double.isFinite(expected) && expected >= range.min() && expected <= range.max();
        assertThat(sample.quality()).as(what + " in " + range).isEqualTo(good ? Quality.GOOD : Quality.OUT_OF_RANGE);
        return sample;
    }

    /** Words on the wire for a value: random, special words, or a special float pattern laid out in {@code order}. */
    private static int[] valueWords(Random random, int size, WordOrder order) {
        int[] words = new int[size];
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0; i < size; i++) {
                    words[i] = random.nextInt(0x10000);
                }
            }
            case 1 -> {
                for (int i = 0; i < size; i++) {
                    words[i] = SPECIAL_WORDS[random.nextInt(SPECIAL_WORDS.length)];
                }
            }
            default -> {
                ByteBuffer bigEndian = ByteBuffer.allocate(2 * size);
                if (size == 4) {
                    bigEndian.putLong(SPECIAL_64[random.nextInt(SPECIAL_64.length)]);
                } else if (size == 2) {
                    bigEndian.putInt(SPECIAL_32[random.nextInt(SPECIAL_32.length)]);
                } else {
                    bigEndian.putShort((short) SPECIAL_WORDS[random.nextInt(SPECIAL_WORDS.length)]);
                }
                byte[] wire = toWire(bigEndian.array(), order);
                for (int i = 0; i < size; i++) {
                    words[i] = ((wire[2 * i] & 0xFF) << 8) | (wire[2 * i + 1] & 0xFF);
                }
            }
        }
        return words;
    }

    /**
     * Reference decode written from the WordOrder definition (bytes A B C D of the big-endian value)
     * with {@link ByteBuffer}, independent of RegisterCodec's shifting.
     */
    private static double referenceRaw(DataType type, WordOrder order, int bit, int[] words, int offset) {
        if (type == DataType.BOOL) {
            int word = words[offset];
            return bit >= 0 ? (word >> bit) & 1 : (word != 0 ? 1 : 0);
        }
        byte[] wire = new byte[2 * type.registers()];
        for (int i = 0; i < type.registers(); i++) {
            wire[2 * i] = (byte) (words[offset + i] >> 8);
            wire[2 * i + 1] = (byte) words[offset + i];
        }
        ByteBuffer value = ByteBuffer.wrap(toWire(wire, order)); // every order is its own inverse
        return switch (type) {
            case INT16 -> value.getShort();
            case UINT16 -> value.getShort() & 0xFFFF;
            case INT32 -> value.getInt();
            case UINT32 -> Integer.toUnsignedLong(value.getInt());
            case FLOAT32 -> value.getFloat();
            case INT64 -> value.getLong();
            case UINT64 -> new BigInteger(1, value.array()).doubleValue();
            case FLOAT64 -> value.getDouble();
            case BOOL, STRING -> throw new AssertionError("handled above");
        };
    }

    /** ABCD as is; BADC swaps bytes in each word; CDAB reverses the words; DCBA reverses every byte. */
    private static byte[] toWire(byte[] bigEndian, WordOrder order) {
        int n = bigEndian.length;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int word = i / 2;
            int inWord = i % 2;
            int fromWord = order.wordsSwapped() ? n / 2 - 1 - word : word;
            int fromByte = order.bytesSwapped() ? 1 - inWord : inWord;
            out[i] = bigEndian[2 * fromWord + fromByte];
        }
        return out;
    }

    private static ValueRange randomRange(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new ValueRange(-1e300, 1e300);
            case 1 -> new ValueRange(0, 100);
            default -> new ValueRange(-40_000, 70_000);
        };
    }

    private static String hex(int[] words, int offset, int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            text.append(String.format("%04X ", words[offset + i]));
        }
        return text.toString().strip();
    }

    // A malformed or hostile device can put anything in a string or a scale-factor register: decoding
    // must never throw, and a value whose scale factor is out of range or "not implemented" is never GOOD.
    @Test
    void anyWordsInStringsAndScaleFactorRegistersDecodeWithoutThrowing() {
        Random random = new Random(SEED + 1);
        Register text = new Register(RegisterType.HOLDING, 100, DataType.STRING, WordOrder.ABCD, 1, 0, -1, 0, 8, -1);
        Register scaled = new Register(RegisterType.HOLDING, 100, DataType.INT16, WordOrder.ABCD, 0.001, 0, -1, 0, 1, 101);
        PointDef textPoint = new PointDef("t", "text", "", Optional.of(text), Optional.empty(), new ValueRange(-1e300, 1e300), Optional.empty(),
                PollClass.FAST);
        PointDef scaledPoint = new PointDef("w", "kW", "", Optional.of(scaled), Optional.empty(), new ValueRange(-1e300, 1e300),
                Optional.empty(), PollClass.FAST);
        for (int i = 0; i < 2000; i++) {
            int[] words = new int[8];
            for (int w = 0; w < words.length; w++) {
                words[w] = i % 10 == 0 ? 0xFFFF : random.nextInt(0x10000);
            }
            Map<String, String> info = new java.util.HashMap<>();
            ModbusDecoder.fromWords("dev", new ReadRequest(RegisterType.HOLDING, PollClass.FAST.interval(), 100, 8,
                    List.of(textPoint)), words, AT, info);
            assertThat(info.get("t")).hasSizeLessThanOrEqualTo(16).doesNotEndWith(" ");
            Sample sample = ModbusDecoder.fromWords("dev", new ReadRequest(RegisterType.HOLDING, PollClass.FAST.interval(),
                    100, 2, List.of(scaledPoint)), words, AT).getFirst();
            int sf = (short) words[1];
            boolean usable = sf != Short.MIN_VALUE && Math.abs(sf) <= 10 && (short) words[0] != Short.MIN_VALUE;
            assertThat(sample.quality()).as("words %04X %04X", words[0], words[1])
                    .isEqualTo(usable ? Quality.GOOD : Quality.OUT_OF_RANGE);
        }
    }
}
