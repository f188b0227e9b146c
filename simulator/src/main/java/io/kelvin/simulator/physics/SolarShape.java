package io.kelvin.simulator.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalised PV output (0..1) from the vessim solar example (Solcast actuals, 5-min rows, 29 days
 * from 2022-06-08T00:00Z; MIT, see data/vessim/SOURCE.txt). The column is the city nearest to the
 * site (Hong Kong for Shanghai). Sim time maps to a row by local solar time, so the peak falls at the
 * site's solar noon: {@code row = floorMod(t + (lonSite - lonCity) * 240 s - 2022-06-08T00:00Z, 29 d) / 300 s},
 * interpolated linearly between rows. Every simulated day of the year replays one June day of the
 * data (no seasonal scaling).
 */
public final class SolarShape {

    static final String RESOURCE = "/data/vessim/solar_example.csv";
    static final Instant DATA_START = Instant.parse("2022-06-08T00:00:00Z");
    static final long ROW_SECONDS = 300;

    /** City -> {latitude, longitude} of the data's columns. */
    private static final Map<String, double[]> CITIES = Map.of(
            "Berlin", new double[] {52.52, 13.40},
            "Cape Town", new double[] {-33.92, 18.42},
            "Hong Kong", new double[] {22.32, 114.17},
            "Lagos", new double[] {6.52, 3.38},
            "Mexico City", new double[] {19.43, -99.13},
            "Mumbai", new double[] {19.08, 72.88},
            "San Francisco", new double[] {37.77, -122.42},
            "Stockholm", new double[] {59.33, 18.07},
            "Sydney", new double[] {-33.87, 151.21},
            "São Paulo", new double[] {-23.55, -46.63});

    private static final Map<String, double[]> COLUMNS = new ConcurrentHashMap<>();

    private final String city;
    private final double shiftSeconds;
    private final double[] rows;

    private SolarShape(String city, double shiftSeconds, double[] rows) {
        this.city = city;
        this.shiftSeconds = shiftSeconds;
        this.rows = rows;
    }

    /** The shape of the data column nearest to the site, aligned to the site's solar time. */
    public static SolarShape forSite(double latitude, double longitude) {
        String nearest = nearestCity(latitude, longitude);
        double shift = (longitude - CITIES.get(nearest)[1]) * 240.0;
        return new SolarShape(nearest, shift, COLUMNS.computeIfAbsent(nearest, SolarShape::readColumn));
    }

    static String nearestCity(double latitude, double longitude) {
        String best = null;
        double bestKm = Double.MAX_VALUE;
        for (Map.Entry<String, double[]> city : CITIES.entrySet()) {
            double km = greatCircleKm(latitude, longitude, city.getValue()[0], city.getValue()[1]);
            if (km < bestKm) {
                bestKm = km;
                best = city.getKey();
            }
        }
        return best;
    }

    public String city() {
        return city;
    }

    /** Normalised output at {@code at}, 0..1. */
    public double fraction(Instant at) {
        double span = rows.length * (double) ROW_SECONDS;
        double offset = at.getEpochSecond() + at.getNano() / 1e9 + shiftSeconds - DATA_START.getEpochSecond();
        double position = ((offset % span) + span) % span / ROW_SECONDS;
        int row = (int) Math.floor(position);
        double weight = position - row;
        double value = rows[row] * (1 - weight) + rows[(row + 1) % rows.length] * weight;
        return Physics.clamp(value, 0.0, 1.0);
    }

    private static double[] readColumn(String city) {
        try (InputStream in = SolarShape.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = List.of(reader.readLine().split(","));
            int column = header.indexOf(city);
            List<Double> values = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    values.add(Double.parseDouble(line.split(",")[column]));
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dLat = p2 - p1;
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
