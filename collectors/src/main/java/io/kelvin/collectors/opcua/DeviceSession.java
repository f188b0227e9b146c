package io.kelvin.collectors.opcua;

import io.kelvin.collectors.HealthTracker;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.InstantSource;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import io.kelvin.core.alarm.DeviceEvent;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected OpcUaClient for one device: node ids resolved through the server's namespace array
 * (a node id the server cannot take fails only its own point), reads of all or some nodes, and one
 * subscription with a monitored item per point, built by {@link MonitoredItems} from the profile.
 */
final class DeviceSession implements AutoCloseable {

    static final double PUBLISHING_INTERVAL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    /** A server that answers one of these to CreateSubscription cannot do subscriptions: poll instead. */
    private static final Set<Long> NO_SUBSCRIPTIONS = Set.of(StatusCodes.Bad_TooManySubscriptions,
            StatusCodes.Bad_ServiceUnsupported, StatusCodes.Bad_NotSupported, StatusCodes.Bad_NotImplemented);

    private final Device device;
    private final OpcUaClient client;
    private final Map<PointDef, NodeId> nodes;
    private final Map<PointDef, HealthTracker.Failure> unresolved;
    private OpcUaSubscription subscription;

    private DeviceSession(Device device, OpcUaClient client, Map<PointDef, NodeId> nodes, Map<PointDef, HealthTracker.Failure> unresolved) {
        this.device = device;
        this.client = client;
        this.nodes = nodes;
        this.unresolved = unresolved;
    }

