package io.kelvin.simulator.physics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Seeded outdoor conditions at the site. Wet-bulb = annual cosine (peak about 20 July in the
 * northern hemisphere) + daily cosine (peak 15:00 local) + slow weather noise; the annual mean and
 * swing come from the latitude (a crude climate: Shanghai gets about 3 degC in January and 25 degC
 * in July). Wind speed is mean-reverting noise around 7 m/s; grid frequency around 50 Hz.
 */
public final class Weather {

    private static final double DAILY_WET_BULB_SWING_C = 1.5;

    private final ZoneId zone;
    private final double annualMeanWetBulbC;
    private final double annualSwingC;
    private final int peakDayOfYear;
    private final OuProcess weatherNoise;
    private final OuProcess windSpeed;
    private final OuProcess windDirection;
    private final OuProcess gridFrequency;
    private double wetBulbC;
    private double dryBulbC;

    public Weather(ZoneId zone, double latitude, long seed) {
        this.zone = zone;
        double absLatitude = Math.abs(latitude);
        this.annualMeanWetBulbC = absLatitude <= 23 ? 22.0 : 27.0 - 0.42 * absLatitude;
        this.annualSwingC = absLatitude <= 23 ? 3.0 : Math.min(14.0, 0.35 * absLatitude);
        this.peakDayOfYear = latitude >= 0 ? 201 : 18;
        this.weatherNoise = new OuProcess(0.0, 1.5, 12 * 3600.0, seed ^ 0x5EA5);
        this.windSpeed = new OuProcess(7.0, 2.8, 3 * 3600.0, seed ^ 0x3117D);
        this.windDirection = new OuProcess(135.0, 40.0, 6 * 3600.0, seed ^ 0xD1A);
        this.gridFrequency = new OuProcess(50.0, 0.02, 60.0, seed ^ 0xF4E9);
    }

    /** Moves the noise on by {@code dtSeconds} and evaluates the conditions at {@code at}. */
    void step(Instant at, double dtSeconds) {
        weatherNoise.step(dtSeconds);
        windSpeed.step(dtSeconds);
        windDirection.step(dtSeconds);
        gridFrequency.step(dtSeconds);
        evaluate(at);
    }

    void evaluate(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double annual = Math.cos(2 * Math.PI * (local.getDayOfYear() - peakDayOfYear) / 365.25);
        double daily = Math.cos(2 * Math.PI * (hour - 15.0) / 24.0);
        wetBulbC = annualMeanWetBulbC + annualSwingC * annual + DAILY_WET_BULB_SWING_C * daily + weatherNoise.value();
        dryBulbC = wetBulbC + 4.0 + 3.0 * Math.max(0, daily);
    }

    public double wetBulbC() {
        return wetBulbC;
    }

    public double dryBulbC() {
        return dryBulbC;
    }

    /** Wind speed at hub height, m/s, never negative. */
    public double windSpeedMs() {
        return Physics.clamp(windSpeed.value(), 0.0, 35.0);
    }

    /** Wind direction, degrees from north in [0, 360). */
    public double windDirectionDeg() {
        return Math.floorMod(Math.round(windDirection.value() * 10), 3600) / 10.0;
    }

    public double gridFrequencyHz() {
        return Physics.clamp(gridFrequency.value(), 49.8, 50.2);
    }
}
