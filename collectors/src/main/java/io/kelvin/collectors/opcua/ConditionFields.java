package io.kelvin.collectors.opcua;

import java.util.List;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;

/**
 * The fields Kelvin selects from every event (OPC UA Part 4, 7.22.3 EventFilter), each relative to the
 * type that defines it so a strict server validates them: BaseEventType's own fields (Part 5, 6.4.2),
 * the ConditionId (Part 9, 5.5.2: the NodeId attribute of the ConditionType with an empty browse path,
 * null for an event that is not a condition), and the condition's state variables (ConditionType 5.5.2,
 * AcknowledgeableConditionType 5.7.2, AlarmConditionType 5.8.2). The order of {@link Field} is the order
 * of the select clauses and of the values in each event.
 */
final class ConditionFields {

    private ConditionFields() {
    }

    /** One selected field. */
    enum Field {
        EVENT_ID(NodeIds.BaseEventType, "EventId"),
        EVENT_TYPE(NodeIds.BaseEventType, "EventType"),
        SOURCE_NODE(NodeIds.BaseEventType, "SourceNode"),
        SOURCE_NAME(NodeIds.BaseEventType, "SourceName"),
        TIME(NodeIds.BaseEventType, "Time"),
        MESSAGE(NodeIds.BaseEventType, "Message"),
        SEVERITY(NodeIds.BaseEventType, "Severity"),
        CONDITION_ID(NodeIds.ConditionType, AttributeId.NodeId),
        CONDITION_NAME(NodeIds.ConditionType, "ConditionName"),
        BRANCH_ID(NodeIds.ConditionType, "BranchId"),
        RETAIN(NodeIds.ConditionType, "Retain"),
        ENABLED(NodeIds.ConditionType, "EnabledState", "Id"),
        QUALITY(NodeIds.ConditionType, "Quality"),
        COMMENT(NodeIds.ConditionType, "Comment"),
        CLIENT_USER_ID(NodeIds.ConditionType, "ClientUserId"),
        ACKED(NodeIds.AcknowledgeableConditionType, "AckedState", "Id"),
        CONFIRMED(NodeIds.AcknowledgeableConditionType, "ConfirmedState", "Id"),
        ACTIVE(NodeIds.AlarmConditionType, "ActiveState", "Id"),
        SHELVING_STATE(NodeIds.AlarmConditionType, "ShelvingState", "CurrentState", "Id"),
        SHELVING_NODE(NodeIds.AlarmConditionType, AttributeId.NodeId, "ShelvingState");

        private final SimpleAttributeOperand operand;

        Field(NodeId type, String... path) {
            this(type, AttributeId.Value, path);
        }

        Field(NodeId type, AttributeId attribute, String... path) {
            QualifiedName[] browsePath = new QualifiedName[path.length];
            for (int i = 0; i < path.length; i++) {
                browsePath[i] = new QualifiedName(0, path[i]);
            }
            this.operand = new SimpleAttributeOperand(type, browsePath, attribute.uid(), null);
        }

        SimpleAttributeOperand operand() {
            return operand;
        }
    }

    static SimpleAttributeOperand[] selectClauses() {
        return List.of(Field.values()).stream().map(Field::operand).toArray(SimpleAttributeOperand[]::new);
    }
}
