package io.kelvin.web.overview;

import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import java.util.List;
import java.util.Map;

/**
 * The live snapshot as the REST API publishes it: every point's newest sample with its unit,
 * sorted by point id. Times are ISO-8601 UTC; a value that is not a finite number is {@code null}.
 */
public final class LatestPoints {

    /** Response body of {@code GET /api/v1/points/latest}. */
    public record Snapshot(int count, List<Point> points) {
    }

    public record Point(String point, Double value, String unit, String quality, String sourceTime,
                        String collectedAt) {
    }

    private final LatestValues latest;
    private final PointUnits units;

    public LatestPoints(Site site, LatestValues latest) {
        this.latest = latest;
        this.units = new PointUnits(site);
    }

    public Snapshot snapshot() {
        List<Point> points = latest.snapshot().entrySet().stream().map(this::toPoint).toList();
        return new Snapshot(points.size(), points);
    }

    private Point toPoint(Map.Entry<PointId, Sample> entry) {
        Sample sample = entry.getValue();
        double value = sample.value();
        return new Point(entry.getKey().toString(), Double.isFinite(value) ? value : null,
                units.unitOf(entry.getKey()), sample.quality().name(),
                sample.sourceTime().toString(), sample.collectedAt().toString());
    }
}
