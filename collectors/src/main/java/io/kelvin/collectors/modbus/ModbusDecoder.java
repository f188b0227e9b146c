package io.kelvin.collectors.modbus;

import io.kelvin.collectors.SampleRules;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the answer to one {@link ReadRequest} into samples: words through {@link RegisterCodec},
 * bits as 0/1. sourceTime = collectedAt = the read time (Modbus carries no device timestamp).
 *
 * <p>A point with a scale-factor register (SunSpec "sunssf", an int16 power of ten read in the same
 * request) is raw x 10^sf x scale + offset. A factor of 0x8000 ("not implemented") or outside
 * -10..10, and a value equal to SunSpec's "not implemented" pattern of its type (int16 0x8000,
 * uint16 0xFFFF, uint32 0xFFFFFFFF), give NaN, so the sample is OUT_OF_RANGE rather than a made-up
 * number. Text points give no sample; their text goes to {@code info}.
 */
final class ModbusDecoder {

    private static final int SF_LIMIT = 10;

    private ModbusDecoder() {
    }

    static List<Sample> fromWords(String device, ReadRequest request, int[] words, Instant at, Map<String, String> info) {
        List<Sample> samples = new ArrayList<>(request.points().size());
        for (PointDef point : request.points()) {
            Register register = point.register().orElseThrow();
            if (register.isText()) {
                info.put(point.name(), RegisterCodec.decodeText(register, words, request.offsetOf(point)));
                continue;
            }
            double value = register.hasScaleFactor()
                    ? scaled(register, words, request.offsetOf(point), request.scaleFactorOffsetOf(point))
                    : RegisterCodec.decode(register, words, request.offsetOf(point));
            samples.add(SampleRules.answered(device, point, value, at, at));
        }
        return samples;
    }

    static List<Sample> fromWords(String device, ReadRequest request, int[] words, Instant at) {
        return fromWords(device, request, words, at, new HashMap<>());
    }

    private static double scaled(Register register, int[] words, int offset, int sfOffset) {
        int sf = (short) words[sfOffset];
        double raw = RegisterCodec.decodeRaw(register, words, offset);
        if (sf == Short.MIN_VALUE || Math.abs(sf) > SF_LIMIT || notImplemented(register.dataType(), raw)) {
            return Double.NaN;
        }
        return register.toEngineering(raw * Math.pow(10, sf));
    }

    private static boolean notImplemented(DataType type, double raw) {
        return switch (type) {
            case INT16 -> raw == Short.MIN_VALUE;
            case UINT16 -> raw == 0xFFFF;
            case UINT32 -> raw == 0xFFFF_FFFFL;
            default -> false;
        };
    }

    static List<Sample> fromBits(String device, ReadRequest request, boolean[] bits, Instant at) {
        List<Sample> samples = new ArrayList<>(request.points().size());
        for (PointDef point : request.points()) {
            Register register = point.register().orElseThrow();
            double raw = bits[request.offsetOf(point)] ? 1 : 0;
            samples.add(SampleRules.answered(device, point, register.toEngineering(raw), at, at));
        }
        return samples;
    }
}
