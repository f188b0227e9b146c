package io.kelvin.collectors.opcua;

import io.kelvin.collectors.SampleRules;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * OPC UA values as Kelvin samples. Quality: status Good then the sane-range check (GOOD or
 * OUT_OF_RANGE); Uncertain gives UNCERTAIN and Bad gives BAD (OPC UA Part 4, 7.39), value kept.
 * sourceTime = the DataValue's source timestamp, else its server timestamp, else the collector clock.
 * (An unchanged value re-read after an outage keeps its old source time; the snapshot lets it replace
 * the COMM_FAILED marker because it was collected later, see LatestValues.)
 */
final class OpcUaValues {

    private OpcUaValues() {
    }

    static Sample toSample(String device, PointDef point, DataValue dataValue, Instant collectedAt) {
        double value = toDouble(dataValue.value());
        StatusCode status = dataValue.statusCode() != null ? dataValue.statusCode() : StatusCode.GOOD;
        Quality quality = status.isBad() ? Quality.BAD
                : status.isUncertain() ? Quality.UNCERTAIN
                : SampleRules.judge(point, value);
        Instant sourceTime = firstSet(dataValue.sourceTime(), firstSet(dataValue.serverTime(), collectedAt));
        return new Sample(PointId.of(device, point.name()), value, quality, sourceTime, collectedAt);
    }

    private static Instant firstSet(DateTime time, Instant otherwise) {
        return time != null && !time.isNull() ? time.getJavaInstant() : otherwise;
    }

    /** Numbers (signed and unsigned) as double, booleans as 1/0, anything else as NaN. */
    static double toDouble(Variant variant) {
        Object value = variant != null ? variant.getValue() : null;
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return Double.NaN;
    }

    /**
     * {@code value} as the Java type the node currently holds, so a write does not fail with
     * Bad_TypeMismatch; integer types are rounded to the nearest integer.
     */
    static Object asTypeOf(Object current, double value) {
        long rounded = Math.round(value);
        return switch (current) {
            case Float f -> (float) value;
            case Integer i -> Math.toIntExact(rounded);
            case Short s -> (short) rounded;
            case Byte b -> (byte) rounded;
            case Long l -> rounded;
            case Boolean b -> value != 0;
            case UInteger u -> Unsigned.uint(rounded);
            case UShort u -> Unsigned.ushort((int) rounded);
            case UByte u -> Unsigned.ubyte(rounded);
            case ULong u -> Unsigned.ulong(rounded);
            case null, default -> value;
        };
    }
}
