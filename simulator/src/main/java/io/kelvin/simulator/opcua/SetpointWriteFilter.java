package io.kelvin.simulator.opcua;

import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SetpointSink;
import java.time.InstantSource;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Hands a client's Value write to the twin before the node takes it. A value outside the setpoint
 * limits is refused with Bad_OutOfRange (OPC UA Part 4, 7.34) and the node keeps its value; an
 * accepted value is stored with the twin clock as source time.
 */
final class SetpointWriteFilter implements AttributeFilter {

    private final PointId point;
    private final InstantSource clock;
    private final SetpointSink sink;

    SetpointWriteFilter(PointId point, InstantSource clock, SetpointSink sink) {
        this.point = point;
        this.clock = clock;
        this.sink = sink;
    }

    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) throws UaException {
        if (attributeId != AttributeId.Value || !(value instanceof DataValue written)) {
            ctx.writeAttribute(attributeId, value);
            return;
        }
        if (!(written.getValue().getValue() instanceof Number number)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, point + " takes a number");
        }
        try {
            sink.write(point, number.doubleValue());
        } catch (SetpointRejectedException e) {
            throw new UaException(StatusCodes.Bad_OutOfRange, e.getMessage());
        }
        DateTime now = new DateTime(clock.instant());
        ctx.writeAttribute(attributeId, new DataValue(Variant.ofDouble(number.doubleValue()), StatusCode.GOOD, now, now));
    }
}
