package io.kelvin.collectors.opcua;

import io.kelvin.collectors.HealthTracker;
import io.kelvin.collectors.SampleRules;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.alarm.DeviceEventSink;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one OPC UA device hands on: samples to the sink (recording each read and each point's quality,
 * with the server's status name as reason, in the health tracker) and events to the event sink. A sink
 * that throws is logged and never stops the device. Called from the device thread and from Milo's
 * threads; the sinks must be thread-safe.
 */
final class DeviceOutput {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceOutput.class);

    private final Device device;
    private final InstantSource clock;
    private final SampleSink sink;
    private final DeviceEventSink events;
    private final HealthTracker health;

    DeviceOutput(Device device, InstantSource clock, SampleSink sink, DeviceEventSink events, HealthTracker health) {
        this.device = device;
        this.clock = clock;
        this.sink = sink;
        this.events = events;
        this.health = health;
    }

    List<Sample> values(Map<PointDef, DataValue> values) {
        return values(List.copyOf(values.keySet()), List.copyOf(values.values()));
    }

    /**
     * Values the server gave; a Bad status is a refusal of that node (degrades, and the device's last
     * error names it, e.g. {@code BadSensorFailure}), anything else a success.
     */
    List<Sample> values(List<PointDef> points, List<DataValue> values) {
        Instant now = clock.instant();
        List<Sample> samples = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            PointDef point = points.get(i);
            StatusCode status = values.get(i).statusCode() != null ? values.get(i).statusCode() : StatusCode.GOOD;
            Sample sample = OpcUaValues.toSample(device.id(), point, values.get(i), now);
            if (status.isBad()) {
                health.readRefused(point.name(), new HealthTracker.Failure(StatusNames.of(status),
                        "node " + point.nodeId().orElse("?") + " (" + point.name() + "): " + StatusNames.of(status)));
            } else {
                health.readSucceeded(point.name(), now);
            }
            health.observe(sample, status.isGood() ? SampleRules.reason(point, sample) : Optional.of(StatusNames.of(status)));
            samples.add(sample);
        }
        accept(samples);
        return samples;
    }

    /** GOOD values re-asserted for steady points the subscription still vouches for ({@link Reassertion}). */
    void reasserted(List<Sample> samples) {
        if (!samples.isEmpty()) {
            health.observe(samples, Optional.empty());
            accept(samples);
        }
    }

    /** Points whose node id the session could not use: BAD, and the reason in the health. */
    void unusable(Map<PointDef, HealthTracker.Failure> reasons) {
        Instant now = clock.instant();
        reasons.forEach((point, reason) -> {
            health.readRefused(point.name(), reason);
            Sample bad = new Sample(PointId.of(device.id(), point.name()), Double.NaN, Quality.BAD, now, now);
            health.observe(bad, Optional.of(reason.code()));
            accept(List.of(bad));
        });
    }

    /** A read that got no answer: COMM_FAILED for {@code points}, counted towards DOWN. */
    void unanswered(Collection<PointDef> points, HealthTracker.Failure error) {
        points.forEach(p -> health.readFailed(p.name(), error));
        commFailed(List.copyOf(points), error.code());
    }

    /** Every OPC UA point of the device COMM_FAILED (no session), with {@code reason}. */
    void allCommFailed(String reason) {
        commFailed(device.profile().points().stream().filter(p -> p.nodeId().isPresent()).toList(), reason);
    }

    void event(DeviceEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.error("event sink refused {} of {}", event, device.id(), e);
        }
    }

    private void commFailed(List<PointDef> points, String reason) {
        List<Sample> samples = SampleRules.commFailed(device.id(), points, clock.instant());
        health.observe(samples, Optional.of(reason));
        accept(samples);
    }

    private void accept(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        try {
            sink.accept(samples);
        } catch (RuntimeException e) {
            LOG.error("sink refused {} samples of {}", samples.size(), device.id(), e);
        }
    }
}
