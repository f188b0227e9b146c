package io.kelvin.collectors.store.influxdb;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link InfluxTelemetryStore} writes: the InfluxDB 1.x base URL
 * ({@code http://127.0.0.1:8086}), the database (created when missing), the site id written as the
 * {@code site} tag, and optional credentials (both or neither).
 */
public record InfluxConnection(String url, String database, String siteId, Optional<String> user,
        Optional<String> password) {

    public InfluxConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        InfluxQl.checkIdentifier("database", database);
        InfluxQl.checkIdentifier("site id", siteId);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("give both an InfluxDB user and password, or neither");
        }
    }

    /** Without authentication (InfluxDB's default). */
    public static InfluxConnection of(String url, String database, String siteId) {
        return new InfluxConnection(url, database, siteId, Optional.empty(), Optional.empty());
    }

    public InfluxConnection withCredentials(String user, String password) {
        return new InfluxConnection(url, database, siteId, Optional.of(user), Optional.of(password));
    }

    @Override
    public String toString() {
        return "InfluxConnection[" + url + ", database=" + database + ", site=" + siteId
                + user.map(u -> ", user=" + u).orElse("") + "]";
    }
}
