package io.kelvin.collectors.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A Milo server for the benchmark that pushes each new value straight into the monitored items of
 * its node, instead of Milo's SubscriptionModel, which re-reads every item through the address
 * space at its sampling interval: with thousands of items that polling, not the collector, ate the
 * CPU. Clients see the same thing: a read gives the current value, a subscription every change.
 */
final class BenchOpcUaServer implements AutoCloseable {

    private final OpcUaServer server;
    private final PushNamespace namespace;
    private final String endpoint;

    private BenchOpcUaServer(OpcUaServer server, PushNamespace namespace, String endpoint) {
        this.server = server;
        this.namespace = namespace;
        this.endpoint = endpoint;
    }

    static BenchOpcUaServer start(int port, String namespaceUri, List<String> nodeIds) throws Exception {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath("/bench")
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:kelvin:bench:server").setProductUri("urn:kelvin:bench")
                .setApplicationName(LocalizedText.english("Kelvin bench server"))
                .setEndpoints(Set.of(endpoint))
                .build();
        OpcUaServer server = new OpcUaServer(config, profile ->
                new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        PushNamespace namespace = new PushNamespace(server, namespaceUri);
        namespace.startup();
        nodeIds.forEach(namespace::add);
        server.startup().get(20, TimeUnit.SECONDS);
        return new BenchOpcUaServer(server, namespace, "opc.tcp://127.0.0.1:" + port + "/bench");
    }

    String endpoint() {
        return endpoint;
    }

    /** Sets the node's value and hands it to every monitored item on the node. */
    void set(String id, DataValue value) {
        namespace.set(id, value);
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
    }

    private static final class PushNamespace extends ManagedNamespaceWithLifecycle {

        private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();
        private final Map<NodeId, Set<DataItem>> items = new ConcurrentHashMap<>();

        PushNamespace(OpcUaServer server, String uri) {
            super(server, uri);
        }

        void add(String id) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(id))
                    .setBrowseName(newQualifiedName(id))
                    .setDisplayName(LocalizedText.english(id))
                    .setDataType(NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .build();
            node.setValue(new DataValue(new Variant(0.0)));
            getNodeManager().addNode(node);
            nodes.put(id, node);
        }

        void set(String id, DataValue value) {
            UaVariableNode node = nodes.get(id);
            node.setValue(value);
            for (DataItem item : items.getOrDefault(node.getNodeId(), Set.of())) {
                item.setValue(value);
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> created) {
            for (DataItem item : created) {
                NodeId nodeId = item.getReadValueId().getNodeId();
                items.computeIfAbsent(nodeId, n -> ConcurrentHashMap.newKeySet()).add(item);
                UaVariableNode node = nodes.values().stream().filter(n -> n.getNodeId().equals(nodeId)).findFirst().orElse(null);
                if (node != null) {
                    item.setValue(node.getValue());
                }
            }
        }

        @Override
        public void onDataItemsModified(List<DataItem> modified) {
            // values are pushed on change; the sampling interval does not matter here
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> deleted) {
            for (DataItem item : deleted) {
                Set<DataItem> onNode = items.get(item.getReadValueId().getNodeId());
                if (onNode != null) {
                    onNode.remove(item);
                }
            }
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> changed) {
            // all items stay reporting
        }
    }
}
