package io.kelvin.collectors.opcua;

import io.kelvin.simulator.opcua.ServerSecurity;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemType;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

/**
 * A real Milo OPC UA server on loopback: by default one endpoint, SecurityPolicy None, anonymous, and a
 * namespace of Double variables (by string id) that tests read and set. {@link Options} add secured
 * endpoints with user names (the simulator's {@link ServerSecurity}), or a limit of zero subscriptions
 * per session. Events are fired on the Server object.
 */
final class LoopbackOpcUaServer implements AutoCloseable {

    /**
     * {@code security}: when present, only that policy's Sign and SignAndEncrypt endpoints, with user
     * names from {@code users}; {@code refuseSubscriptions}: every CreateSubscription fails with
     * Bad_TooManySubscriptions (a session may have none).
     */
    record Options(Optional<ServerSecurity> security, SecurityPolicy policy, Map<String, String> users,
                   boolean refuseSubscriptions, boolean distrustClients) {
        static final Options PLAIN = new Options(Optional.empty(), SecurityPolicy.None, Map.of(), false, false);

        static Options secured(ServerSecurity security, SecurityPolicy policy, Map<String, String> users) {
            return new Options(Optional.of(security), policy, users, false, false);
        }

        static Options refusingSubscriptions() {
            return new Options(Optional.empty(), SecurityPolicy.None, Map.of(), true, false);
        }

        /** The same, but every client certificate is refused, as by a server that has not trusted Kelvin yet. */
        Options distrustingClients() {
            return new Options(security, policy, users, refuseSubscriptions, true);
        }
    }

    private final OpcUaServer server;
    private final TestNamespace namespace;
    private final String endpoint;

    private LoopbackOpcUaServer(OpcUaServer server, TestNamespace namespace, String endpoint) {
        this.server = server;
        this.namespace = namespace;
        this.endpoint = endpoint;
    }

    static LoopbackOpcUaServer start(int port, String namespaceUri, Map<String, Object> values) throws Exception {
        return start(port, namespaceUri, values, Options.PLAIN);
    }

    static LoopbackOpcUaServer start(int port, String namespaceUri, Map<String, Object> values, Options options)
            throws Exception {
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath("/test");
        OpcUaServerConfigBuilder builder = OpcUaServerConfig.builder()
                .setApplicationUri("urn:kelvin:test:server").setProductUri("urn:kelvin:test")
                .setApplicationName(LocalizedText.english("Kelvin loopback test server"));
        if (options.security().isPresent()) {
            ServerSecurity security = options.security().get();
            builder.setEndpoints(security.securedOnly(ServerSecurity.withTokenPolicies(base), options.policy()))
                    .setCertificateManager(options.distrustClients()
                            ? security.certificateManager((chain, uri, hosts) -> {
                                throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "client certificate not trusted");
                            })
                            : security.certificateManager())
                    .setIdentityValidator(ServerSecurity.identities(options.users()));
        } else {
            builder.setEndpoints(Set.of(base.setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build()));
        }
        if (options.refuseSubscriptions()) {
            builder.setLimits(new OpcUaServerConfigLimits() {
                @Override
                public UInteger getMaxSubscriptionsPerSession() {
                    return UInteger.valueOf(0);
                }
            });
        }
        OpcUaServerConfig config = builder.build();
        OpcUaServer server = new OpcUaServer(config, profile ->
                new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        TestNamespace namespace = new TestNamespace(server, namespaceUri);
        // An unrelated namespace first, so the profile's index is not the one a naive client would guess.
        new TestNamespace(server, "urn:kelvin:test:decoy").startup();
        namespace.startup();
        values.forEach(namespace::add);
        server.startup().get(20, TimeUnit.SECONDS);
        server.getAddressSpaceManager().getManagedNode(NodeIds.Server)
                .filter(ServerTypeNode.class::isInstance)
                .ifPresent(node -> ((ServerTypeNode) node).setEventNotifier(ubyte(1)));
        return new LoopbackOpcUaServer(server, namespace, "opc.tcp://127.0.0.1:" + port + "/test");
    }

    /** Fires a BaseEventType event on the Server object, as a device reports an alarm. */
    void fireEvent(String sourceName, int severity, String message) throws Exception {
        BaseEventTypeNode event = server.getEventFactory().createEvent(
                new NodeId(1, UUID.randomUUID()), NodeIds.BaseEventType);
        event.setBrowseName(new QualifiedName(1, sourceName));
        event.setDisplayName(LocalizedText.english(sourceName));
        event.setEventId(ByteString.of(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        event.setEventType(NodeIds.BaseEventType);
        event.setSourceNode(NodeIds.Server);
        event.setSourceName(sourceName);
        event.setTime(DateTime.now());
        event.setReceiveTime(DateTime.NULL_VALUE);
        event.setMessage(LocalizedText.english(message));
        event.setSeverity(ushort(severity));
        server.getEventNotifier().fire(event);
        event.delete();
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

    /**
     * Makes a variable an AnalogItemType with the EURange property (Part 8, 5.3.2) a percent deadband is
     * computed over.
     */
    void euRange(String id, double low, double high) {
        UaVariableNode node = namespace.nodes.get(id);
        node.removeReference(new Reference(node.getNodeId(), NodeIds.HasTypeDefinition,
                NodeIds.BaseDataVariableType.expanded(), true));
        node.addReference(new Reference(node.getNodeId(), NodeIds.HasTypeDefinition, NodeIds.AnalogItemType.expanded(), true));
        node.setProperty(AnalogItemType.EU_RANGE, new Range(low, high));
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
