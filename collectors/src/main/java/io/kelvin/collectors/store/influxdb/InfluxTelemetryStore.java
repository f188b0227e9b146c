package io.kelvin.collectors.store.influxdb;

import io.kelvin.collectors.store.StepGrid;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry in InfluxDB 1.x through influxdb-java (schema in {@link LineProtocol}). Each
 * {@link #write} is one synchronous HTTP write of one batch as line protocol; the caller batches,
 * and may write from several threads at once (each write takes its own pooled connection). Any I/O or HTTP
 * failure becomes a {@link StoreUnavailableException}, and the database is (re)created when
 * missing, so the store recovers by itself once InfluxDB is back. Thread-safe.
 *
 * <p>{@link #latest} gives the newest row holding the point's value or quality; its
 * {@code collectedAt} is its source time (InfluxDB keeps one timestamp). Limitation: rewriting a
 * non-GOOD sample as GOOD at the same time keeps the old {@code _quality} field, because InfluxDB
 * merges fields of one timestamp and 1.x cannot delete a single field; such a sample then counts as
 * not GOOD in {@link #goodMeans} and {@link #goodReadings}. GOOD means are the sample mean of the
 * GOOD values in a step (sums and counts of all values minus those of rows with a quality field),
 * and a step with any GOOD sample counts as covered whole.
 */
public final class InfluxTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxTelemetryStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final InfluxConnection connection;
    private final Function<String, DeviceClass> deviceClasses;
    private final InfluxDB influx;
    private final LineProtocol lineProtocol;
    private volatile boolean databaseReady;
    private volatile boolean readOnly;

    private InfluxTelemetryStore(InfluxConnection connection, Function<String, DeviceClass> deviceClasses,
            InfluxDB influx) {
        this.connection = connection;
        this.deviceClasses = deviceClasses;
        this.influx = influx;
        this.lineProtocol = new LineProtocol(connection.siteId(), deviceClasses);
    }

    /**
     * Connects for reading only (reports): nothing is created or written; a query of a database that
     * does not exist throws {@link StoreUnavailableException} naming it, and {@link #write} throws.
     */
    public static InfluxTelemetryStore connectForReading(InfluxConnection connection,
            Function<String, DeviceClass> deviceClasses) {
        InfluxTelemetryStore store = connect(connection, deviceClasses, false);
        store.readOnly = true;
        store.databaseReady = true;
        return store;
    }

    /**
     * Connects and creates the database if missing. Does not fail when InfluxDB is down: the
     * database is then created on the first call that reaches it.
     *
     * @param deviceClasses device id to its class; {@code null} for devices it does not know,
     *                      which are stored in measurement {@code site}
     */
    public static InfluxTelemetryStore connect(InfluxConnection connection,
            Function<String, DeviceClass> deviceClasses) {
        return connect(connection, deviceClasses, true);
    }

    private static InfluxTelemetryStore connect(InfluxConnection connection,
            Function<String, DeviceClass> deviceClasses, boolean createDatabase) {
        Objects.requireNonNull(deviceClasses, "deviceClasses");
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        InfluxDB influx = connection.user().isPresent()
                ? InfluxDBFactory.connect(connection.url(), connection.user().get(), connection.password().orElseThrow(), http)
                : InfluxDBFactory.connect(connection.url(), http);
        InfluxTelemetryStore store = new InfluxTelemetryStore(connection, deviceClasses, influx);
        if (!createDatabase) {
            return store;
        }
        try {
            store.ensureDatabase();
        } catch (StoreUnavailableException e) {
            LOG.warn("InfluxDB at {} not reachable yet; will create database {} on first use: {}",
                    connection.url(), connection.database(), e.getMessage());
        }
        return store;
    }

    @Override
    public void write(Collection<Sample> samples) {
        if (readOnly) {
            throw new IllegalStateException("InfluxDB store " + connection + " is open for reading only");
        }
        if (samples.isEmpty()) {
            return;
        }
        String lines = lineProtocol.lines(samples instanceof List<Sample> list ? list : List.copyOf(samples));
        if (lines.isEmpty()) {
            return;
        }
        ensureDatabase();
        try {
            influx.write(connection.database(), null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
        } catch (InfluxDBException e) {
            databaseReady = false;
            throw unavailable("write " + samples.size() + " samples", e);
        }
    }

    @Override
    public Optional<Sample> latest(PointId point) {
        QueryResult.Series series = firstSeries(query(InfluxQl.latest(measurement(point), point), point));
        if (series == null || series.getValues().isEmpty()) {
            return Optional.empty();
        }
        List<Object> row = series.getValues().get(0);
        Instant time = Instant.ofEpochMilli(((Number) row.get(0)).longValue());
        double value = row.get(1) == null ? Double.NaN : ((Number) row.get(1)).doubleValue();
        Quality quality = row.get(2) == null ? Quality.GOOD : Quality.valueOf((String) row.get(2));
        return Optional.of(new Sample(point, value, quality, time, time));
    }

    @Override
    public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
        StepGrid grid = new StepGrid(from, to, step, aggregate);
        String text = InfluxQl.range(measurement(point), point, from, to, step, aggregate);
        QueryResult.Series series = firstSeries(query(text, point));
        if (series != null) {
            for (List<Object> row : series.getValues()) {
                if (row.get(1) != null) {
                    grid.add(((Number) row.get(0)).longValue(), step.toMillis(), ((Number) row.get(1)).doubleValue());
                }
            }
        }
        return grid.values();
    }

    @Override
    public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
        QueryResult result = query(InfluxQl.goodSums(measurement(point), point, from, to, step), point);
        Map<Long, double[]> all = sumsByStep(series(result, 0));
        Map<Long, double[]> notGood = sumsByStep(series(result, 1));
        StepGrid grid = new StepGrid(from, to, step, Aggregate.MEAN);
        all.forEach((stepStart, sumCount) -> {
            double[] bad = notGood.getOrDefault(stepStart, new double[2]);
            double goodCount = sumCount[1] - bad[1];
            if (goodCount > 0) {
                grid.add(stepStart, step.toMillis(), (sumCount[0] - bad[0]) / goodCount);
            }
        });
        // InfluxDB keeps samples, not how long each held: a step with a GOOD sample counts as covered whole
        return grid.means();
    }

    @Override
    public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
        QueryResult result = query(InfluxQl.lastWithQuality(measurement(point), point, from, to, step), point);
        StepGrid grid = new StepGrid(from, to, step, Aggregate.LAST);
        QueryResult.Series series = series(result, 0);
        if (series != null) {
            for (List<Object> row : series.getValues()) {
                if (row.get(1) != null && row.get(2) == null) {
                    grid.add(((Number) row.get(0)).longValue(), step.toMillis(), ((Number) row.get(1)).doubleValue());
                }
            }
        }
        return grid.values();
    }

    @Override
    public List<Instant> pollOverrunSteps(PointId point, Instant from, Instant to, Duration step) {
        StepGrid grid = new StepGrid(from, to, step, Aggregate.MAX);
        QueryResult.Series series = firstSeries(query(InfluxQl.pollOverrunCounts(measurement(point), point, from, to,
                step), point));
        if (series != null) {
            for (List<Object> row : series.getValues()) {
                if (row.get(1) != null && ((Number) row.get(1)).longValue() > 0) {
                    grid.add(((Number) row.get(0)).longValue(), step.toMillis(), 1);
                }
            }
        }
        return grid.values().stream().filter(v -> v.value() > 0).map(TimeValue::time).toList();
    }

    /** Step start (ms) to {sum, count} of the rows of a sum/count series. */
    private static Map<Long, double[]> sumsByStep(QueryResult.Series series) {
        Map<Long, double[]> sums = new HashMap<>();
        if (series != null) {
            for (List<Object> row : series.getValues()) {
                if (row.get(1) != null) {
                    sums.put(((Number) row.get(0)).longValue(),
                            new double[] {((Number) row.get(1)).doubleValue(), ((Number) row.get(2)).doubleValue()});
                }
            }
        }
        return sums;
    }

    @Override
    public void close() {
        influx.close();
    }

    private void ensureDatabase() {
        if (databaseReady || readOnly) {
            return;
        }
        try {
            QueryResult result = influx.query(new Query(InfluxQl.createDatabase(connection.database())));
            if (result.hasError()) {
                throw new StoreUnavailableException("InfluxDB refused to create database "
                        + connection.database() + ": " + result.getError());
            }
            databaseReady = true;
        } catch (InfluxDBException e) {
            throw unavailable("create database " + connection.database(), e);
        }
    }

    private QueryResult query(String text, PointId point) {
        ensureDatabase();
        Query query = BoundParameterQuery.QueryBuilder.newQuery(text)
                .forDatabase(connection.database())
                .bind("site", connection.siteId())
                .bind("device", point.device())
                .create();
        QueryResult result;
        try {
            result = influx.query(query, TimeUnit.MILLISECONDS);
        } catch (InfluxDBException e) {
            databaseReady = false;
            throw unavailable("query " + point, e);
        }
        if (result.hasError()) {
            throw new StoreUnavailableException("InfluxDB query for " + point + " failed: " + result.getError());
        }
        if (result.getResults() != null) {
            for (QueryResult.Result one : result.getResults()) {
                if (one.hasError()) {
                    // InfluxDB 1.6 answers a query of a missing database with only "not executed"
                    throw new StoreUnavailableException("InfluxDB query for " + point + " in database '"
                            + connection.database() + "' failed: " + one.getError());
                }
            }
        }
        return result;
    }

    private static QueryResult.Series firstSeries(QueryResult result) {
        return series(result, 0);
    }

    /** The first series of the {@code index}-th statement's result, or null when it has none. */
    private static QueryResult.Series series(QueryResult result, int index) {
        if (result.getResults() == null || result.getResults().size() <= index) {
            return null;
        }
        QueryResult.Result one = result.getResults().get(index);
        if (one.hasError()) {
            throw new StoreUnavailableException("InfluxDB query failed: " + one.getError());
        }
        return one.getSeries() == null || one.getSeries().isEmpty() ? null : one.getSeries().get(0);
    }

    private String measurement(PointId point) {
        return LineProtocol.measurementOf(point.device(), deviceClasses);
    }

    private StoreUnavailableException unavailable(String action, InfluxDBException e) {
        return new StoreUnavailableException("InfluxDB at " + connection.url() + ": cannot " + action
                + ": " + e.getMessage(), e);
    }
}
