package io.kelvin.simulator.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredEventItem;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own events that are not conditions, fired on its Server object as real servers do:
 * a session created (AuditCreateSessionEventType, OPC UA Part 5, 6.4.7: severity 1, source "Server",
 * no message, as the session event of the bug report) and an acknowledgement's audit record
 * (AuditConditionAcknowledgeEventType, Part 9, 5.10.4). A collector must not take them for alarms.
 */
final class ServerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ServerEvents.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerEvents() {
    }

    static void sessionCreated(OpcUaServer server, Instant now) {
        fire(server, NodeIds.AuditCreateSessionEventType, NodeIds.Server, "Server", 1, "", now,
                server.getEventNotifier()::fire);
    }

    static void acknowledged(OpcUaServer server, NodeId condition, String comment, String user, Instant now) {
        fire(server, NodeIds.AuditConditionAcknowledgeEventType, condition, "Method/Acknowledge", 1,
                "Acknowledge by " + user + (comment.isEmpty() ? "" : ": " + comment), now, server.getEventNotifier()::fire);
    }

    /** RefreshStartEventType or RefreshEndEventType (Part 9, 5.11.2-3), one copy with one EventId into each item. */
    static void refreshMarker(OpcUaServer server, List<MonitoredEventItem> items, boolean start, Instant now) {
        fire(server, start ? NodeIds.RefreshStartEventType : NodeIds.RefreshEndEventType, NodeIds.Server, "Server", 1,
                start ? "RefreshStart" : "RefreshEnd", now, event -> items.forEach(item -> item.onEvent(event)));
    }

    private static void fire(OpcUaServer server, NodeId type, NodeId source, String sourceName, int severity,
                             String message, Instant now, Consumer<BaseEventTypeNode> into) {
        try {
            BaseEventTypeNode event = server.getEventFactory().createEvent(new NodeId(1, UUID.randomUUID()), type);
            event.setBrowseName(new QualifiedName(1, sourceName));
            event.setDisplayName(LocalizedText.english(sourceName));
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            event.setEventId(ByteString.of(id));
            event.setEventType(type);
            event.setSourceNode(source);
            event.setSourceName(sourceName);
            event.setTime(new DateTime(now));
            event.setReceiveTime(new DateTime(now));
            event.setMessage(LocalizedText.english(message));
            event.setSeverity(ushort(severity));
            into.accept(event);
            event.delete();
        } catch (UaException e) {
            LOG.warn("cannot fire a {} event: {}", type, e.getMessage());
        }
    }
}
