package io.kelvin.simulator.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.simulator.DeviceServer;
import io.kelvin.simulator.SetpointSink;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
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

/**
 * One Milo OPC UA server for one device, at the host, port and path of the device's
 * {@code endpoint}: SecurityPolicy None, anonymous access, the profile's namespace and node ids.
 * Security None needs no server certificate in Milo 1.1, so none is generated.
 */
public final class OpcUaDeviceServer implements DeviceServer {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDeviceServer.class);
    private static final long TIMEOUT_SECONDS = 20;

    private final Device device;
    private final OpcUaServer server;
    private final DeviceNamespace namespace;

    private OpcUaDeviceServer(Device device, OpcUaServer server, DeviceNamespace namespace) {
        this.device = device;
        this.server = server;
        this.namespace = namespace;
    }

    /** Starts serving {@code device} with {@code initial} values; writes go to {@code sink}. */
    public static OpcUaDeviceServer start(Device device, Map<String, Double> initial, InstantSource clock,
                                          SetpointSink sink) {
        URI endpoint = URI.create(device.endpoint()
                .orElseThrow(() -> new IllegalArgumentException(device.id() + " has no OPC UA endpoint")));
        EndpointConfig endpointConfig = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(endpoint.getHost())
                .setHostname(endpoint.getHost())
                .setBindPort(endpoint.getPort())
                .setPath(endpoint.getPath() == null || endpoint.getPath().isEmpty() ? "/" : endpoint.getPath())
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        String applicationUri = "urn:kelvin:simulator:" + device.id();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(applicationUri)
                .setProductUri("urn:kelvin:simulator")
                .setApplicationName(LocalizedText.english("Kelvin twin " + device.id()))
                .setBuildInfo(new BuildInfo("urn:kelvin:simulator", device.profile().manufacturer(),
                        device.profile().model(), OpcUaServer.SDK_VERSION, "", new DateTime(clock.instant())))
                .setEndpoints(Set.of(endpointConfig))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
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
        LOG.debug("serving {} at {}", device.id(), endpoint);
        return new OpcUaDeviceServer(device, server, namespace);
    }

    @Override
    public void publish(String deviceId, Map<String, Double> values, Instant sourceTime) {
        if (deviceId.equals(device.id())) {
            namespace.publish(values, sourceTime);
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
