package io.kelvin.collectors.store.influxdb;

import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Writes samples as InfluxDB 1.x line protocol with millisecond timestamps (the schema of
 * collectors/README.md, "InfluxDB"): measurement = the device's class ({@link DeviceClass#measurement()}), tags
 * {@code device} and {@code site}, one float field per point name and a string field
 * {@code <point>_quality} only when the quality is not GOOD. The timestamp is the source time in
 * ms, so writing a sample again overwrites it. A NaN or infinite value is not a float InfluxDB can
 * store: only its quality field is written.
 *
 * <p>Samples next to each other with the same device and millisecond share a line (collectors
 * deliver a device's points together); within a line a later sample of a point wins. Two lines
 * with the same device and millisecond are merged by InfluxDB, the later line's fields winning, so
 * the result is the same as one line. Ids match {@code PointId.ID} and the site id and class
 * measurements are checked identifiers: no character needs escaping.
 *
 * <p>Written straight into one {@link StringBuilder}: the influxdb-java {@code Point} route built
 * a map, a sorted map and a {@code DecimalFormat} string per row, which was most of the writer's
 * CPU time in the collect benchmark. Thread-safe.
 */
final class LineProtocol {

    private final String siteId;
    private final Function<String, DeviceClass> deviceClasses;
    /** device id to {@code measurement,device=<id>,site=<site> }. */
    private final Map<String, String> linePrefixes = new ConcurrentHashMap<>();

    LineProtocol(String siteId, Function<String, DeviceClass> deviceClasses) {
        InfluxQl.checkIdentifier("site id", siteId);
        this.siteId = siteId;
        this.deviceClasses = deviceClasses;
    }

    /** The lines for the samples, separated by {@code \n}; empty when none has a field to write. */
    String lines(List<Sample> samples) {
        StringBuilder out = new StringBuilder(samples.size() * 32);
        Map<String, Integer> lastInRow = new HashMap<>();
        int start = 0;
        while (start < samples.size()) {
            int end = rowEnd(samples, start);
            appendRow(out, samples, start, end, lastInRow);
            start = end;
        }
        return out.toString();
    }

    /** The device's class measurement; devices the mapping does not know go to {@link DeviceClass#SITE}. */
    static String measurementOf(String device, Function<String, DeviceClass> deviceClasses) {
        DeviceClass deviceClass = deviceClasses.apply(device);
        return (deviceClass == null ? DeviceClass.SITE : deviceClass).measurement();
    }

    /** The index after the run of samples that share the first one's device and millisecond. */
    private static int rowEnd(List<Sample> samples, int start) {
        Sample first = samples.get(start);
        String device = first.point().device();
        long ms = first.sourceTime().toEpochMilli();
        int end = start + 1;
        while (end < samples.size()) {
            Sample next = samples.get(end);
            if (!next.point().device().equals(device) || next.sourceTime().toEpochMilli() != ms) {
                break;
            }
            end++;
        }
        return end;
    }

    private void appendRow(StringBuilder out, List<Sample> samples, int start, int end, Map<String, Integer> lastInRow) {
        lastInRow.clear();
        for (int i = start; i < end; i++) {
            lastInRow.put(samples.get(i).point().point(), i);
        }
        int lineStart = out.length();
        Sample first = samples.get(start);
        out.append(linePrefixes.computeIfAbsent(first.point().device(), this::prefix));
        int fieldsStart = out.length();
        for (int i = start; i < end; i++) {
            Sample sample = samples.get(i);
            if (lastInRow.get(sample.point().point()) == i) {
                appendFields(out, sample, out.length() > fieldsStart);
            }
        }
        if (out.length() == fieldsStart) {
            out.setLength(lineStart);
            return;
        }
        out.append(' ').append(first.sourceTime().toEpochMilli()).append('\n');
    }

    private static void appendFields(StringBuilder out, Sample sample, boolean comma) {
        String name = sample.point().point();
        boolean finite = Double.isFinite(sample.value());
        if (finite) {
            out.append(comma ? "," : "").append(name).append('=').append(sample.value());
        }
        if (!sample.quality().isGood()) {
            out.append(comma || finite ? "," : "").append(name).append(InfluxQl.QUALITY_SUFFIX)
                    .append("=\"").append(sample.quality().name()).append('"');
        }
    }

    private String prefix(String device) {
        return measurementOf(device, deviceClasses) + ",device=" + device + ",site=" + siteId + ' ';
    }
}
