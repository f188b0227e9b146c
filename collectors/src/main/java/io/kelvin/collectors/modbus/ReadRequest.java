package io.kelvin.collectors.modbus;

import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import java.time.Duration;
import java.util.List;

/**
 * One Modbus read: {@code count} registers (or bits, for coils and discrete inputs) of one table from
 * {@code start} (0-based PDU address), carrying the points that lie inside it, read every
 * {@code interval}. Every point's register (and its scale-factor register, if any) has the request's
 * type and lies within [start, start + count).
 */
public record ReadRequest(RegisterType type, Duration interval, int start, int count, List<PointDef> points) {

    public ReadRequest {
        points = List.copyOf(points);
    }

    /** Index of the point's first word (or bit) inside this request's response. */
    public int offsetOf(PointDef point) {
        return point.register().orElseThrow().address() - start;
    }

    /** Index of the point's scale-factor word inside this request's response; -1 when it has none. */
    public int scaleFactorOffsetOf(PointDef point) {
        Register register = point.register().orElseThrow();
        return register.hasScaleFactor() ? register.scaleFactorAddress() - start : -1;
    }

    public int end() {
        return start + count;
    }
}
