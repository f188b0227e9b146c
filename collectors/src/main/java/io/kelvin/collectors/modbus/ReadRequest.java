package io.kelvin.collectors.modbus;

import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import java.util.List;

/**
 * One Modbus read: {@code count} registers (or bits, for coils and discrete inputs) of one table from
 * {@code start} (0-based PDU address), carrying the points that lie inside it. Every point's register
 * has the request's type and lies within [start, start + count).
 */
public record ReadRequest(RegisterType type, PollClass pollClass, int start, int count, List<PointDef> points) {

    public ReadRequest {
        points = List.copyOf(points);
    }

    /** Index of the point's first word (or bit) inside this request's response. */
    public int offsetOf(PointDef point) {
        return point.register().orElseThrow().address() - start;
    }

    public int end() {
        return start + count;
    }
}
