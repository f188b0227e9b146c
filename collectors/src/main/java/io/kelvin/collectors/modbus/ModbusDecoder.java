package io.kelvin.collectors.modbus;

import io.kelvin.collectors.SampleRules;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the answer to one {@link ReadRequest} into samples: words through {@link RegisterCodec},
 * bits as 0/1. sourceTime = collectedAt = the read time (Modbus carries no device timestamp).
 */
final class ModbusDecoder {

    private ModbusDecoder() {
    }

    static List<Sample> fromWords(String device, ReadRequest request, int[] words, Instant at) {
        List<Sample> samples = new ArrayList<>(request.points().size());
        for (PointDef point : request.points()) {
            Register register = point.register().orElseThrow();
            double value = RegisterCodec.decode(register, words, request.offsetOf(point));
            samples.add(SampleRules.answered(device, point, value, at, at));
        }
        return samples;
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
