package io.kelvin.energyoptimizer.model;

import java.util.List;

/**
 * Cooling and facility overhead as a convex piecewise-linear function of IT power, per ambient
 * temperature: {@code coolingKw = max_k(slope_k * itKw + interceptKw_k)}, facility = IT + cooling,
 * overhead = facility / IT. Below {@code freeCoolingBelowC} the plant free-cools at
 * {@code baseFraction}; above, each degree adds {@code fractionPerDegree}. Above
 * {@code kneeKw} of IT a second chiller stage adds {@code highLoadExtraFraction}.
 */
public record CoolingModel(double fixedKw, double freeCoolingBelowC, double baseFraction,
                           double fractionPerDegree, double kneeKw, double highLoadExtraFraction) {

    /** One linear piece: cooling kW &gt;= slope * IT kW + intercept kW. */
    public record Segment(double slope, double interceptKw) {
    }

    /** IT at full load of the hall {@link #liquidCooledDefault} describes: 10,240 GPUs at 0.95 kW. */
    public static final double REFERENCE_IT_KW = 10_240 * 0.95;

    /**
     * A warm-water liquid-cooled hall of {@link #REFERENCE_IT_KW} of IT: PUE about 1.08 free-cooling, 1.25 at 35 C and
     * full load.
     */
    public static CoolingModel liquidCooledDefault() {
        return new CoolingModel(150, 18, 0.06, 0.008, 8000, 0.06);
    }

    /**
     * {@link #liquidCooledDefault} sized for this site: its fixed load and the knee of its second chiller stage scaled
     * by the site's IT at full load against the reference hall's (the same model for a site of that size), its
     * fractions as they are.
     */
    public static CoolingModel liquidCooledFor(SiteModel site) {
        double scale = site.gpus() * site.activeKwPerGpu() / REFERENCE_IT_KW;
        CoolingModel d = liquidCooledDefault();
        return new CoolingModel(d.fixedKw() * scale, d.freeCoolingBelowC(), d.baseFraction(), d.fractionPerDegree(),
                d.kneeKw() * scale, d.highLoadExtraFraction());
    }

    public List<Segment> segments(double ambientC) {
        double fraction = baseFraction + fractionPerDegree * Math.max(0, ambientC - freeCoolingBelowC);
        return List.of(new Segment(fraction, fixedKw),
                new Segment(fraction + highLoadExtraFraction, fixedKw - highLoadExtraFraction * kneeKw));
    }

    /** The larger of the two pieces at this load and ambient (what {@link #segments} describe), kW. */
    public double coolingKw(double itKw, double ambientC) {
        double fraction = baseFraction + fractionPerDegree * Math.max(0, ambientC - freeCoolingBelowC);
        return Math.max(fraction * itKw + fixedKw,
                (fraction + highLoadExtraFraction) * itKw + fixedKw - highLoadExtraFraction * kneeKw);
    }
}
