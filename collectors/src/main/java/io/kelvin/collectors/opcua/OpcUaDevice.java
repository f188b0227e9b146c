package io.kelvin.collectors.opcua;

import io.kelvin.collectors.DeviceHealth;
import io.kelvin.collectors.DeviceLink;
import io.kelvin.collectors.HealthTracker;
import io.kelvin.collectors.ReconnectBackoff;
import io.kelvin.collectors.SampleRules;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA device, looked after by a virtual thread of its own. The thread connects (retrying with
 * capped backoff while the server is unreachable), reads every node once, subscribes, and then waits
 * for session events: when Milo reports the session lost, the device's points get COMM_FAILED; when
 * Milo's reconnect brings the session back, the nodes are read again and the subscription is
 * re-created (a transferred one is replaced, so it never delivers twice).
 */
public final class OpcUaDevice implements DeviceLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDevice.class);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private enum Event { LOST, REGAINED, RESUBSCRIBE }

    private final Device device;
    private final InstantSource clock;
    private final SampleSink sink;
    private final HealthTracker health;
    private final ReconnectBackoff backoff;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final OpcUaWriter writer;
    private volatile DeviceSession session;
    private volatile boolean closed;
    private boolean lostSinceSync;
    private Thread worker;

    public OpcUaDevice(Device device, ReconnectBackoff backoff, InstantSource clock, SampleSink sink) {
        this.device = device;
        this.backoff = backoff;
        this.clock = clock;
        this.sink = sink;
        this.health = new HealthTracker(device.id());
        this.writer = new OpcUaWriter(device.id());
    }

    /** Starts the device's thread; returns at once even when the server is down. */
    public void start() {
        worker = Thread.ofVirtual().name("opcua-" + device.id()).start(this::run);
    }

    private void run() {
        try {
            while (!closed) {
                if (session == null) {
                    connectOrWait();
                } else {
                    Event event = events.poll(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    if (event != null) {
                        handle(event);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connectOrWait() throws InterruptedException {
        try {
            DeviceSession connected = DeviceSession.connect(device, new SessionEvents());
            events.clear();
            session = connected;
            health.connected();
            backoff.succeeded();
            LOG.info("opcua {} connected to {}", device.id(), device.endpoint().orElse("?"));
            synchronize(connected);
        } catch (UaException | RuntimeException e) {
            DeviceSession half = session;
            session = null;
            if (half != null) {
                half.close();
            }
            down("connect failed: " + e.getMessage());
            Thread.sleep(backoff.failed().toMillis());
        }
    }

    private void handle(Event event) {
        DeviceSession current = session;
        switch (event) {
            case LOST -> {
                lostSinceSync = true;
                down("session lost");
            }
            case REGAINED, RESUBSCRIBE -> {
                if (event == Event.REGAINED && !lostSinceSync) {
                    return;
                }
                lostSinceSync = false;
                try {
                    health.connected();
                    synchronize(current);
                } catch (UaException | RuntimeException e) {
                    down("resubscribe failed: " + e.getMessage());
                    events.offer(Event.RESUBSCRIBE);
                }
            }
        }
    }

    /** Initial read, then a fresh subscription; both feed the sink. */
    private void synchronize(DeviceSession current) throws UaException {
        deliver(current.readAll());
        List<PointDef> refused = current.subscribe(this::deliver, new SubscriptionEvents());
        for (PointDef point : refused) {
            health.readRefused(point.name(), "server refused a monitored item for " + point.nodeId().orElse("?"));
        }
    }

    private void deliver(Map<PointDef, DataValue> values) {
        deliver(List.copyOf(values.keySet()), List.copyOf(values.values()));
    }

    private void deliver(List<PointDef> points, List<DataValue> values) {
        Instant now = clock.instant();
        List<Sample> samples = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Sample sample = OpcUaValues.toSample(device.id(), points.get(i), values.get(i), now);
            samples.add(sample);
            if (values.get(i).statusCode() != null && values.get(i).statusCode().isBad()) {
                health.readRefused(points.get(i).name(), "status " + values.get(i).statusCode());
            } else {
                health.readSucceeded(points.get(i).name(), now);
            }
        }
        accept(samples);
    }

    private void down(String reason) {
        boolean wasUp = health.isConnected();
        health.disconnected(reason);
        if (wasUp || backoff.failures() == 0) {
            LOG.warn("opcua {} down: {}", device.id(), reason);
        }
        List<PointDef> points = device.profile().points().stream().filter(p -> p.nodeId().isPresent()).toList();
        Instant now = clock.instant();
        accept(SampleRules.commFailed(device.id(), points, now));
    }

    private void accept(List<Sample> samples) {
        try {
            sink.accept(samples);
        } catch (RuntimeException e) {
            LOG.error("sink refused {} samples of {}", samples.size(), device.id(), e);
        }
    }

    @Override
    public double write(PointDef point, double value) {
        DeviceSession current = session;
        if (current == null || !health.isConnected()) {
            throw new io.kelvin.core.control.WriteFailedException(device.id() + " is not connected");
        }
        return writer.write(current, point, value);
    }

    @Override
    public String deviceId() {
        return device.id();
    }

    @Override
    public DeviceHealth health() {
        return health.snapshot();
    }

    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            worker.interrupt();
        }
        DeviceSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
    }

    /** Milo calls these on its own threads; the device thread does the work. */
    private final class SessionEvents implements SessionActivityListener {
        @Override
        public void onSessionActive(UaSession s) {
            events.offer(Event.REGAINED);
        }

        @Override
        public void onSessionInactive(UaSession s) {
            events.offer(Event.LOST);
        }
    }

    private final class SubscriptionEvents implements OpcUaSubscription.SubscriptionListener {
        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            events.offer(Event.RESUBSCRIBE);
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            LOG.debug("opcua {}: no publish or keep-alive in time", device.id());
        }
    }
}
