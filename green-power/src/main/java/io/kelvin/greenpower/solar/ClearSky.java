package io.kelvin.greenpower.solar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import net.e175.klaus.solarpositioning.SolarPosition;

/**
 * Clear-sky irradiance at a place: the sun's position from NREL's Solar Position Algorithm (Reda and Andreas,
 * Solar Energy 76(5), 2004, through the solarpositioning library, with refraction for a standard atmosphere)
 * and global horizontal irradiance from the Haurwitz model (Haurwitz 1945; Reno, Hansen and Stein, SAND2012-2389):
 * {@code GHI = 1098 cos(z) exp(-0.059 / cos(z))} W/m2 for a zenith angle {@code z} below 90 degrees, else 0.
 * Haurwitz needs no turbidity data, and the PV model multiplies it by a clearness index measured on site, which
 * absorbs the site's atmosphere, orientation and losses.
 */
public final class ClearSky {

    /** Standard test condition irradiance, W/m2: a PV rating is its output at this irradiance. */
    public static final double STC_W_PER_M2 = 1000;
    private static final double PRESSURE_HPA = 1013.25;
    private static final double TEMPERATURE_C = 15;

    private final double latitude;
    private final double longitude;

    public ClearSky(double latitudeDeg, double longitudeDeg) {
        if (latitudeDeg < -90 || latitudeDeg > 90 || longitudeDeg < -180 || longitudeDeg > 180) {
            throw new IllegalArgumentException("latitude/longitude out of range: " + latitudeDeg + ", " + longitudeDeg);
        }
        this.latitude = latitudeDeg;
        this.longitude = longitudeDeg;
    }

    /** Apparent (refracted) solar zenith angle in degrees at {@code t}. */
    public double zenithDeg(Instant t) {
        var utc = t.atZone(ZoneOffset.UTC);
        SolarPosition p = SPA.calculateSolarPosition(utc, latitude, longitude, 0,
                DeltaT.estimate(utc.toLocalDate()), PRESSURE_HPA, TEMPERATURE_C);
        return p.zenithAngle();
    }

    /** Haurwitz clear-sky GHI in W/m2 at {@code t}. */
    public double ghi(Instant t) {
        return haurwitz(zenithDeg(t));
    }

    /** Haurwitz GHI in W/m2 for an apparent zenith angle in degrees. */
    public static double haurwitz(double zenithDeg) {
        if (zenithDeg >= 90) {
            return 0;
        }
        double cosZ = Math.cos(Math.toRadians(zenithDeg));
        return 1098 * cosZ * Math.exp(-0.059 / cosZ);
    }

    /**
     * Clear-sky GHI over {@code [start, start + length)} as a share of {@link #STC_W_PER_M2}, the mean of three
     * samples at 1/6, 1/2 and 5/6 of the slot (so sunrise and sunset slots are partly lit).
     */
    public double slotShare(Instant start, Duration length) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += ghi(start.plus(length.multipliedBy(2L * k + 1).dividedBy(6)));
        }
        return sum / 3 / STC_W_PER_M2;
    }
}
