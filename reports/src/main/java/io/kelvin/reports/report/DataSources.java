package io.kelvin.reports.report;

/**
 * How a report names the store its data came from. The command line and the running app both use
 * these, so the same data gives the same bytes whichever made the report.
 */
public final class DataSources {

    /** The embedded store under {@code DATA_DIR/rrd}. */
    public static final String RRD4J = "rrd4j store";

    private DataSources() {
    }

    /** An InfluxDB 1.x database. */
    public static String influxDb(String database) {
        return "InfluxDB database " + database;
    }
}
