package io.kelvin.simulator.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SetpointSink;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The namespace of one device: its profile's {@code namespaceUri}, a folder under Objects named by
 * the device id, and one Double variable per point at the profile's node id. Only setpoints are
 * writable (CurrentRead|CurrentWrite); their writes pass through {@link SetpointWriteFilter}.
 */
final class DeviceNamespace extends ManagedNamespaceWithLifecycle {

    private final Device device;
    private final Map<String, UaVariableNode> nodes = new HashMap<>();
    private final SubscriptionModel subscriptionModel;
    private volatile NodeId folderId;

    DeviceNamespace(OpcUaServer server, Device device, Map<String, Double> initial, InstantSource clock,
                    SetpointSink sink) {
        super(server, device.profile().namespaceUri()
                .orElseThrow(() -> new IllegalArgumentException(device.profile().id() + " has no namespaceUri")));
        this.device = device;
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(() -> addNodes(initial, clock, sink));
    }

    private void addNodes(Map<String, Double> initial, InstantSource clock, SetpointSink sink) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(device.id()),
                newQualifiedName(device.id()), LocalizedText.english(device.id()));
        getNodeManager().addNode(folder);
        folderId = folder.getNodeId();
        folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        DataValue startValue = new DataValue(Variant.ofDouble(0.0), StatusCode.GOOD, new DateTime(clock.instant()));
        for (PointDef point : device.profile().points()) {
            NodeId nodeId = NodeId.parse("ns=" + getNamespaceIndex() + ";" + point.nodeId().orElseThrow(
                    () -> new IllegalArgumentException(device.id() + "." + point.name() + " has no node id")));
            UaVariableNode.UaVariableNodeBuilder builder = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(nodeId)
                    .setBrowseName(newQualifiedName(point.name()))
                    .setDisplayName(LocalizedText.english(point.name()))
                    .setDescription(LocalizedText.english(point.description() + " [" + point.unit() + "]"))
                    .setDataType(NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setValue(startValue.copy(b -> b.setValue(Variant.ofDouble(initial.getOrDefault(point.name(), 0.0)))));
            if (point.isWritable()) {
                builder.setAccessLevel(AccessLevel.CurrentRead, AccessLevel.CurrentWrite)
                        .setUserAccessLevel(AccessLevel.CurrentRead, AccessLevel.CurrentWrite)
                        .addAttributeFilter(new SetpointWriteFilter(PointId.of(device.id(), point.name()), clock, sink));
            } else {
                builder.setAccessLevel(AccessLevel.CurrentRead).setUserAccessLevel(AccessLevel.CurrentRead);
            }
            UaVariableNode node = builder.build();
            getNodeManager().addNode(node);
            folder.addOrganizes(node);
            nodes.put(point.name(), node);
        }
    }

    /** The device's folder under Objects: the source node of its alarm conditions. Set once the namespace started. */
    NodeId folderId() {
        return folderId;
    }

    /** Sets every node's value, with {@code sourceTime} as source and server timestamp. */
    void publish(Map<String, Double> values, Instant sourceTime) {
        DateTime time = new DateTime(sourceTime);
        values.forEach((name, value) -> {
            UaVariableNode node = nodes.get(name);
            if (node != null) {
                node.setValue(new DataValue(Variant.ofDouble(value), StatusCode.GOOD, time, time));
            }
        });
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
