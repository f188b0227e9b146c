package io.kelvin.simulator;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.modbus.ModbusEndpoint;
import io.kelvin.simulator.opcua.OpcUaDeviceServer;
import io.kelvin.simulator.physics.PlantModel;
import io.kelvin.simulator.physics.SiteTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: the digital twin of a site. Builds the {@link PlantModel}, serves every device over
 * OPC UA (one Milo server per endpoint) or Modbus TCP (one j2mod slave per host:port) exactly as its
 * profile says, and runs a ticker (one thread, every {@link #TICK}) that advances the physics to
 * {@code options.clock().instant()} and publishes the values. With a settable clock, tests move the
 * clock and call {@link #advanceTo(Instant)} for a deterministic step. Setpoint writes from the wire
 * and from {@link #write(PointId, double)} take the same path.
 */
public final class SiteTwin implements AutoCloseable {

    public static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(SiteTwin.class);

    private final Site site;
    private final TwinOptions options;
    private final PlantModel model;
    private final Map<String, DeviceServer> serverByDevice = new ConcurrentHashMap<>();
    private final List<DeviceServer> servers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;

    private SiteTwin(Site site, TwinOptions options) {
        this.site = site;
        this.options = options;
        this.model = PlantModel.create(site, options.seed(), options.clock().instant());
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kelvin-twin-ticker-" + site.info().id());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Builds the plant model of the site and opens every device endpoint the site file names. */
    public static SiteTwin start(Site site, TwinOptions options) {
        SiteTwin twin = new SiteTwin(site, options);
        try {
            twin.openServers();
        } catch (RuntimeException e) {
            twin.close();
            throw e;
        }
        if (!twin.model.unmodelledPoints().isEmpty()) {
            LOG.warn("no physics for {}; they read 0 clamped into their range", twin.model.unmodelledPoints());
        }
        twin.ticker.scheduleWithFixedDelay(twin::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return twin;
    }

    private void openServers() {
        Map<String, List<Device>> modbusByAddress = new LinkedHashMap<>();
        for (Device device : site.devices()) {
            if (device.protocol() == Protocol.OPCUA) {
                DeviceServer server = OpcUaDeviceServer.start(device, values(device.id()), options.clock(), this::write,
                        options.stateDir());
                servers.add(server);
                serverByDevice.put(device.id(), server);
            } else {
                String address = device.host().orElse("127.0.0.1") + ":" + device.port();
                modbusByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(device);
            }
        }
        modbusByAddress.forEach((address, devices) -> {
            Map<String, Map<String, Double>> initial = new LinkedHashMap<>();
            devices.forEach(d -> initial.put(d.id(), values(d.id())));
            Device first = devices.get(0);
            ModbusEndpoint endpoint = ModbusEndpoint.start(first.host().orElse("127.0.0.1"), first.port(), devices,
                    initial, this::write);
            servers.add(endpoint);
            devices.forEach(d -> serverByDevice.put(d.id(), endpoint));
        });
        LOG.info("twin of {} serving {} devices on {} endpoints", site.info().id(), serverByDevice.size(),
                servers.size());
    }

    private void tick() {
        try {
            advanceTo(options.clock().instant());
        } catch (RuntimeException e) {
            LOG.error("twin tick failed; the next tick retries", e);
        }
    }

    /** Advances the physics to {@code target} (whole seconds) and publishes every device's values. */
    public void advanceTo(Instant target) {
        Map<String, Map<String, Double>> snapshot = new LinkedHashMap<>();
        Instant now;
        synchronized (model) {
            model.advanceTo(target);
            now = model.now();
            for (Device device : site.devices()) {
                snapshot.put(device.id(), model.values(device.id()));
            }
        }
        snapshot.forEach((deviceId, values) -> {
            DeviceServer server = serverByDevice.get(deviceId);
            if (server != null) {
                server.publish(deviceId, values, now);
            }
        });
    }

    /**
     * Makes the twin's IT load follow the plan Kelvin dispatches, with {@code unscheduledMeanKw} of load Kelvin
     * does not schedule on top ({@link PlantModel#follow}); asked once per physics substep, so it must be cheap.
     */
    public void follow(io.kelvin.core.plan.ClusterDispatch dispatch, double unscheduledMeanKw) {
        synchronized (model) {
            model.follow(dispatch, unscheduledMeanKw);
        }
    }

    /**
     * Applies a setpoint as if written on the wire.
     *
     * @throws io.kelvin.core.control.SetpointRejectedException when not writable or outside the limits
     */
    public void write(PointId point, double value) {
        synchronized (model) {
            model.write(point, value);
        }
        LOG.debug("setpoint {} = {}", point, value);
    }

    /**
     * Water on the leak-detection rope of a CDU: its {@code leak_detected} point reads 1 from the next
     * tick, and its OPC UA server raises the {@link TwinAlarm#LEAK} condition at once.
     *
     * @throws IllegalArgumentException when {@code deviceId} is not a CDU of the site
     */
    public void leak(String deviceId) {
        synchronized (model) {
            model.leak(deviceId, true);
        }
        raise(deviceId, TwinAlarm.LEAK, "Leak detected at " + deviceId + ": water on the leak-detection rope");
    }

    /** Dries the leak-detection rope of a CDU again: the point reads 0 and the leak condition goes inactive. */
    public void leakCleared(String deviceId) {
        synchronized (model) {
            model.leak(deviceId, false);
        }
        clear(deviceId, TwinAlarm.LEAK);
    }

    /**
     * A CDU's pump trips: its OPC UA server raises the {@link TwinAlarm#PUMP_FAULT} condition. The physics
     * does not change (the plant model has one lumped pump per CDU that keeps running).
     *
     * @throws IllegalArgumentException when {@code deviceId} is not an OPC UA device of the site
     */
    public void pumpFault(String deviceId) {
        raise(deviceId, TwinAlarm.PUMP_FAULT, "Pump fault at " + deviceId + ": pump tripped");
    }

    /** The pump runs again: the pump-fault condition goes inactive. */
    public void pumpFaultCleared(String deviceId) {
        clear(deviceId, TwinAlarm.PUMP_FAULT);
    }

    /**
     * The device drops off the network (a pulled cable, a controller switched off): its endpoint closes, so
     * connections are refused until {@link #plugIn}. Its physics keeps running.
     *
     * @throws IllegalArgumentException when {@code deviceId} is not a device of the site, or shares its
     *     Modbus endpoint with other units (they would drop off too)
     */
    public synchronized void unplug(String deviceId) {
        DeviceServer server = serverByDevice.get(deviceId);
        if (server == null) {
            throw new IllegalArgumentException(deviceId + " is not a connected device of this site");
        }
        List<String> sharing = serverByDevice.entrySet().stream().filter(e -> e.getValue() == server)
                .map(Map.Entry::getKey).filter(id -> !id.equals(deviceId)).sorted().toList();
        if (!sharing.isEmpty()) {
            throw new IllegalArgumentException(deviceId + " shares its endpoint with " + sharing);
        }
        serverByDevice.remove(deviceId);
        servers.remove(server);
        server.close();
        LOG.info("twin: {} unplugged", deviceId);
    }

    /** An unplugged device is back on its endpoint with its current values; nothing happens when it is connected. */
    public synchronized void plugIn(String deviceId) {
        Device device = site.device(deviceId)
                .orElseThrow(() -> new IllegalArgumentException(deviceId + " is not a device of this site"));
        if (serverByDevice.containsKey(deviceId)) {
            return;
        }
        DeviceServer server = device.protocol() == Protocol.OPCUA
                ? OpcUaDeviceServer.start(device, values(deviceId), options.clock(), this::write, options.stateDir())
                : ModbusEndpoint.start(device.host().orElse("127.0.0.1"), device.port(), List.of(device),
                        Map.of(deviceId, values(deviceId)), this::write);
        servers.add(server);
        serverByDevice.put(deviceId, server);
        LOG.info("twin: {} plugged in again", deviceId);
    }

    /** Raises any alarm condition on an OPC UA device of the twin. */
    public void raise(String deviceId, TwinAlarm alarm, String message) {
        opcUaServer(deviceId).raise(deviceId, alarm, message);
    }

    public void clear(String deviceId, TwinAlarm alarm) {
        opcUaServer(deviceId).clear(deviceId, alarm);
    }

    /** How a condition stands on the device's server (what an acknowledgement left there, its branches ...). */
    public Optional<TwinAlarmState> alarm(String deviceId, TwinAlarm alarm) {
        return opcUaServer(deviceId).alarm(deviceId, alarm);
    }

    private DeviceServer opcUaServer(String deviceId) {
        DeviceServer server = serverByDevice.get(deviceId);
        if (server == null || site.device(deviceId).map(d -> d.protocol() != Protocol.OPCUA).orElse(true)) {
            throw new IllegalArgumentException(deviceId + " is not an OPC UA device of this site");
        }
        return server;
    }

    /** The current values of one device's points, by profile point name. */
    public Map<String, Double> values(String deviceId) {
        synchronized (model) {
            return model.values(deviceId);
        }
    }

    public double value(PointId point) {
        synchronized (model) {
            return model.value(point);
        }
    }

    public SiteTotals totals() {
        synchronized (model) {
            return model.totals();
        }
    }

    /** The simulated time of the values being served. */
    public Instant now() {
        synchronized (model) {
            return model.now();
        }
    }

    public Site site() {
        return site;
    }

    /** Stops the ticker and every server; frees all ports. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("twin ticker did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DeviceServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("cannot close a twin endpoint cleanly", e);
            }
        }
        servers.clear();
        serverByDevice.clear();
    }
}
