package io.kelvin.simulator.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.kelvin.simulator.opcua.ConditionSnapshot.ShelvedState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler.InvocationContext;
import org.eclipse.milo.opcua.sdk.server.model.objects.AcknowledgeableConditionType;
import org.eclipse.milo.opcua.sdk.server.model.objects.AlarmConditionTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.ShelvedStateMachineType;
import org.eclipse.milo.opcua.sdk.server.model.objects.ShelvedStateMachineTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.variables.TwoStateVariableTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.factories.NodeFactory;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.UserNameIdentityToken;

/**
 * The address-space node of one twin condition: an AlarmConditionType instance (OPC UA Part 9, 5.8.2)
 * under the device's folder, with ShelvingState and, when {@code confirmable}, ConfirmedState, and
 * Acknowledge, Confirm and the shelving methods wired to {@link Calls}. Its node id is the ConditionId.
 * An event is fired from this node after {@link #fill} has written one state into it, so a branch's
 * event carries the condition's id with the branch's own state (Part 9, 4.4).
 */
final class ConditionNode {

    /** What the condition's methods do; each throws the status code the server answers with. */
    interface Calls {
        void acknowledge(String condition, ByteString eventId, String comment, String user) throws UaException;

        void confirm(String condition, ByteString eventId, String comment, String user) throws UaException;

        void timedShelve(String condition, double millis, String comment) throws UaException;

        void oneShotShelve(String condition, String comment) throws UaException;

        void unshelve(String condition, String comment) throws UaException;
    }

    private static final Set<String> ALWAYS = Set.of("ShelvingState", "MaxTimeShelved", "TimedShelve2",
            "OneShotShelve2", "Unshelve2");
    private static final Set<String> CONFIRMING = Set.of("ConfirmedState", "Confirm");

    private final AlarmConditionTypeNode node;
    private final String name;
    private final NodeId sourceNode;
    private final String sourceName;
    private final boolean confirmable;

    private ConditionNode(AlarmConditionTypeNode node, String name, NodeId sourceNode, String sourceName, boolean confirmable) {
        this.node = node;
        this.name = name;
        this.sourceNode = sourceNode;
        this.sourceName = sourceName;
        this.confirmable = confirmable;
    }

    static ConditionNode create(UaNodeContext context, NodeId sourceNode, String sourceName, String name,
                                boolean confirmable, Duration maxTimeShelved, Calls calls) throws UaException {
        NodeId id = new NodeId(sourceNode.getNamespaceIndex(), sourceNode.getIdentifier() + "/" + name);
        AlarmConditionTypeNode node = (AlarmConditionTypeNode) new NodeFactory(context).createNode(id,
                NodeIds.AlarmConditionType, new NodeFactory.InstantiationCallback() {
                    @Override
                    public boolean includeOptionalNode(NodeId typeDefinitionId, QualifiedName browseName) {
                        return ALWAYS.contains(browseName.name()) || confirmable && CONFIRMING.contains(browseName.name());
                    }
                });
        node.setBrowseName(new QualifiedName(sourceNode.getNamespaceIndex(), name));
        node.setDisplayName(LocalizedText.english(name));
        node.addReference(new Reference(sourceNode, NodeIds.HasComponent, id.expanded(), true));
        node.setMaxTimeShelved((double) maxTimeShelved.toMillis());
        ConditionNode condition = new ConditionNode(node, name, sourceNode, sourceName, confirmable);
        condition.wire(calls);
        return condition;
    }

    AlarmConditionTypeNode node() {
        return node;
    }

    NodeId nodeId() {
        return node.getNodeId();
    }

    /** Writes one state of the condition (its trunk or a branch) into the node, ready to be fired. */
    void fill(ConditionSnapshot s, Instant now) {
        node.setEventId(s.eventId());
        node.setEventType(NodeIds.AlarmConditionType);
        node.setSourceNode(sourceNode);
        node.setSourceName(sourceName);
        node.setTime(new DateTime(s.time()));
        node.setReceiveTime(new DateTime(s.time()));
        node.setMessage(LocalizedText.english(s.message()));
        node.setSeverity(ushort(s.severity()));
        node.setLastSeverity(ushort(s.severity()));
        node.setConditionClassId(NodeIds.BaseConditionClassType);
        node.setConditionClassName(LocalizedText.english("BaseConditionClass"));
        node.setConditionName(name);
        node.setBranchId(s.branchId());
        node.setRetain(s.retain());
        node.setQuality(StatusCode.GOOD);
        node.setComment(LocalizedText.english(s.comment()));
        node.setClientUserId(s.user());
        node.setInputNode(NodeId.NULL_VALUE);
        twoState(node.getEnabledStateNode(), true, "Enabled", "Disabled");
        twoState(node.getActiveStateNode(), s.active(), "Active", "Inactive");
        twoState(node.getAckedStateNode(), s.acked(), "Acknowledged", "Unacknowledged");
        if (confirmable) {
            twoState(node.getConfirmedStateNode(), s.confirmed(), "Confirmed", "Unconfirmed");
        }
        fillShelving(s, now);
    }

