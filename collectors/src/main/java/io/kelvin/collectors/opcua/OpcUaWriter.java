package io.kelvin.collectors.opcua;

import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.site.PointDef;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

/**
 * Writes one value to a node in the node's own data type (read first, so a Float node gets a Float),
 * then reads it back; the read-back must equal what was written.
 */
final class OpcUaWriter {

    private final String device;

    OpcUaWriter(String device) {
        this.device = device;
    }

    double write(DeviceSession session, PointDef point, double value) {
        String what = "write " + device + "." + point.name();
        NodeId node = session.node(point);
        OpcUaClient client = session.client();
        try {
            DataValue current = client.readValue(0.0, TimestampsToReturn.Neither, node);
            Object typed = typed(what, current, value);
            StatusCode status = client.writeValues(List.of(node), List.of(DataValue.valueOnly(new Variant(typed)))).get(0);
            if (!status.isGood()) {
                throw new WriteFailedException(what + ": server answered " + status);
            }
            DataValue back = client.readValue(0.0, TimestampsToReturn.Neither, node);
            double readBack = OpcUaValues.toDouble(back.value());
            double written = OpcUaValues.toDouble(new Variant(typed));
            if (back.statusCode() != null && !back.statusCode().isGood() || Double.compare(readBack, written) != 0) {
                throw new WriteFailedException(what + ": read back " + readBack + " (" + back.statusCode()
                        + ") after writing " + written);
            }
            return readBack;
        } catch (UaException e) {
            throw new WriteFailedException(what + ": " + e.getMessage(), e);
        }
    }

    private static Object typed(String what, DataValue current, double value) {
        try {
            return OpcUaValues.asTypeOf(current.value() != null ? current.value().getValue() : null, value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new SetpointRejectedException(what + ": " + value + " does not fit the node's type: " + e.getMessage());
        }
    }
}
