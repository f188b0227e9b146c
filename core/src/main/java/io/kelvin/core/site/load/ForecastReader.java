package io.kelvin.core.site.load;

import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.WindForecastSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the site file's optional {@code forecast:} mapping; absent fields take {@link ForecastSettings#DEFAULT}. */
final class ForecastReader {

    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(48);

    private ForecastReader() {
    }

    static ForecastSettings read(Node node) {
        node.allowOnly("pv", "wind", "load");
        ForecastSettings.Pv pv = node.optObject("pv").map(ForecastReader::pv).orElse(ForecastSettings.Pv.DEFAULT);
        WindForecastSettings wind = node.optObject("wind").map(ForecastReader::wind).orElse(WindForecastSettings.DEFAULT);
        ForecastSettings.Load load = node.optObject("load").map(ForecastReader::load).orElse(ForecastSettings.Load.DEFAULT);
        return new ForecastSettings(pv, wind, load);
    }

    private static ForecastSettings.Pv pv(Node n) {
        n.allowOnly("ratedKw", "persistenceWindow", "blendTime", "climatologyDays", "defaultClearness", "bandDays");
        var d = ForecastSettings.Pv.DEFAULT;
        Optional<Double> rated = n.optNumber("ratedKw");
        rated.filter(kw -> kw <= 0 || kw > 1e7).ifPresent(kw -> n.problem("ratedKw", "must be above 0 and at most 1e7"));
        return new ForecastSettings.Pv(rated,
                n.optDuration("persistenceWindow", MIN, MAX).orElse(d.persistenceWindow()),
                n.optDuration("blendTime", MIN, MAX).orElse(d.blendTime()),
                n.integerOr("climatologyDays", d.climatologyDays(), 1, 60),
                n.numberOr("defaultClearness", d.defaultClearness(), 0.05, 1.2),
                n.integerOr("bandDays", d.bandDays(), 1, 60));
    }

    private static WindForecastSettings wind(Node n) {
        n.allowOnly("powerCurve", "turbines", "window", "decay", "historyDays", "bandDays");
        var d = WindForecastSettings.DEFAULT;
        List<WindForecastSettings.CurvePoint> curve = new ArrayList<>();
        for (double[] p : n.pairs("powerCurve")) {
            if (p[0] < 0 || p[0] > 80 || p[1] < 0 || p[1] > 1e5) {
                n.problem("powerCurve", "point [" + p[0] + ", " + p[1] + "] must have 0..80 m/s and 0..100000 kW");
            } else if (!curve.isEmpty() && p[0] <= curve.get(curve.size() - 1).speedMs()) {
                n.problem("powerCurve", "speeds must rise from point to point; " + p[0] + " m/s follows "
                        + curve.get(curve.size() - 1).speedMs() + " m/s");
            }
            curve.add(new WindForecastSettings.CurvePoint(p[0], p[1]));
        }
        if (curve.size() == 1) {
            n.problem("powerCurve", "needs at least two points (cut-in and cut-out)");
        }
        Optional<Integer> turbines = n.has("turbines") ? Optional.of(n.integerOr("turbines", 1, 1, 10_000)) : Optional.empty();
        return new WindForecastSettings(curve, turbines, n.optDuration("window", MIN, MAX).orElse(d.window()),
                n.optDuration("decay", MIN, MAX).orElse(d.decay()), n.integerOr("historyDays", d.historyDays(), 1, 60),
                n.integerOr("bandDays", d.bandDays(), 1, 60));
    }

    private static ForecastSettings.Load load(Node n) {
        n.allowOnly("similarDays", "weekdaysApart", "lookbackDays", "window", "blendTime");
        var d = ForecastSettings.Load.DEFAULT;
        int similar = n.integerOr("similarDays", d.similarDays(), 1, 28);
        int lookback = n.integerOr("lookbackDays", d.lookbackDays(), 1, 60);
        if (lookback < similar) {
            n.problem("lookbackDays", "must be at least similarDays (" + similar + ")");
        }
        return new ForecastSettings.Load(similar, n.bool("weekdaysApart", d.weekdaysApart()), Math.max(lookback, similar),
                n.optDuration("window", MIN, MAX).orElse(d.window()), n.optDuration("blendTime", MIN, MAX).orElse(d.blendTime()));
    }
}