    private void fillShelving(ConditionSnapshot s, Instant now) {
        ShelvedStateMachineTypeNode shelving = node.getShelvingStateNode();
        NodeId state = switch (s.shelving()) {
            case UNSHELVED -> NodeIds.ShelvedStateMachineType_Unshelved;
            case TIMED -> NodeIds.ShelvedStateMachineType_TimedShelved;
            case ONE_SHOT -> NodeIds.ShelvedStateMachineType_OneShotShelved;
        };
        shelving.getCurrentStateNode().setId(state);
        shelving.setCurrentState(LocalizedText.english(switch (s.shelving()) {
            case UNSHELVED -> "Unshelved";
            case TIMED -> "TimedShelved";
            case ONE_SHOT -> "OneShotShelved";
        }));
        // UnshelveTime: milliseconds until a timed shelving ends (Part 9, 5.8.10.2)
        shelving.setUnshelveTime(s.unshelveAt().map(u -> (double) Math.max(0, Duration.between(now, u).toMillis()))
                .orElse(0.0));
        node.setSuppressedOrShelved(s.shelving() != ShelvedState.UNSHELVED);
    }

    private static void twoState(TwoStateVariableTypeNode variable, boolean id, String trueText, String falseText) {
        variable.setValue(new DataValue(new Variant(LocalizedText.english(id ? trueText : falseText))));
        variable.setId(id);
    }

    private void wire(Calls calls) {
        node.getAcknowledgeMethodNode().setInvocationHandler(
                new AcknowledgeableConditionType.AcknowledgeMethod(node.getAcknowledgeMethodNode()) {
                    @Override
                    protected void invoke(InvocationContext context, ByteString eventId, LocalizedText comment)
                            throws UaException {
                        calls.acknowledge(name, eventId, text(comment), user(context));
                    }
                });
        if (confirmable) {
            node.getConfirmMethodNode().setInvocationHandler(
                    new AcknowledgeableConditionType.ConfirmMethod(node.getConfirmMethodNode()) {
                        @Override
                        protected void invoke(InvocationContext context, ByteString eventId, LocalizedText comment)
                                throws UaException {
                            calls.confirm(name, eventId, text(comment), user(context));
                        }
                    });
        }
        ShelvingMethods.wire(node.getShelvingStateNode(), name, calls);
    }

    static String text(LocalizedText text) {
        return text != null && text.text() != null ? text.text() : "";
    }

    /** The ClientUserId of the calling session (Part 9, 5.5.2): its user name, else "anonymous". */
    static String user(InvocationContext context) {
        return context.getSession()
                .map(s -> s.getIdentityToken() instanceof UserNameIdentityToken token ? token.getUserName() : "anonymous")
                .orElse("anonymous");
    }

    /** Wires TimedShelve, OneShotShelve, Unshelve and their 1.05 variants with a comment. */
    private static final class ShelvingMethods {
        private ShelvingMethods() {
        }

        static void wire(ShelvedStateMachineTypeNode machine, String name, Calls calls) {
            UaMethodNode timed = machine.getTimedShelveMethodNode();
            timed.setInvocationHandler(new ShelvedStateMachineType.TimedShelveMethod(timed) {
                @Override
                protected void invoke(InvocationContext context, Double shelvingTime) throws UaException {
                    calls.timedShelve(name, shelvingTime, "");
                }
            });
            UaMethodNode oneShot = machine.getOneShotShelveMethodNode();
            oneShot.setInvocationHandler(new ShelvedStateMachineType.OneShotShelveMethod(oneShot) {
                @Override
                protected void invoke(InvocationContext context) throws UaException {
                    calls.oneShotShelve(name, "");
                }
            });
            UaMethodNode unshelve = machine.getUnshelveMethodNode();
            unshelve.setInvocationHandler(new ShelvedStateMachineType.UnshelveMethod(unshelve) {
                @Override
                protected void invoke(InvocationContext context) throws UaException {
                    calls.unshelve(name, "");
                }
            });
            wireWithComments(machine, name, calls);
        }

        private static void wireWithComments(ShelvedStateMachineTypeNode machine, String name, Calls calls) {
            UaMethodNode timed2 = machine.getTimedShelve2MethodNode();
            if (timed2 != null) {
                timed2.setInvocationHandler(new ShelvedStateMachineType.TimedShelve2Method(timed2) {
                    @Override
                    protected void invoke(InvocationContext context, Double time, LocalizedText comment) throws UaException {
                        calls.timedShelve(name, time, text(comment));
                    }
                });
            }
            UaMethodNode oneShot2 = machine.getOneShotShelve2MethodNode();
            if (oneShot2 != null) {
                oneShot2.setInvocationHandler(new ShelvedStateMachineType.OneShotShelve2Method(oneShot2) {
                    @Override
                    protected void invoke(InvocationContext context, LocalizedText comment) throws UaException {
                        calls.oneShotShelve(name, text(comment));
                    }
                });
            }
            UaMethodNode unshelve2 = machine.getUnshelve2MethodNode();
            if (unshelve2 != null) {
                unshelve2.setInvocationHandler(new ShelvedStateMachineType.Unshelve2Method(unshelve2) {
                    @Override
                    protected void invoke(InvocationContext context, LocalizedText comment) throws UaException {
                        calls.unshelve(name, text(comment));
                    }
                });
            }
        }
    }
}
