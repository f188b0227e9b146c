package io.kelvin.collectors.opcua;

import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.Monitoring.Deadband;
import io.kelvin.core.site.PointDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Monitored items as the profile asks for them (OPC UA Part 4, 5.12.1.2 and 7.22.2): the point's
 * sampling interval and queue size (oldest discarded) and a DataChangeFilter on status and value with
 * its deadband. A percent deadband is evaluated by the server over the node's EURange property. For a
 * node without one (looked up first, see {@link EuRanges}), and for a server that refuses the percent
 * filter anyway, Kelvin asks for an absolute deadband of the same share of the point's profile range
 * instead and logs it once per subscription.
 */
final class MonitoredItems {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoredItems.class);
    private static final Set<Long> PERCENT_REFUSED = Set.of(StatusCodes.Bad_FilterNotAllowed,
            StatusCodes.Bad_MonitoredItemFilterUnsupported, StatusCodes.Bad_MonitoredItemFilterInvalid,
            StatusCodes.Bad_DeadbandFilterInvalid);

    private MonitoredItems() {
    }

    /** The deadband to ask for: the profile's, or its absolute equivalent when the node has no EURange. */
    static Deadband deadband(String device, PointDef point, boolean noEuRange) {
        Deadband wanted = point.monitoring().deadband();
        if (wanted.type() != Deadband.Type.PERCENT || !noEuRange) {
            return wanted;
        }
        Deadband absolute = wanted.overRange(point.range());
        LOG.info("opcua {}: {} has no EURange on the server; using an absolute deadband of {} {} ({} % of the"
                + " profile range) instead", device, point.name(), absolute.value(), point.unit(), wanted.value());
        return absolute;
    }

    static OpcUaMonitoredItem dataItem(PointDef point, NodeId node, Deadband deadband) {
        Monitoring monitoring = point.monitoring();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node);
        item.setSamplingInterval(monitoring.samplingInterval().toMillis());
        item.setQueueSize(uint(monitoring.queueSize()));
        item.setDiscardOldest(true);
        if (deadband.type() != Deadband.Type.NONE) {
            DeadbandType type = deadband.type() == Deadband.Type.PERCENT ? DeadbandType.Percent : DeadbandType.Absolute;
            item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(type.getValue()), deadband.value()));
        }
        item.setUserObject(point);
        return item;
    }

    /**
     * Replaces the items whose percent deadband the server refused by items with the absolute equivalent
     * over the profile range, and returns what is still refused afterwards.
     */
    static Map<PointDef, StatusCode> retryPercentAsAbsolute(
            String device, OpcUaSubscription subscription, Map<PointDef, StatusCode> refused, Map<PointDef, NodeId> nodes,
            BiFunction<OpcUaSubscription, List<OpcUaMonitoredItem>, Map<PointDef, StatusCode>> synchronize) {
        Map<PointDef, StatusCode> still = new LinkedHashMap<>(refused);
        List<OpcUaMonitoredItem> retries = new ArrayList<>();
        List<OpcUaMonitoredItem> failed = new ArrayList<>();
        for (OpcUaMonitoredItem item : subscription.getMonitoredItems()) {
            PointDef point = (PointDef) item.getUserObject().orElseThrow();
            StatusCode status = refused.get(point);
            if (status != null && point.monitoring().deadband().type() == Deadband.Type.PERCENT
                    && PERCENT_REFUSED.contains(status.value())) {
                Deadband absolute = point.monitoring().deadband().overRange(point.range());
                LOG.info("opcua {}: {} has no EURange on the server ({}); using an absolute deadband of {} {}"
                        + " ({} % of the profile range) instead", device, point.name(), status, absolute.value(),
                        point.unit(), point.monitoring().deadband().value());
                failed.add(item);
                retries.add(dataItem(point, nodes.get(point), absolute));
                still.remove(point);
            }
        }
        if (retries.isEmpty()) {
            return still;
        }
        subscription.removeMonitoredItems(failed);
        subscription.addMonitoredItems(retries);
        still.putAll(synchronize.apply(subscription, retries));
        return still;
    }
}
