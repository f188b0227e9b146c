package io.kelvin.greenpower.bench;

import java.util.Map;

/** Latitude and longitude (degrees) of the cities in data/vessim/solar_example.csv. */
final class CityCoordinates {

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

    private CityCoordinates() {
    }

    static double[] of(String city) {
        double[] c = CITIES.get(city);
        if (c == null) {
            throw new IllegalArgumentException("unknown city '" + city + "'; the data has " + CITIES.keySet());
        }
        return c;
    }
}
