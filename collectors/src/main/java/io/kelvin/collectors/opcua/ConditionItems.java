package io.kelvin.collectors.opcua;

import io.kelvin.collectors.opcua.ConditionFields.Field;
import io.kelvin.core.alarm.DeviceEvent;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event monitored item on the server's Server object (OPC UA Part 4, 7.22.3), selecting the
 * condition fields of {@link ConditionFields}, so every event the server or an object under it fires
 * arrives as a core {@link DeviceEvent}; then a ConditionRefresh (Part 9, 5.5.7) so the conditions that
 * are already active are reported too, on every (re)connect. Events between RefreshStart and RefreshEnd
 * are flagged as replayed. A server without events refuses the item, one without conditions the
 * refresh: both are logged and cost nothing else.
 */
final class ConditionItems {

    private static final Logger LOG = LoggerFactory.getLogger(ConditionItems.class);
    /**
     * Events wait in the server's queue of the item between publishes; a queue of one would keep only
     * the newest (Part 4, 5.12.1.5), and a ConditionRefresh sends several at once. The server may revise it.
     */
    static final UInteger EVENT_QUEUE_SIZE = Unsigned.uint(10_000);

    private ConditionItems() {
    }

    /** Adds the event item to {@code subscription}; true when the server took it. */
    static boolean subscribe(String device, OpcUaClient client, OpcUaSubscription subscription, InstantSource clock,
                             Consumer<DeviceEvent> handler) {
        EventReader reader = new EventReader(device, namespaces(device, client));
        AtomicBoolean refreshing = new AtomicBoolean();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server,
                new EventFilter(ConditionFields.selectClauses(), new ContentFilter(null)));
        item.setQueueSize(EVENT_QUEUE_SIZE);
        item.setDiscardOldest(false);
        item.setEventValueListener((source, fields) -> deliver(device, reader, refreshing, fields, clock, handler));
        subscription.addMonitoredItem(item);
        try {
            subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.debug("opcua {}: {}", device, e.getMessage());
        }
        if (item.getCreateResult().map(s -> !s.isGood()).orElse(true)) {
            LOG.info("opcua {}: the server offers no events on its Server object ({}); alarms come only as points",
                    device, item.getCreateResult().map(StatusNames::of).orElse("no answer"));
            subscription.removeMonitoredItem(item);
            return false;
        }
        logRefusedFields(device, client, item);
        return true;
    }

    /**
     * Asks the server to replay its retained conditions into {@code subscription} (Part 9, 5.5.7: the
     * ObjectId is the ConditionType, the MethodId the type's ConditionRefresh).
     */
    static void refresh(String device, OpcUaClient client, OpcUaSubscription subscription) {
        Variant id = new Variant(subscription.getSubscriptionId().orElseThrow());
        try {
            StatusCode status = client.call(List.of(new CallMethodRequest(NodeIds.ConditionType,
                    NodeIds.ConditionType_ConditionRefresh, new Variant[] {id}))).getResults()[0].getStatusCode();
            if (!status.isGood()) {
                LOG.info("opcua {}: the server did not refresh its conditions ({}); alarms already active show "
                        + "when they next change", device, StatusNames.of(status));
            }
        } catch (UaException e) {
            LOG.warn("opcua {}: ConditionRefresh failed ({}); alarms already active show when they next change",
                    device, StatusNames.of(e));
        }
    }

    private static void deliver(String device, EventReader reader, AtomicBoolean refreshing, Variant[] fields,
                                InstantSource clock, Consumer<DeviceEvent> handler) {
        try {
            DeviceEvent event = reader.read(fields, refreshing.get(), clock.instant());
            if (event instanceof DeviceEvent.RefreshStarted) {
                refreshing.set(true);
            } else if (event instanceof DeviceEvent.RefreshEnded) {
                refreshing.set(false);
            }
            handler.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("opcua {}: an event could not be read ({}); it is skipped", device, e.toString());
        }
    }

    private static NamespaceTable namespaces(String device, OpcUaClient client) {
        try {
            return client.readNamespaceTable();
        } catch (UaException e) {
            LOG.debug("opcua {}: namespace table not read ({}); using the cached one", device, e.getMessage());
            return client.getNamespaceTable();
        }
    }

    /** A strict server refuses a select clause it cannot resolve; name the fields so the gap is visible. */
    private static void logRefusedFields(String device, OpcUaClient client, OpcUaMonitoredItem item) {
        item.getFilterResult().ifPresent(xo -> {
            try {
                if (xo.decode(client.getStaticEncodingContext()) instanceof EventFilterResult result
                        && result.getSelectClauseResults() != null) {
                    StatusCode[] results = result.getSelectClauseResults();
                    for (int i = 0; i < results.length && i < Field.values().length; i++) {
                        if (results[i] != null && !results[i].isGood()) {
                            LOG.warn("opcua {}: the server refused the event field {} ({})", device, Field.values()[i],
                                    StatusNames.of(results[i]));
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("opcua {}: event filter result not readable: {}", device, e.toString());
            }
        });
    }
}