    /** Connects and resolves the device's nodes; throws when the server cannot be reached or lacks the namespace. */
    static DeviceSession connect(Device device, ClientFactory factory, SessionActivityListener listener) throws UaException {
        OpcUaClient client = factory.connect(device);
        try {
            client.addSessionActivityListener(listener);
            String prefix = namespacePrefix(device, client);
            Map<PointDef, NodeId> nodes = new LinkedHashMap<>();
            Map<PointDef, HealthTracker.Failure> unresolved = new LinkedHashMap<>();
            for (PointDef point : device.profile().points()) {
                if (point.nodeId().isEmpty()) {
                    continue;
                }
                try {
                    nodes.put(point, NodeId.parse(prefix + point.nodeId().get()));
                } catch (RuntimeException e) {
                    unresolved.put(point, new HealthTracker.Failure("BadNodeIdInvalid", "node id '" + point.nodeId().get()
                            + "' (" + point.name() + ") cannot be parsed: " + e.getMessage()));
                }
            }
            return new DeviceSession(device, client, nodes, unresolved);
        } catch (UaException | RuntimeException e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    private static String namespacePrefix(Device device, OpcUaClient client) throws UaException {
        if (device.profile().namespaceUri().isEmpty()) {
            return "";
        }
        String uri = device.profile().namespaceUri().get();
        UShort index = client.readNamespaceTable().getIndex(uri);
        if (index == null) {
            throw new IllegalStateException("server has no namespace " + uri);
        }
        return "ns=" + index + ";";
    }

    /** Points whose node id could not be made into a NodeId, with the reason; they are never read. */
    Map<PointDef, HealthTracker.Failure> unresolved() {
        return unresolved;
    }

    List<PointDef> points() {
        return List.copyOf(nodes.keySet());
    }

    /** Reads every node once, so each point has a value before the first publish. */
    Map<PointDef, DataValue> readAll() throws UaException {
        return read(points());
    }

    /** Reads {@code points} in one request; a node the server refuses comes back with a Bad status. */
    Map<PointDef, DataValue> read(List<PointDef> points) throws UaException {
        Map<PointDef, DataValue> result = new LinkedHashMap<>();
        if (points.isEmpty()) {
            return result;
        }
        List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Both, points.stream().map(nodes::get).toList());
        for (int i = 0; i < points.size(); i++) {
            result.put(points.get(i), values.get(i));
        }
        return result;
    }

    /**
     * (Re)creates the subscription, deleting any previous one so a transferred subscription does not
     * deliver twice. Returns the status of every monitored item the server refused.
     *
     * @throws SubscriptionsRefusedException when the server cannot do subscriptions at all
     */
    Map<PointDef, StatusCode> subscribe(BiConsumer<List<PointDef>, List<DataValue>> onData,
                                        OpcUaSubscription.SubscriptionListener onStatus, InstantSource clock,
                                        Consumer<DeviceEvent> onEvent) throws UaException {
        deleteSubscription();
        OpcUaSubscription fresh = new OpcUaSubscription(client, PUBLISHING_INTERVAL_MS);
        fresh.setSubscriptionListener(new Delivery(onData, onStatus));
        try {
            fresh.create();
        } catch (UaException e) {
            if (NO_SUBSCRIPTIONS.contains(e.getStatusCode().value())) {
                throw new SubscriptionsRefusedException(e.getStatusCode(), e);
            }
            throw e;
        }
        subscription = fresh;
        Set<PointDef> noEuRange = EuRanges.missing(device.id(), client, percentPoints());
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        nodes.forEach((point, node) -> items.add(MonitoredItems.dataItem(point, node,
                MonitoredItems.deadband(device.id(), point, noEuRange.contains(point)))));
        fresh.addMonitoredItems(items);
        Map<PointDef, StatusCode> refused = synchronize(fresh, items);
        refused = MonitoredItems.retryPercentAsAbsolute(device.id(), fresh, refused, nodes, this::synchronize);
        if (!refused.isEmpty() && refused.size() == items.size()
                && refused.values().stream().allMatch(s -> s.value() == StatusCodes.Bad_TooManyMonitoredItems)) {
            throw new SubscriptionsRefusedException(refused.values().iterator().next(), null);
        }
        if (ConditionItems.subscribe(device.id(), client, fresh, clock, onEvent)) {
            ConditionItems.refresh(device.id(), client, fresh);
        }
        return refused;
    }

    /** The current subscription's publishing interval as the server revised it (1 s when unknown). */
    java.time.Duration publishingInterval() {
        double ms = subscription == null ? PUBLISHING_INTERVAL_MS
                : subscription.getRevisedPublishingInterval().orElse(PUBLISHING_INTERVAL_MS);
        return java.time.Duration.ofMillis(Math.max(1, Math.round(ms)));
    }

    /** After how many empty publishing intervals the server sends a keep-alive, as it revised it. */
    long maxKeepAliveCount() {
        return subscription == null ? 10 : subscription.getRevisedMaxKeepAliveCount()
                .map(c -> c.longValue()).orElse(subscription.getMaxKeepAliveCount().longValue());
    }

    private Map<PointDef, NodeId> percentPoints() {
        Map<PointDef, NodeId> percent = new LinkedHashMap<>();
        nodes.forEach((point, node) -> {
            if (point.monitoring().deadband().type() == io.kelvin.core.site.Monitoring.Deadband.Type.PERCENT) {
                percent.put(point, node);
            }
        });
        return percent;
    }

    private Map<PointDef, StatusCode> synchronize(OpcUaSubscription target, List<OpcUaMonitoredItem> items) {
        try {
            target.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            LOG.debug("{}: some monitored items were refused: {}", device.id(), e.getMessage());
        }
        Map<PointDef, StatusCode> refused = new LinkedHashMap<>();
        for (OpcUaMonitoredItem item : items) {
            StatusCode status = item.getCreateResult().orElse(new StatusCode(StatusCodes.Bad_UnexpectedError));
            if (!status.isGood()) {
                refused.put((PointDef) item.getUserObject().orElseThrow(), status);
            }
        }
        return refused;
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

    /**
     * What the server says of itself (OPC UA Part 5, 6.3.2 ServerStatus/BuildInfo): manufacturer, product
     * name as model, software version and build number as firmware. Missing values are left out.
     */
    Map<String, String> buildInfo() {
        Map<String, String> facts = new LinkedHashMap<>();
        try {
            List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Neither, List.of(
                    NodeIds.Server_ServerStatus_BuildInfo_ManufacturerName, NodeIds.Server_ServerStatus_BuildInfo_ProductName,
                    NodeIds.Server_ServerStatus_BuildInfo_SoftwareVersion, NodeIds.Server_ServerStatus_BuildInfo_BuildNumber,
                    NodeIds.Server_ServerStatus_BuildInfo_ProductUri));
            String[] names = {"manufacturer", "model", "software_version", "build_number", "product_uri"};
            for (int i = 0; i < names.length; i++) {
                if (values.get(i).value() != null && values.get(i).value().getValue() instanceof String text
                        && !text.isBlank()) {
                    facts.put(names[i], text.strip());
                }
            }
        } catch (UaException e) {
            LOG.debug("{}: BuildInfo not read: {}", device.id(), e.getMessage());
        }
        return facts;
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

    static void disconnectQuietly(OpcUaClient client) {
        try {
            client.disconnectAsync().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("disconnect did not complete cleanly: {}", e.toString());
        }
    }

    /** The server cannot do subscriptions (or no monitored items at all): the device must be polled. */
    static final class SubscriptionsRefusedException extends UaException {
        SubscriptionsRefusedException(StatusCode status, Throwable cause) {
            super(status.value(), "the server refused subscriptions (" + status + ")", cause);
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
        public void onKeepAliveReceived(OpcUaSubscription s) {
            onStatus.onKeepAliveReceived(s);
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            onStatus.onTransferFailed(s, status);
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            onStatus.onWatchdogTimerElapsed(s);
        }
    }
}
