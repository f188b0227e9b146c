package io.kelvin.collectors.opcua;

import io.kelvin.collectors.DeviceLink;
import io.kelvin.collectors.HealthTracker;
import io.kelvin.core.retry.Backoff;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.DeviceEventSink;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.telemetry.SampleSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA device, looked after by a virtual thread of its own. The thread connects (retrying with
 * capped backoff while the server is unreachable), reads every node once, then subscribes (or polls,
 * when the site says {@code mode: poll} or the server refuses subscriptions) and waits for session
 * events: when Milo reports the session lost, the device's points get COMM_FAILED, again every
 * {@link #GAP_MARK_INTERVAL} while it stays lost, so the outage shows as a marked gap and never as the
 * old value; when Milo's reconnect brings the session back, the nodes are read again and the
 * subscription is re-created (a transferred one is replaced, so it never delivers twice).
 * Events the server fires on its Server object go to the {@link DeviceEventSink}, and a ConditionRefresh
 * after each subscription replays the active conditions; operator actions on them are calls on the
 * current session ({@link AlarmActions}).
 */
public final class OpcUaDevice implements DeviceLink, AutoCloseable {

    /** While a session is lost, the device's points are marked COMM_FAILED this often. */
    public static final Duration GAP_MARK_INTERVAL = Outage.GAP_MARK_INTERVAL;
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDevice.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(500);

    private enum Event { LOST, REGAINED, RESUBSCRIBE }

    private final Device device;
    private final InstantSource clock;
    private final DeviceOutput output;
    private final ClientFactory clients;
    private final HealthTracker health;
    private final Backoff backoff;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final OpcUaWriter writer;
    private final Polling polling = new Polling();
    private final Reassertion reassertion;
    private volatile DeviceSession session;
    private volatile boolean closed;
    private volatile boolean polled;
    private boolean lostSinceSync;
    private final Outage outage;
    /** Counts sessions; events of an earlier session's listeners are ignored. */
    private volatile int generation;
    private Thread worker;

    private volatile Map<String, String> serverInfo = Map.of();
    private final AlarmActions alarms = new SessionAlarmActions(this::connectedClient);

    OpcUaDevice(Device device, Backoff backoff, InstantSource clock, SampleSink sink, DeviceEventSink events,
                ClientFactory clients) {
        this.device = device;
        this.backoff = backoff;
        this.clock = clock;
        this.clients = clients;
        this.health = new HealthTracker(device.id(), clock);
        this.output = new DeviceOutput(device, clock, sink, events, health);
        this.writer = new OpcUaWriter(device.id());
        this.outage = new Outage(clock, device.endpoint().orElse(""));
        this.reassertion = new Reassertion(device);
    }

    /** Starts the device's thread; returns at once even when the server is down. */
    public void start() {
        worker = Thread.ofVirtual().name("opcua-" + device.id()).start(this::run);
    }

    /** True while the device is read by polling instead of a subscription (by choice or by fallback). */
    public boolean isPolled() {
        return polled;
    }

    private void run() {
        try {
            while (!closed) {
                DeviceSession current = session;
                if (current == null) {
                    connectOrWait();
                    continue;
                }
                Event event = events.poll(waitMillis(), TimeUnit.MILLISECONDS);
                if (event != null) {
                    handle(event);
                } else if (lostSinceSync) {
                    if (outage.markDue()) {
                        output.allCommFailed("session lost");
                    }
                    reconnectIfServerIsBack(current);
                } else if (polling.isActive()) {
                    poll(current);
                }
                if (!lostSinceSync && session == current) {
                    output.reasserted(reassertion.due(clock.instant()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long waitMillis() {
        long idle = IDLE_WAIT.toMillis();
        if (lostSinceSync) {
            return idle;
        }
        Instant now = clock.instant();
        long wait = idle;
        if (polling.isActive()) {
            wait = Math.min(wait, Duration.between(now, polling.next().orElseThrow()).toMillis());
        }
        Optional<Instant> reassert = reassertion.nextDue();
        if (reassert.isPresent()) {
            wait = Math.min(wait, Duration.between(now, reassert.get()).toMillis() + 1);
        }
        return Math.clamp(wait, 0, idle);
    }

    private void connectOrWait() throws InterruptedException {
        try {
            int current = ++generation;
            DeviceSession connected = DeviceSession.connect(device, clients, new SessionEvents(current));
            events.clear();
            session = connected;
            lostSinceSync = false;
            health.connected();
            backoff.reset();
            LOG.info("opcua {} connected to {}", device.id(), device.endpoint().orElse("?"));
            serverInfo = connected.buildInfo();
            synchronize(connected);
        } catch (UaException | RuntimeException e) {
            DeviceSession half = session;
            session = null;
            if (half != null) {
                half.close();
            }
            down(new HealthTracker.Failure(StatusNames.of(e), "connect failed: " + e.getMessage()));
            outage.waitBeforeRetry(backoff.next(), () -> closed);
        }
    }

    /** Gives a lost session up for a fresh connect once the server's port answers again. */
    private void reconnectIfServerIsBack(DeviceSession current) {
        if (outage.serverBack()) {
            LOG.info("opcua {}: the server is reachable again; opening a new session", device.id());
            generation++;
            session = null;
            current.close();
            backoff.reset();
        }
    }

    private void handle(Event event) {
        DeviceSession current = session;
        switch (event) {
            case LOST -> {
                lostSinceSync = true;
                reassertion.forget();
                polling.stop();
                down(new HealthTracker.Failure("BadSessionClosed", "session lost"));
                outage.lost();
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
                    down(new HealthTracker.Failure(StatusNames.of(e), "resubscribe failed: " + e.getMessage()));
                    events.offer(Event.RESUBSCRIBE);
                }
            }
        }
    }

    /** Initial read, then a fresh subscription, or polling when configured or refused; all feed the sink. */
    private void synchronize(DeviceSession current) throws UaException {
        polling.stop();
        reassertion.forget();
        output.unusable(current.unresolved());
        delivered(current.readAll());
        if (device.opcua().mode() == AcquisitionMode.POLL) {
            startPolling(current.points(), "the site file says mode: poll");
            return;
        }
        try {
            Map<PointDef, StatusCode> refused = current.subscribe(this::published, new SubscriptionEvents(generation),
                    clock, output::event);
            reassertion.subscribed(current.publishingInterval(), current.maxKeepAliveCount(), clock.instant());
            polled = false;
            List<PointDef> tooMany = new ArrayList<>();
            refused.forEach((point, status) -> {
                if (status.value() == StatusCodes.Bad_TooManyMonitoredItems) {
                    tooMany.add(point);
                } else {
                    health.readRefused(point.name(), new HealthTracker.Failure(StatusNames.of(status),
                            "server refused a monitored item for " + point.nodeId().orElse("?") + ": " + StatusNames.of(status)));
                }
            });
            if (!tooMany.isEmpty()) {
                startPolling(tooMany, "the server took no more monitored items");
            }
        } catch (DeviceSession.SubscriptionsRefusedException e) {
            startPolling(current.points(), e.getMessage());
        }
    }

    private void startPolling(List<PointDef> points, String why) {
        polled = true;
        polling.start(points, clock.instant());
        LOG.info("opcua {}: polling {} points at their sampling intervals ({})", device.id(), points.size(), why);
    }

    private void poll(DeviceSession current) {
        List<PointDef> due = polling.due(clock.instant());
        long overran = polling.takeOverruns();
        if (overran > 0) {
            health.overran(overran);
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            delivered(current.read(due));
        } catch (UaException | RuntimeException e) {
            output.unanswered(due, new HealthTracker.Failure(StatusNames.of(e), "poll failed: " + e.getMessage()));
        }
    }

    private void delivered(Map<PointDef, DataValue> values) {
        List<PointDef> points = List.copyOf(values.keySet());
        reassertion.delivered(points, output.values(points, List.copyOf(values.values())), clock.instant());
    }

    /** A publish response with data, on Milo's thread: the subscription is alive and these points changed. */
    private void published(List<PointDef> points, List<DataValue> values) {
        Instant now = clock.instant();
        reassertion.heard(now);
        reassertion.delivered(points, output.values(points, values), now);
    }

    private void down(HealthTracker.Failure reason) {
        boolean wasUp = health.isConnected();
        health.disconnected(reason);
        if (wasUp || backoff.failures() == 0) {
            LOG.warn("opcua {} down: {}", device.id(), reason.message());
        }
        output.allCommFailed(reason.code());
    }

    @Override
    public double write(PointDef point, double value) {
        DeviceSession current = session;
        if (current == null || !health.isConnected()) {
            throw new io.kelvin.core.control.WriteFailedException(device.id() + " is not connected");
        }
        return writer.write(current, point, value);
    }

    /** The client of the current session while connected; empty otherwise. */
    private Optional<ConditionMethods> connectedClient() {
        DeviceSession current = session;
        return current == null || !health.isConnected() ? Optional.empty()
                : Optional.of(new ConditionMethods(device.id(), current.client()));
    }

    @Override
    public String deviceId() {
        return device.id();
    }

    @Override
    public DeviceHealth health() {
        return health.snapshot(DeviceInfo.from(serverInfo, "OPC UA server BuildInfo", device.profile().manufacturer(),
                device.profile().model()));
    }

    @Override
    public Map<String, String> deviceInfo() {
        return serverInfo;
    }

    @Override
    public Optional<AlarmActions> alarmActions() {
        return Optional.of(alarms);
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

    /** Queues an event of the session numbered {@code from}, unless a newer session has replaced it. */
    private void offer(int from, Event event) {
        if (from == generation) {
            events.offer(event);
        }
    }

    /** Milo calls these on its own threads; the device thread does the work. */
    private final class SessionEvents implements SessionActivityListener {
        private final int from;

        SessionEvents(int from) {
            this.from = from;
        }

        @Override
        public void onSessionActive(UaSession s) {
            offer(from, Event.REGAINED);
        }

        @Override
        public void onSessionInactive(UaSession s) {
            offer(from, Event.LOST);
        }
    }

    private final class SubscriptionEvents implements OpcUaSubscription.SubscriptionListener {
        private final int from;

        SubscriptionEvents(int from) {
            this.from = from;
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            offer(from, Event.RESUBSCRIBE);
        }

        @Override
        public void onKeepAliveReceived(OpcUaSubscription s) {
            if (from == generation) {
                reassertion.heard(clock.instant());
            }
        }

        @Override
        public void onWatchdogTimerElapsed(OpcUaSubscription s) {
            LOG.debug("opcua {}: no publish or keep-alive in time", device.id());
        }
    }
}
