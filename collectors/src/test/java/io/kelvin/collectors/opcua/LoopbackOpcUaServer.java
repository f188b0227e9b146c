package io.kelvin.collectors.opcua;

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
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
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
 * A real Milo OPC UA server on loopback: one endpoint, SecurityPolicy None, anonymous, and a namespace
 * of Double variables (by string id) that tests read and set.
 */
final class LoopbackOpcUaServer implements AutoCloseable {

    private final OpcUaServer server;
    private final TestNamespace namespace;
    private final String endpoint;

    private LoopbackOpcUaServer(OpcUaServer server, TestNamespace namespace, String endpoint) {
        this.server = server;
        this.namespace = namespace;
        this.endpoint = endpoint;
    }

    static LoopbackOpcUaServer start(int port, String namespaceUri, Map<String, Object> values) throws Exception {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath("/test")
                .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:kelvin:test:server").setProductUri("urn:kelvin:test")
                .setApplicationName(LocalizedText.english("Kelvin loopback test server"))
                .setEndpoints(Set.of(endpoint))
                .build();
        OpcUaServer server = new OpcUaServer(config, profile ->
                new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        TestNamespace namespace = new TestNamespace(server, namespaceUri);
        // An unrelated namespace first, so the profile's index is not the one a naive client would guess.
        new TestNamespace(server, "urn:kelvin:test:decoy").startup();
        namespace.startup();
        values.forEach(namespace::add);
        server.startup().get(20, TimeUnit.SECONDS);
        return new LoopbackOpcUaServer(server, namespace, "opc.tcp://127.0.0.1:" + port + "/test");
    }

    String endpoint() {
        return endpoint;
    }

    void set(String id, DataValue value) {
        namespace.nodes.get(id).setValue(value);
    }

    void set(String id, Object value) {
        set(id, new DataValue(new Variant(value)));
    }

    Object value(String id) {
        return namespace.nodes.get(id).getValue().value().getValue();
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(10, TimeUnit.SECONDS);
    }

    private static final class TestNamespace extends ManagedNamespaceWithLifecycle {

        private final SubscriptionModel subscriptions;
        private final Map<String, UaVariableNode> nodes = new ConcurrentHashMap<>();

        TestNamespace(OpcUaServer server, String uri) {
            super(server, uri);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
        }

        void add(String id, Object value) {
            NodeId dataType = value instanceof Float ? NodeIds.Float : value instanceof Integer ? NodeIds.Int32 : NodeIds.Double;
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(id))
                    .setBrowseName(newQualifiedName(id))
                    .setDisplayName(LocalizedText.english(id))
                    .setDataType(dataType)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(AccessLevel.READ_WRITE)
                    .setUserAccessLevel(AccessLevel.READ_WRITE)
                    .build();
            node.setValue(new DataValue(new Variant(value)));
            getNodeManager().addNode(node);
            nodes.put(id, node);
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
