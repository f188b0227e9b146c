package io.kelvin.collectors.store.influxdb;

import io.kelvin.core.telemetry.PointId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/** Reads counts and sums straight from InfluxDB with InfluxQL, to check what a test stored. */
public final class InfluxProbe {

    /** Per point: how many values are stored and their sum. */
    public record Stored(long count, double sum) {
    }

    private InfluxProbe() {
    }

    /** The times (ms) of the device's rows whose {@code <point>_quality} field is {@code quality}, oldest first. */
    public static List<Long> timesWithQuality(String url, String database, String measurement, PointId point,
                                              String quality) {
        try (InfluxDB influx = InfluxDBFactory.connect(url)) {
            String field = point.point() + InfluxQl.QUALITY_SUFFIX;
            QueryResult result = influx.query(new Query("SELECT \"" + field + "\" FROM \"" + measurement
                    + "\" WHERE \"device\" = '" + point.device() + "' AND \"" + field + "\" = '" + quality + "'",
                    database), TimeUnit.MILLISECONDS);
            if (result.hasError() || result.getResults().get(0).hasError()) {
                throw new IllegalStateException("query failed: " + result);
            }
            List<QueryResult.Series> series = result.getResults().get(0).getSeries();
            return series == null ? List.of()
                    : series.get(0).getValues().stream().map(row -> ((Number) row.get(0)).longValue()).toList();
        }
    }

    /** {@code SELECT count(*), sum(*) FROM <measurement> GROUP BY device}, per point. */
    public static Map<PointId, Stored> countAndSum(String url, String database, String measurement) {
        Map<PointId, Stored> stored = new TreeMap<>();
        // counting millions of points on a starved influxd can pass the client's default 10 s
        OkHttpClient.Builder http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.MINUTES);
        try (InfluxDB influx = InfluxDBFactory.connect(url, http)) {
            QueryResult result = influx.query(new Query(
                    "SELECT count(*), sum(*) FROM \"" + measurement + "\" GROUP BY device", database));
            if (result.hasError() || result.getResults().get(0).hasError()) {
                throw new IllegalStateException("query failed: " + result);
            }
            List<QueryResult.Series> series = result.getResults().get(0).getSeries();
            if (series == null) {
                return stored;
            }
            for (QueryResult.Series one : series) {
                String device = one.getTags().get("device");
                List<String> columns = one.getColumns();
                List<Object> row = one.getValues().get(0);
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    if (column.startsWith("count_") && !column.endsWith(InfluxQl.QUALITY_SUFFIX)) {
                        String point = column.substring("count_".length());
                        Object count = row.get(i);
                        Object sum = row.get(columns.indexOf("sum_" + point));
                        if (count == null) {
                            continue; // no value of this field for this device
                        }
                        stored.put(PointId.of(device, point), new Stored(((Number) count).longValue(),
                                sum == null ? 0 : ((Number) sum).doubleValue()));
                    }
                }
            }
        }
        return stored;
    }
}
