package io.kelvin.collectors.opcua;

import io.kelvin.collectors.HealthTracker;
import io.kelvin.collectors.SampleRules;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.Alarm;
import io.kelvin.core.telemetry.AlarmSink;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one OPC UA device hands on: samples to the sink (recording each read in the health tracker)
 * and alarms to the alarm sink. A sink that throws is logged and never stops the device. Called from
 * the device thread and from Milo's threads; the sinks must be thread-safe.
 */
final class DeviceOutput {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceOutput.class);

    private final Device device;
    private final InstantSource clock;
    private final SampleSink sink;
    private final AlarmSink alarms;
    private final HealthTracker health;

    DeviceOutput(Device device, InstantSource clock, SampleSink sink, AlarmSink alarms, HealthTracker health) {
        this.device = device;
        this.clock = clock;
        this.sink = sink;
        this.alarms = alarms;
        this.health = health;
    }

    void values(Map<PointDef, DataValue> values) {
        values(List.copyOf(values.keySet()), List.copyOf(values.values()));
    }

    /** Values the server gave; a Bad status is a refusal of that node (degrades), anything else a success. */
    void values(List<PointDef> points, List<DataValue> values) {
        Instant now = clock.instant();
        List<Sample> samples = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            samples.add(OpcUaValues.toSample(device.id(), points.get(i), values.get(i), now));
            if (values.get(i).statusCode() != null && values.get(i).statusCode().isBad()) {
                health.readRefused(points.get(i).name(), "node " + points.get(i).nodeId().orElse("?") + ": status "
                        + values.get(i).statusCode());
            } else {
                health.readSucceeded(points.get(i).name(), now);
            }
        }
        accept(samples);
    }

    /** Points whose node id the session could not use: BAD, and the reason in the health. */
    void unusable(Map<PointDef, String> reasons) {
        Instant now = clock.instant();
        reasons.forEach((point, reason) -> health.readRefused(point.name(), reason));
        accept(reasons.keySet().stream()
                .map(p -> new Sample(PointId.of(device.id(), p.name()), Double.NaN, Quality.BAD, now, now))
                .toList());
    }

    /** A read that got no answer: COMM_FAILED for {@code points}, counted towards DOWN. */
    void unanswered(Collection<PointDef> points, String error) {
        points.forEach(p -> health.readFailed(p.name(), error));
        accept(SampleRules.commFailed(device.id(), List.copyOf(points), clock.instant()));
    }

    /** Every OPC UA point of the device COMM_FAILED (no session). */
    void allCommFailed() {
        List<PointDef> points = device.profile().points().stream().filter(p -> p.nodeId().isPresent()).toList();
        accept(SampleRules.commFailed(device.id(), points, clock.instant()));
    }

    void alarm(String source, int severity, String message, Optional<Instant> time) {
        Instant now = clock.instant();
        Alarm alarm = new Alarm(device.id(), source, severity, message, time.orElse(now), now);
        try {
            alarms.accept(alarm);
        } catch (RuntimeException e) {
            LOG.error("alarm sink refused {} of {}", alarm, device.id(), e);
        }
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
