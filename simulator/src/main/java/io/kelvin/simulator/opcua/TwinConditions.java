package io.kelvin.simulator.opcua;

import io.kelvin.simulator.TwinAlarm;
import io.kelvin.simulator.TwinAlarmState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm conditions of one twin device's server. A condition's node is made when it is first
 * raised; every state change is fired as an event on the server (OPC UA Part 9, 5.5.2), and a
 * ConditionRefresh replays the retained ones into the asking subscription only ({@link #replay}).
 * An acknowledgement also fires the AuditConditionAcknowledgeEventType event a server writes for it
 * (Part 9, 5.10.4), which is not a condition. All methods are serialised on this object.
 */
public final class TwinConditions implements ConditionNode.Calls {

    /** The longest timed shelving the twin allows (the conditions' MaxTimeShelved, Part 9, 5.8.2). */
    public static final Duration MAX_TIME_SHELVED = Duration.ofHours(8);
    private static final Logger LOG = LoggerFactory.getLogger(TwinConditions.class);

    private record Entry(TwinCondition state, ConditionNode node) {
    }

    private final OpcUaServer server;
    private final UaNodeContext context;
    private final NodeId sourceNode;
    private final String sourceName;
    private final InstantSource clock;
    private final Map<String, Entry> conditions = new LinkedHashMap<>();

    TwinConditions(OpcUaServer server, UaNodeContext context, NodeId sourceNode, String sourceName, InstantSource clock) {
        this.server = server;
        this.context = context;
        this.sourceNode = sourceNode;
        this.sourceName = sourceName;
        this.clock = clock;
    }

    /** The fault is present: the condition goes (or stays) active with this severity and message. */
    public synchronized void raise(TwinAlarm alarm, String message) {
        try {
            Entry entry = entry(alarm);
            fire(entry, entry.state().raise(alarm.severity(), message, clock.instant()), server.getEventNotifier()::fire);
        } catch (UaException e) {
            LOG.warn("twin {}: cannot raise {}: {}", sourceName, alarm.condition(), e.getMessage());
        }
    }

    /** The fault is gone: the condition goes inactive (and stays retained until acknowledged). */
    public synchronized void clear(TwinAlarm alarm) {
        Entry entry = conditions.get(alarm.condition());
        if (entry != null) {
            fire(entry, entry.state().clear(clock.instant()), server.getEventNotifier()::fire);
        }
    }

    /** Ends timed shelvings whose time is up; called on every twin tick. */
    public synchronized void tick() {
        Instant now = clock.instant();
        conditions.values().forEach(e -> fire(e, e.state().expireShelving(now), server.getEventNotifier()::fire));
    }

    public synchronized Optional<TwinAlarmState> state(String condition) {
        return Optional.ofNullable(conditions.get(condition)).map(e -> {
            ConditionSnapshot t = e.state().trunk();
            return new TwinAlarmState(condition, t.active(), t.acked(),
                    t.confirmable() ? Optional.of(t.confirmed()) : Optional.empty(), switch (t.shelving()) {
                        case UNSHELVED -> "Unshelved";
                        case TIMED -> "TimedShelved";
                        case ONE_SHOT -> "OneShotShelved";
                    }, t.retain(), t.comment(), t.user(), t.severity(), e.state().branches().size());
        });
    }

    /** Every retained condition and branch, each written into its node and handed to {@code into} (Part 9, 5.5.7). */
    synchronized void replay(Consumer<BaseEventTypeNode> into) {
        conditions.values().forEach(e -> fire(e, e.state().retained(), into));
    }

    @Override
    public synchronized void acknowledge(String condition, ByteString eventId, String comment, String user)
            throws UaException {
        Entry entry = known(condition);
        fire(entry, entry.state().acknowledge(eventId, comment, user, clock.instant()), server.getEventNotifier()::fire);
        ServerEvents.acknowledged(server, entry.node().nodeId(), comment, user, clock.instant());
    }

    @Override
    public synchronized void confirm(String condition, ByteString eventId, String comment, String user) throws UaException {
        Entry entry = known(condition);
        fire(entry, entry.state().confirm(eventId, comment, user, clock.instant()), server.getEventNotifier()::fire);
    }

    @Override
    public synchronized void timedShelve(String condition, double millis, String comment) throws UaException {
        Entry entry = known(condition);
        fire(entry, entry.state().timedShelve(millis, comment, clock.instant()), server.getEventNotifier()::fire);
    }

    @Override
    public synchronized void oneShotShelve(String condition, String comment) throws UaException {
        Entry entry = known(condition);
        fire(entry, entry.state().oneShotShelve(comment, clock.instant()), server.getEventNotifier()::fire);
    }

    @Override
    public synchronized void unshelve(String condition, String comment) throws UaException {
        Entry entry = known(condition);
        fire(entry, entry.state().unshelve(comment, clock.instant()), server.getEventNotifier()::fire);
    }

    private Entry known(String condition) throws UaException {
        Entry entry = conditions.get(condition);
        if (entry == null) {
            throw new UaException(StatusCodes.Bad_NodeIdUnknown);
        }
        return entry;
    }

    private Entry entry(TwinAlarm alarm) throws UaException {
        Entry entry = conditions.get(alarm.condition());
        if (entry == null) {
            TwinCondition state = new TwinCondition(alarm.condition(), alarm.confirmable(), MAX_TIME_SHELVED,
                    sourceNode.getNamespaceIndex().intValue(), alarm.severity(), clock.instant());
            ConditionNode node = ConditionNode.create(context, sourceNode, sourceName, alarm.condition(),
                    alarm.confirmable(), MAX_TIME_SHELVED, this);
            node.fill(state.trunk(), clock.instant());
            entry = new Entry(state, node);
            conditions.put(alarm.condition(), entry);
        }
        return entry;
    }

    /** Fires each state in order from the condition's node, then leaves the trunk's state in the node. */
    private void fire(Entry entry, List<ConditionSnapshot> states, Consumer<BaseEventTypeNode> into) {
        Instant now = clock.instant();
        for (ConditionSnapshot state : states) {
            entry.node().fill(state, now);
            into.accept(entry.node().node());
        }
        if (states.stream().anyMatch(ConditionSnapshot::isBranch)) {
            entry.node().fill(entry.state().trunk(), now);
        }
    }
}
