package io.kelvin.collectors.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * One connected OpcUaClient for one device (SecurityPolicy None, anonymous): node ids resolved through
 * the server's namespace array, an initial read of every node, and one subscription with a monitored
 * item per point (sampling interval = the point's poll class, publishing every second).
 */
final class DeviceSession implements AutoCloseable {

    static final double PUBLISHING_INTERVAL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

    private final Device device;
    private final OpcUaClient client;
    private final Map<PointDef, NodeId> nodes;
    private OpcUaSubscription subscription;

    private DeviceSession(Device device, OpcUaClient client, Map<PointDef, NodeId> nodes) {
        this.device = device;
        this.client = client;
        this.nodes = nodes;
    }

    /** Connects and resolves the device's nodes; throws when the server cannot be reached or lacks the namespace. */
    static DeviceSession connect(Device device, SessionActivityListener listener) throws UaException {
        String url = device.endpoint().orElseThrow(() -> new IllegalStateException(device.id() + " has no endpoint"));
        OpcUaClient client = OpcUaClient.create(url,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst()
                        // The server may advertise a host name we cannot reach; keep the one we were given.
                        .map(e -> EndpointUtil.updateUrl(e, EndpointUtil.getHost(url), EndpointUtil.getPort(url))),
                transport -> { },
                config -> config.setApplicationName(LocalizedText.english("Kelvin collectors"))
                        .setApplicationUri("urn:kelvin:collectors:" + device.id())
                        .setRequestTimeout(uint(5_000))
                        .setKeepAliveInterval(uint(2_000)));
        try {
            client.connect();
            client.addSessionActivityListener(listener);
            return new DeviceSession(device, client, resolve(device, client));
        } catch (UaException | RuntimeException e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    private static Map<PointDef, NodeId> resolve(Device device, OpcUaClient client) throws UaException {
        String prefix = "";
        if (device.profile().namespaceUri().isPresent()) {
            String uri = device.profile().namespaceUri().get();
            UShort index = client.readNamespaceTable().getIndex(uri);
            if (index == null) {
                throw new IllegalStateException("server has no namespace " + uri);
            }
            prefix = "ns=" + index + ";";
        }
        Map<PointDef, NodeId> nodes = new LinkedHashMap<>();
        for (PointDef point : device.profile().points()) {
            if (point.nodeId().isPresent()) {
                nodes.put(point, NodeId.parse(prefix + point.nodeId().get()));
            }
        }
        return nodes;
    }

    List<PointDef> points() {
        return List.copyOf(nodes.keySet());
    }

    /** Reads every node once, so each point has a value before the first publish. */
    Map<PointDef, DataValue> readAll() throws UaException {
        List<PointDef> points = points();
        List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Both, points.stream().map(nodes::get).toList());
        Map<PointDef, DataValue> result = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            result.put(points.get(i), values.get(i));
        }
        return result;
    }

    /**
     * (Re)creates the subscription, deleting any previous one so a transferred subscription does not
     * deliver twice. Returns the points whose monitored item the server refused.
     */
    List<PointDef> subscribe(BiConsumer<List<PointDef>, List<DataValue>> onData,
                             OpcUaSubscription.SubscriptionListener onStatus) throws UaException {
        deleteSubscription();
        OpcUaSubscription fresh = new OpcUaSubscription(client, PUBLISHING_INTERVAL_MS);
        fresh.setSubscriptionListener(new Delivery(onData, onStatus));
        fresh.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        nodes.forEach((point, node) -> {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node);
            item.setSamplingInterval(device.profile().interval(point).toMillis());
            item.setUserObject(point);
            items.add(item);
        });
        fresh.addMonitoredItems(items);
        subscription = fresh;
        try {
            fresh.synchronizeMonitoredItems();
            return List.of();
        } catch (MonitoredItemSynchronizationException e) {
            return items.stream()
                    .filter(i -> i.getCreateResult().map(s -> !s.isGood()).orElse(true))
                    .map(i -> (PointDef) i.getUserObject().orElseThrow())
                    .toList();
        }
    }

    private void deleteSubscription() {
        if (subscription != null) {
            try {
                subscription.delete();
            } catch (UaException e) {
                LOG.debug("{}: old subscription already gone: {}", device.id(), e.getMessage());
            }
            client.removeSubscription(subscription);
            subscription = null;
        }
    }

    OpcUaClient client() {
        return client;
    }

    NodeId node(PointDef point) {
        NodeId node = nodes.get(point);
        if (node == null) {
            throw new IllegalArgumentException(point.name() + " has no OPC UA node");
        }
        return node;
    }

    @Override
    public void close() {
        disconnectQuietly(client);
    }

    private static void disconnectQuietly(OpcUaClient client) {
        try {
            client.disconnectAsync().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("disconnect did not complete cleanly: {}", e.toString());
        }
    }

    /** Hands each publish's values to {@code onData} as one batch, with the points they belong to. */
    private record Delivery(BiConsumer<List<PointDef>, List<DataValue>> onData,
                            OpcUaSubscription.SubscriptionListener onStatus) implements OpcUaSubscription.SubscriptionListener {

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            onData.accept(items.stream().map(i -> (PointDef) i.getUserObject().orElseThrow()).toList(), values);
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode status) {
            onStatus.onTransferFailed(s, status);
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            onStatus.onWatchdogTimerElapsed(s);
        }
    }
}
