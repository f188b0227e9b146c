package io.kelvin.collectors.opcua;

import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.Shelving;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;

/**
 * Calls a condition's methods on the server (OPC UA Part 9): Acknowledge and Confirm on the ConditionId
 * with the EventId of the state the operator saw and a LocalizedText comment (5.7.3, 5.7.4; servers
 * must accept the ConditionId as ObjectId and the type's MethodId), and the shelving methods on the
 * condition's ShelvingState object (5.8.10): TimedShelve2, OneShotShelve2 and Unshelve2 carry the
 * comment (1.05); a server without them is asked with TimedShelve, OneShotShelve and Unshelve.
 */
final class ConditionMethods {

    /** Answers of a server that does not have a method (then the 1.04 method without comment is tried). */
    private static final Set<Long> NO_SUCH_METHOD = Set.of(StatusCodes.Bad_MethodInvalid, StatusCodes.Bad_NotImplemented,
            StatusCodes.Bad_NotSupported, StatusCodes.Bad_NodeIdUnknown);

    private final String device;
    private final OpcUaClient client;

    ConditionMethods(String device, OpcUaClient client) {
        this.device = device;
        this.client = client;
    }

    DeviceAnswer acknowledge(ConditionHandle alarm, String comment) {
        return call("Acknowledge", alarm.key().conditionId(), NodeIds.AcknowledgeableConditionType_Acknowledge,
                new Variant(ByteString.of(alarm.eventId().bytes())), new Variant(LocalizedText.english(comment)));
    }

    DeviceAnswer confirm(ConditionHandle alarm, String comment) {
        return call("Confirm", alarm.key().conditionId(), NodeIds.AcknowledgeableConditionType_Confirm,
                new Variant(ByteString.of(alarm.eventId().bytes())), new Variant(LocalizedText.english(comment)));
    }

    /** Part 9, 5.8.10.3: ShelvingTime is a Duration in milliseconds. */
    DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment) {
        Optional<String> machine = alarm.shelvingNode();
        if (machine.isEmpty()) {
            return new DeviceAnswer.Refused("BadMethodInvalid", device + " offers no shelving for " + alarm.key());
        }
        Variant text = new Variant(LocalizedText.english(comment));
        if (kind == Shelving.TIMED) {
            Variant millis = new Variant((double) duration.toMillis());
            return withFallback(machine.get(), "TimedShelve", NodeIds.ShelvedStateMachineType_TimedShelve2,
                    new Variant[] {millis, text}, NodeIds.ShelvedStateMachineType_TimedShelve, new Variant[] {millis});
        }
        return withFallback(machine.get(), "OneShotShelve", NodeIds.ShelvedStateMachineType_OneShotShelve2,
                new Variant[] {text}, NodeIds.ShelvedStateMachineType_OneShotShelve, new Variant[0]);
    }

    DeviceAnswer unshelve(ConditionHandle alarm, String comment) {
        Optional<String> machine = alarm.shelvingNode();
        if (machine.isEmpty()) {
            return new DeviceAnswer.Refused("BadMethodInvalid", device + " offers no shelving for " + alarm.key());
        }
        return withFallback(machine.get(), "Unshelve", NodeIds.ShelvedStateMachineType_Unshelve2,
                new Variant[] {new Variant(LocalizedText.english(comment))}, NodeIds.ShelvedStateMachineType_Unshelve,
                new Variant[0]);
    }

    private DeviceAnswer withFallback(String object, String name, NodeId withComment, Variant[] args, NodeId without,
                                      Variant[] argsWithout) {
        DeviceAnswer answer = call(name + "2", object, withComment, args);
        if (answer instanceof DeviceAnswer.Refused refused && NO_SUCH_METHOD.stream()
                .anyMatch(code -> StatusNames.of(new StatusCode(code)).equals(refused.code()))) {
            return call(name, object, without, argsWithout);
        }
        return answer;
    }

    private DeviceAnswer call(String method, String object, NodeId methodId, Variant... args) {
        Optional<NodeId> objectId = ExpandedNodeId.parse(object).toNodeId(client.getNamespaceTable());
        if (objectId.isEmpty()) {
            return new DeviceAnswer.Refused("BadNodeIdUnknown", device + " has no namespace for " + object);
        }
        try {
            StatusCode status = client.call(List.of(new CallMethodRequest(objectId.get(), methodId, args)))
                    .getResults()[0].getStatusCode();
            return status.isGood() ? DeviceAnswer.ACCEPTED : new DeviceAnswer.Refused(StatusNames.of(status),
                    device + " answered " + method + " on " + object + " with " + StatusNames.of(status));
        } catch (UaException | RuntimeException e) {
            return new DeviceAnswer.Unreachable(device + ": " + method + " on " + object + " got no answer: "
                    + StatusNames.of(e));
        }
    }
}
