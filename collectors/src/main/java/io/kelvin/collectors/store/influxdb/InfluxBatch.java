package io.kelvin.collectors.store.influxdb;

import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.Sample;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;

/**
 * Turns samples into InfluxDB points (DESIGN.md, Telemetry): measurement = the device's class
 * ({@link DeviceClass#measurement()}), tags {@code site} and {@code device}, one float field per
 * point name and a string field {@code <point>_quality} only when the quality is not GOOD. Samples
 * of one device at one millisecond share a point. The timestamp is the source time in ms, so
 * writing a sample again overwrites it. A NaN value is not a float InfluxDB can store: only its
 * quality field is written.
 */
final class InfluxBatch {

    private record RowKey(String device, long timeMs) {
    }

    private InfluxBatch() {
    }

    /** The points, in first-seen order; a later sample for the same point and time wins. */
    static BatchPoints of(String database, String siteId, Function<String, DeviceClass> deviceClasses,
            Collection<Sample> samples) {
        Map<RowKey, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Sample sample : samples) {
            RowKey key = new RowKey(sample.point().device(), sample.sourceTime().toEpochMilli());
            Map<String, Object> fields = rows.computeIfAbsent(key, k -> new HashMap<>());
            String name = sample.point().point();
            fields.remove(name);
            fields.remove(name + InfluxQl.QUALITY_SUFFIX);
            if (!Double.isNaN(sample.value()) && !Double.isInfinite(sample.value())) {
                fields.put(name, sample.value());
            }
            if (!sample.quality().isGood()) {
                fields.put(name + InfluxQl.QUALITY_SUFFIX, sample.quality().name());
            }
        }
        BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS);
        rows.forEach((key, fields) -> {
            if (!fields.isEmpty()) {
                batch.point(Point.measurement(measurementOf(key.device(), deviceClasses))
                        .time(key.timeMs(), TimeUnit.MILLISECONDS)
                        .tag("site", siteId)
                        .tag("device", key.device())
                        .fields(fields)
                        .build());
            }
        });
        return batch.build();
    }

    /**
     * The device's class measurement; devices the mapping does not know (Kelvin's own derived
     * points, device id {@code site}) go to {@link DeviceClass#SITE}.
     */
    static String measurementOf(String device, Function<String, DeviceClass> deviceClasses) {
        DeviceClass deviceClass = deviceClasses.apply(device);
        return (deviceClass == null ? DeviceClass.SITE : deviceClass).measurement();
    }
}
