package io.kelvin.collectors.opcua;

import io.kelvin.core.retry.Backoff;
import io.kelvin.core.site.Device;
import io.kelvin.core.alarm.ConditionEvent;
import io.kelvin.core.alarm.DeviceEventSink;
import io.kelvin.core.telemetry.SampleSink;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA devices of one collectors instance and what they share: one application certificate
 * (created on the first secured connection only, since an RSA key takes seconds) and one PKI folder.
 */
public final class OpcUaDevices {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaDevices.class);
    /** The event sink when the app gives none: conditions are logged as warnings, other events at debug level. */
    public static final DeviceEventSink LOG_EVENTS = event -> {
        if (event instanceof ConditionEvent c) {
            LOG.warn("condition from {} ({} {}, severity {}, active {}): {}", c.device(), c.sourceName(),
                    c.conditionName(), c.severity(), c.states().active(), c.message());
        } else {
            LOG.debug("event from {}: {}", event.device(), event);
        }
    };

    private final InstantSource clock;
    private final SampleSink sink;
    private final DeviceEventSink events;
    private final ClientFactory clients;
    private final List<OpcUaDevice> devices = new ArrayList<>();
    private ClientPki pki;

    public OpcUaDevices(Path pkiDir, UnaryOperator<String> environment, InstantSource clock, SampleSink sink,
                        DeviceEventSink events) {
        this.clock = clock;
        this.sink = sink;
        this.events = events;
        this.clients = new ClientFactory(() -> pki(pkiDir), environment);
    }

    private synchronized ClientPki pki(Path dir) {
        if (pki == null) {
            pki = ClientPki.open(dir);
        }
        return pki;
    }

    public OpcUaDevice add(Device device, Backoff backoff) {
        OpcUaDevice link = new OpcUaDevice(device, backoff, clock, sink, events, clients);
        devices.add(link);
        return link;
    }

    public void start() {
        devices.forEach(OpcUaDevice::start);
    }

    public List<OpcUaDevice> devices() {
        return List.copyOf(devices);
    }
}
