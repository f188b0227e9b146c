package io.kelvin.collectors.opcua;

import java.time.Instant;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event monitored item on the server object (OPC UA Part 4, 7.22.3; Part 5, 6.4.2): every event the
 * server (or an object under it) fires arrives with its SourceName, Severity, Message and Time. A server
 * that does not offer events refuses the item; that is logged and costs nothing else.
 */
final class EventItems {

    private static final Logger LOG = LoggerFactory.getLogger(EventItems.class);
    private static final String[] FIELDS = {"SourceName", "Severity", "Message", "Time"};

    /** Called on Milo's threads with one event's fields; severity 1..1000, message possibly empty. */
    @FunctionalInterface
    interface Handler {
        void onEvent(String source, int severity, String message, Optional<Instant> time);
    }

    private EventItems() {
    }

    static void subscribe(String device, OpcUaSubscription subscription, Handler handler) {
        SimpleAttributeOperand[] select = new SimpleAttributeOperand[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            select[i] = new SimpleAttributeOperand(NodeIds.BaseEventType, new QualifiedName[] {new QualifiedName(0, FIELDS[i])},
                    AttributeId.Value.uid(), null);
        }
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server,
                new EventFilter(select, new ContentFilter(null)));
        item.setEventValueListener((source, fields) -> deliver(device, fields, handler));
        subscription.addMonitoredItem(item);
        try {
            subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.debug("opcua {}: {}", device, e.getMessage());
        }
        if (item.getCreateResult().map(s -> !s.isGood()).orElse(true)) {
            LOG.info("opcua {}: the server offers no events on its Server object ({}); alarms come only as points",
                    device, item.getCreateResult().map(Object::toString).orElse("no answer"));
            subscription.removeMonitoredItem(item);
        }
    }

    private static void deliver(String device, Variant[] fields, Handler handler) {
        try {
            String source = fields[0].getValue() instanceof String s ? s : "";
            int severity = fields[1].getValue() instanceof Number n ? Math.clamp(n.intValue(), 1, 1000) : 1;
            String message = fields[2].getValue() instanceof LocalizedText text && text.text() != null ? text.text() : "";
            Optional<Instant> time = fields[3].getValue() instanceof DateTime t && !t.isNull()
                    ? Optional.of(t.getJavaInstant()) : Optional.empty();
            handler.onEvent(source, severity, message, time);
        } catch (RuntimeException e) {
            LOG.warn("opcua {}: an event could not be read ({}); it is skipped", device, e.toString());
        }
    }
}
