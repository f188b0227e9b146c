package io.kelvin.collectors;

import io.kelvin.collectors.modbus.ModbusConnection;
import io.kelvin.collectors.opcua.OpcUaDevices;
import io.kelvin.core.control.PlantControl;
import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.DeviceEventSink;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceHealthSource;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.SampleSink;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point: collects every device of a site into a sink, and writes setpoints to them.
 *
 * <p>Threads: one per Modbus TCP connection (host, port), shared by the unit ids behind it, and one
 * per OPC UA device for its connection lifecycle; OPC UA data arrives on Milo's threads. All are
 * virtual threads. The sink is called from all of them, so it must be thread-safe and quick.
 * Samples carry the clock's time at the read (Modbus) or the device's source time (OPC UA).
 * It is also where the app reads device health ({@link DeviceHealthSource}) and acts on alarms on the
 * device that raised them ({@link AlarmActions}).
 */
public final class Collectors implements PlantControl, DeviceHealthSource, AlarmActions, AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Site site;
    private final Map<String, DeviceLink> links;
    private final List<AutoCloseable> resources;

    private Collectors(Site site, Map<String, DeviceLink> links, List<AutoCloseable> resources) {
        this.site = site;
        this.links = links;
        this.resources = resources;
    }

    /** Connects to every device of the site and starts subscriptions and polls; returns at once. */
    public static Collectors start(Site site, SampleSink sink, InstantSource clock) {
        return start(site, sink, clock, CollectorSettings.defaults());
    }

    public static Collectors start(Site site, SampleSink sink, InstantSource clock, CollectorSettings settings) {
        return start(site, sink, OpcUaDevices.LOG_EVENTS, clock, settings);
    }

    /** As above, with the events devices report (conditions and others) going to {@code events}. */
    public static Collectors start(Site site, SampleSink sink, DeviceEventSink events, InstantSource clock,
                                   CollectorSettings settings) {
        Map<String, ModbusConnection> connections = new LinkedHashMap<>();
        Map<String, DeviceLink> links = new LinkedHashMap<>();
        OpcUaDevices opcua = new OpcUaDevices(settings.pkiDir(), settings.environment(), clock, sink, events);
        for (Device device : site.devices()) {
            if (device.protocol() == Protocol.MODBUS) {
                String host = device.host().orElseThrow(() -> new IllegalArgumentException(device.id() + " has no host"));
                ModbusConnection connection = connections.computeIfAbsent(host + ":" + device.port(),
                        key -> new ModbusConnection(host, device.port(), settings.modbusTimeout(),
                                settings.newBackoff(), settings.reconnectMin(), settings.unitProbeMax(), clock, sink));
                links.put(device.id(), connection.attach(device));
            } else {
                links.put(device.id(), opcua.add(device, settings.newBackoff()));
            }
        }
        connections.values().forEach(ModbusConnection::start);
        opcua.start();
        List<AutoCloseable> resources = new ArrayList<>(connections.values());
        resources.addAll(opcua.devices());
        return new Collectors(site, Collections.unmodifiableMap(links), List.copyOf(resources));
    }

    /**
     * Checks the point and value against the device profile before anything goes on the wire, writes
     * through the device's protocol and returns the value read back.
     */
    @Override
    public double write(PointId point, double value) {
        DeviceLink link = links.get(point.device());
        if (link == null) {
            throw new SetpointRejectedException("unknown device '" + point.device() + "'");
        }
        PointDef def = site.device(point.device()).orElseThrow().profile().point(point.point())
                .orElseThrow(() -> new SetpointRejectedException("unknown point '" + point + "'"));
        ValueRange limits = def.setpoint()
                .orElseThrow(() -> new SetpointRejectedException(point + " is not writable"));
        if (!limits.contains(value)) {
            throw new SetpointRejectedException(point + ": " + value + " " + def.unit() + " is outside the setpoint limits ["
                    + limits.min() + ", " + limits.max() + "]");
        }
        return link.write(def, value);
    }

    /** Health of every device, in site order. */
    public Map<String, DeviceHealth> health() {
        Map<String, DeviceHealth> health = new LinkedHashMap<>();
        links.forEach((id, link) -> health.put(id, link.health()));
        return Collections.unmodifiableMap(health);
    }

    @Override
    public List<DeviceHealth> devices() {
        return links.values().stream().map(DeviceLink::health).toList();
    }

    @Override
    public java.util.Optional<DeviceHealth> device(String id) {
        return java.util.Optional.ofNullable(links.get(id)).map(DeviceLink::health);
    }

    @Override
    public DeviceAnswer acknowledge(ConditionHandle alarm, String comment) {
        return alarmActionsOf(alarm).map(a -> a.acknowledge(alarm, comment)).orElseGet(() -> noMethods(alarm));
    }

    @Override
    public DeviceAnswer confirm(ConditionHandle alarm, String comment) {
        return alarmActionsOf(alarm).map(a -> a.confirm(alarm, comment)).orElseGet(() -> noMethods(alarm));
    }

    @Override
    public DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment) {
        return alarmActionsOf(alarm).map(a -> a.shelve(alarm, kind, duration, comment)).orElseGet(() -> noMethods(alarm));
    }

    @Override
    public DeviceAnswer unshelve(ConditionHandle alarm, String comment) {
        return alarmActionsOf(alarm).map(a -> a.unshelve(alarm, comment)).orElseGet(() -> noMethods(alarm));
    }

    private java.util.Optional<AlarmActions> alarmActionsOf(ConditionHandle alarm) {
        return java.util.Optional.ofNullable(links.get(alarm.key().device())).flatMap(DeviceLink::alarmActions);
    }

    private DeviceAnswer noMethods(ConditionHandle alarm) {
        String device = alarm.key().device();
        return links.containsKey(device)
                ? new DeviceAnswer.Refused("BadMethodInvalid", device + " has no alarm methods (its protocol has none)")
                : new DeviceAnswer.Refused("BadNodeIdUnknown", "no device '" + device + "' in this site");
    }

    /** Device information (text points, discovery results) of every device that has any, in site order. */
    public Map<String, Map<String, String>> deviceInfo() {
        Map<String, Map<String, String>> info = new LinkedHashMap<>();
        links.forEach((id, link) -> {
            Map<String, String> facts = link.deviceInfo();
            if (!facts.isEmpty()) {
                info.put(id, facts);
            }
        });
        return Collections.unmodifiableMap(info);
    }

    /** Stops every thread and closes every connection, in parallel, waiting at most about five seconds. */
    @Override
    public void close() {
        List<Thread> closers = resources.stream()
                .map(resource -> Thread.ofVirtual().start(() -> closeQuietly(resource)))
                .toList();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (Thread closer : closers) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                closer.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Collectors.class).warn("closing {} failed", resource, e);
        }
    }
}
