package io.kelvin.greenpower.wind;

import io.kelvin.core.site.WindForecastSettings;
import java.util.List;
import java.util.Objects;

/**
 * A turbine's power curve: kW of one turbine at a hub-height wind speed, linear between the given points, 0 below
 * the first point's speed (cut-in) and above the last point's speed (cut-out). Points rise in speed; power is
 * never negative. Applied to a slot's mean speed, it underestimates slightly where the curve is convex (below
 * rated speed), since the mean of power exceeds the power of the mean there.
 */
public final class PowerCurve {

    private final double[] speeds;
    private final double[] kw;

    public PowerCurve(List<WindForecastSettings.CurvePoint> points) {
        Objects.requireNonNull(points, "points");
        if (points.size() < 2) {
            throw new IllegalArgumentException("a power curve needs at least 2 points");
        }
        speeds = new double[points.size()];
        kw = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            speeds[i] = points.get(i).speedMs();
            kw[i] = points.get(i).kw();
            if (kw[i] < 0 || speeds[i] < 0 || (i > 0 && speeds[i] <= speeds[i - 1])) {
                throw new IllegalArgumentException("power curve points must rise in speed with kW >= 0, see point " + i);
            }
        }
    }

    /** kW of one turbine at {@code speedMs}. */
    public double kw(double speedMs) {
        if (Double.isNaN(speedMs)) {
            return Double.NaN;
        }
        if (speedMs < speeds[0] || speedMs > speeds[speeds.length - 1]) {
            return 0;
        }
        int i = 1;
        while (speeds[i] < speedMs) {
            i++;
        }
        double f = (speedMs - speeds[i - 1]) / (speeds[i] - speeds[i - 1]);
        return kw[i - 1] + f * (kw[i] - kw[i - 1]);
    }

    public double ratedKw() {
        double max = 0;
        for (double v : kw) {
            max = Math.max(max, v);
        }
        return max;
    }
}
