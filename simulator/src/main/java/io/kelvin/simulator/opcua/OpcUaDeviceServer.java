package io.kelvin.simulator.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.simulator.DeviceServer;
import io.kelvin.simulator.SetpointSink;
import io.kelvin.simulator.TwinAlarm;
import io.kelvin.simulator.TwinAlarmState;
import io.kelvin.core.site.OpcUaSettings.Security;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;

/**
 * One Milo OPC UA server for one device, at the host, port and path of the device's
 * {@code endpoint}: SecurityPolicy None, anonymous access, the profile's namespace and node ids.
 * Security None needs no server certificate in Milo 1.1, so none is generated, unless the device's
 * site entry asks for security: then the server also offers Basic256Sha256 and Aes128_Sha256_RsaOaep
 * with Sign and SignAndEncrypt, with a certificate cached under {@code STATE_DIR/pki/DEVICE.p12}, and
 * accepts the entry's user with the password from its passwordEnv or passwordFile (None stays
 * available for the demo). Alarm conditions ({@link TwinConditions}) and the server's own events
 * (a session created, an acknowledgement's audit record) are fired on the Server object, and
 * ConditionRefresh replays the retained conditions ({@link ConditionRefresh}).
 */
public final class OpcUaDeviceServer implements DeviceServer {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceServer.class);
    private static final long TIMEOUT_SECONDS = 20;

    private final Device device;
    private final OpcUaServer server;
    private final DeviceNamespace namespace;
    private final TwinConditions conditions;

    private OpcUaDeviceServer(Device device, OpcUaServer server, DeviceNamespace namespace, TwinConditions conditions) {
        this.device = device;
        this.server = server;
        this.namespace = namespace;
        this.conditions = conditions;
    }

    /**
     * Starts serving {@code device} with {@code initial} values; writes go to {@code sink}; {@code stateDir}
     * keeps the server certificate of a device whose site entry asks for security.
     */
    public static OpcUaDeviceServer start(Device device, Map<String, Double> initial, InstantSource clock,
                                          SetpointSink sink, Path stateDir) {
        URI endpoint = URI.create(device.endpoint()
                .orElseThrow(() -> new IllegalArgumentException(device.id() + " has no OPC UA endpoint")));
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(endpoint.getHost())
                .setHostname(endpoint.getHost())
                .setBindPort(endpoint.getPort())
                .setPath(endpoint.getPath() == null || endpoint.getPath().isEmpty() ? "/" : endpoint.getPath());
        String applicationUri = "urn:kelvin:simulator:" + device.id();
        OpcUaServerConfigBuilder builder = OpcUaServerConfig.builder()
                .setApplicationUri(applicationUri)
                .setProductUri("urn:kelvin:simulator")
                .setApplicationName(LocalizedText.english("Kelvin twin " + device.id()))
                .setBuildInfo(new BuildInfo("urn:kelvin:simulator", device.profile().manufacturer(),
                        device.profile().model(), OpcUaServer.SDK_VERSION, "", new DateTime(clock.instant())));
        Security security = device.opcua().security();
        if (security.isSecured()) {
            ServerSecurity certificate = ServerSecurity.loadOrCreate(stateDir.resolve("pki"), device.id(), applicationUri,
                    endpoint.getHost());
            builder.setEndpoints(certificate.endpoints(ServerSecurity.withTokenPolicies(base)))
                    .setCertificateManager(certificate.certificateManager())
                    .setIdentityValidator(ServerSecurity.identities(users(device, security)));
        } else {
            builder.setEndpoints(Set.of(base.setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                            .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build()))
                    .setIdentityValidator(AnonymousIdentityValidator.INSTANCE);
        }
        OpcUaServerConfig config = builder.build();
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        DeviceNamespace namespace = new DeviceNamespace(server, device, initial, clock, sink);
        namespace.startup();
        try {
            server.startup().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting OPC UA server of " + device.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot start OPC UA server of " + device.id() + " at " + endpoint, e);
        }
        server.getAddressSpaceManager().getManagedNode(NodeIds.Server)
                .filter(ServerTypeNode.class::isInstance)
                .ifPresent(node -> ((ServerTypeNode) node).setEventNotifier(ubyte(1)));
        TwinConditions conditions = new TwinConditions(server, namespace.getNodeContext(), namespace.folderId(),
                device.id(), clock);
        ConditionRefresh.install(server, conditions, clock);
        server.getSessionManager().addSessionListener(new SessionListener() {
            @Override
            public void onSessionCreated(Session session) {
                ServerEvents.sessionCreated(server, clock.instant());
            }
        });
        LOG.debug("serving {} at {}", device.id(), endpoint);
        return new OpcUaDeviceServer(device, server, namespace, conditions);
    }

    /** The site entry's user with the password the collector will send, read the same way. */
    private static Map<String, String> users(Device device, Security security) {
        if (security.user().isEmpty()) {
            return Map.of();
        }
        try {
            String password = security.passwordEnv().isPresent() ? System.getenv(security.passwordEnv().get())
                    : Files.readAllLines(security.passwordFile().orElseThrow()).stream().findFirst().orElse("").strip();
            if (password == null || password.isEmpty()) {
                LOG.warn("twin {}: no password for user '{}' ({} is not set); only anonymous logins work", device.id(),
                        security.user().get(), security.passwordEnv().orElse("?"));
                return Map.of();
            }
            return Map.of(security.user().get(), password);
        } catch (IOException e) {
            LOG.warn("twin {}: cannot read the password file of user '{}': {}", device.id(), security.user().get(),
                    e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void raise(String deviceId, TwinAlarm alarm, String message) {
        if (deviceId.equals(device.id())) {
            conditions.raise(alarm, message);
        }
    }

    @Override
    public void clear(String deviceId, TwinAlarm alarm) {
        if (deviceId.equals(device.id())) {
            conditions.clear(alarm);
        }
    }

    @Override
    public Optional<TwinAlarmState> alarm(String deviceId, TwinAlarm alarm) {
        return deviceId.equals(device.id()) ? conditions.state(alarm.condition()) : Optional.empty();
    }

    @Override
    public void publish(String deviceId, Map<String, Double> values, Instant sourceTime) {
        if (deviceId.equals(device.id())) {
            namespace.publish(values, sourceTime);
            conditions.tick();
        }
    }

    @Override
    public void close() {
        try {
            namespace.shutdown();
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("OPC UA server of {} did not stop cleanly: {}", device.id(), e.getMessage());
        }
    }
}
