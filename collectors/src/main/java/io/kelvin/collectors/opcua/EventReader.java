package io.kelvin.collectors.opcua;

import io.kelvin.collectors.opcua.ConditionFields.Field;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.ConditionEvent;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.ConditionStates;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.alarm.EventId;
import io.kelvin.core.alarm.Shelving;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * One event's selected fields ({@link ConditionFields}) as a core {@link DeviceEvent}: a condition when
 * the ConditionId is set (Part 9, 5.5.2), the refresh markers by their event type (5.11.2-3),
 * anything else an {@link DeviceEvent.OtherEvent}. Node ids leave as text with their namespace URI
 * ({@code nsu=...}), so they survive a server restart that renumbers namespaces. Severity is clamped to
 * 1..1000 (Part 5, 6.4.2); an event without a time takes the collector's.
 */
final class EventReader {

    private final String device;
    private final NamespaceTable namespaces;

    EventReader(String device, NamespaceTable namespaces) {
        this.device = device;
        this.namespaces = namespaces;
    }

    DeviceEvent read(Variant[] fields, boolean inRefresh, Instant now) {
        NodeId type = value(fields, Field.EVENT_TYPE, NodeId.class).orElse(NodeId.NULL_VALUE);
        Instant time = value(fields, Field.TIME, DateTime.class).filter(t -> !t.isNull()).map(DateTime::getJavaInstant)
                .orElse(now);
        if (type.equals(NodeIds.RefreshStartEventType)) {
            return new DeviceEvent.RefreshStarted(device, time);
        }
        if (type.equals(NodeIds.RefreshEndEventType)) {
            return new DeviceEvent.RefreshEnded(device, time);
        }
        String sourceName = value(fields, Field.SOURCE_NAME, String.class).orElse("");
        int severity = value(fields, Field.SEVERITY, Number.class).map(n -> Math.clamp(n.intValue(), 1, 1000)).orElse(1);
        String message = value(fields, Field.MESSAGE, LocalizedText.class).map(EventReader::text).orElse("");
        Optional<NodeId> conditionId = value(fields, Field.CONDITION_ID, NodeId.class).filter(id -> !id.isNull());
        Optional<ByteString> eventId = value(fields, Field.EVENT_ID, ByteString.class).filter(b -> b.length() > 0);
        if (conditionId.isEmpty() || eventId.isEmpty()) {
            return new DeviceEvent.OtherEvent(device, text(type), sourceName, severity, message, time);
        }
        ConditionHandle handle = new ConditionHandle(new AlarmKey(device, text(conditionId.get()),
                value(fields, Field.BRANCH_ID, NodeId.class).filter(b -> !b.isNull()).map(this::text)),
                EventId.of(eventId.get().bytesOrEmpty()),
                value(fields, Field.SHELVING_NODE, NodeId.class).filter(n -> !n.isNull()).map(this::text));
        ConditionStates states = states(fields);
        boolean retain = value(fields, Field.RETAIN, Boolean.class)
                .orElse(states.active() || !states.acked().orElse(true));
        return new ConditionEvent(handle, text(type), sourceName,
                value(fields, Field.CONDITION_NAME, String.class).orElse(sourceName), severity, message,
                value(fields, Field.QUALITY, StatusCode.class).filter(q -> !q.isGood()).map(StatusNames::of),
                value(fields, Field.COMMENT, LocalizedText.class).map(EventReader::text).filter(c -> !c.isEmpty()),
                value(fields, Field.CLIENT_USER_ID, String.class).filter(u -> !u.isEmpty()),
                states, retain, time, now, inRefresh);
    }

    private static ConditionStates states(Variant[] fields) {
        return new ConditionStates(value(fields, Field.ENABLED, Boolean.class).orElse(true),
                value(fields, Field.ACTIVE, Boolean.class).orElse(false),
                value(fields, Field.ACKED, Boolean.class), value(fields, Field.CONFIRMED, Boolean.class),
                value(fields, Field.SHELVING_STATE, NodeId.class).map(EventReader::shelving).orElse(Shelving.NOT_OFFERED));
    }

    /** The ShelvedStateMachine's state by its well-known NodeId (Part 9, 5.8.10.1). */
    private static Shelving shelving(NodeId state) {
        if (state.equals(NodeIds.ShelvedStateMachineType_TimedShelved)) {
            return Shelving.TIMED;
        }
        if (state.equals(NodeIds.ShelvedStateMachineType_OneShotShelved)) {
            return Shelving.ONE_SHOT;
        }
        return state.isNull() ? Shelving.NOT_OFFERED : Shelving.UNSHELVED;
    }

    String text(NodeId id) {
        return id.expanded(namespaces).toParseableString();
    }

    private static String text(LocalizedText text) {
        return text.text() != null ? text.text() : "";
    }

    private static <T> Optional<T> value(Variant[] fields, Field field, Class<T> type) {
        if (fields == null || field.ordinal() >= fields.length || fields[field.ordinal()] == null) {
            return Optional.empty();
        }
        Object value = fields[field.ordinal()].getValue();
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
