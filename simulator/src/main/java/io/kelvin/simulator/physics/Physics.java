package io.kelvin.simulator.physics;

/**
 * The plant's physical laws as pure functions: no state, no clock, no I/O. Units are in the names;
 * temperatures in degC unless a name says K, power in kW, flow in l/min.
 */
public final class Physics {

    /** Specific heat of water, kJ/(kg K). */
    public static final double WATER_CP_KJ_PER_KG_K = 4.186;
    /** Density of water near 30 degC, kg/l. */
    public static final double WATER_DENSITY_KG_PER_L = 0.997;
    /** Latent heat of evaporation of water near 30 degC, kJ/kg. */
    public static final double LATENT_HEAT_KJ_PER_KG = 2400.0;
    private static final double KELVIN_OFFSET = 273.15;

    private Physics() {
    }

    /**
     * One step of a first-order lag: {@code x + (target - x) * (1 - exp(-dt / tau))}. Exact for a
     * constant target, so n steps of dt equal one step of n*dt.
     */
    public static double firstOrderLag(double value, double target, double dtSeconds, double tauSeconds) {
        return target + (value - target) * Math.exp(-dtSeconds / tauSeconds);
    }

    /** Mass flow of water in kg/s from a volume flow in l/min. */
    public static double waterMassFlowKgPerS(double flowLpm) {
        return flowLpm * WATER_DENSITY_KG_PER_L / 60.0;
    }

    /** Return temperature of a loop: {@code supply + P / (m_dot * c_p)}, with m_dot from the flow. */
    public static double returnTempC(double supplyTempC, double heatKw, double flowLpm) {
        double massFlow = waterMassFlowKgPerS(flowLpm);
        if (massFlow <= 0) {
            return supplyTempC;
        }
        return supplyTempC + heatKw / (massFlow * WATER_CP_KJ_PER_KG_K);
    }

    /** Pump power by the affinity law: {@code ratedKw * (speed / 100)^3}. */
    public static double pumpPowerKw(double ratedKw, double speedPct) {
        double fraction = speedPct / 100.0;
        return ratedKw * fraction * fraction * fraction;
    }

    /**
     * Pump speed that holds a differential pressure on a fixed system curve {@code dp = k * Q^2}
     * when flow scales with speed: {@code Q = designFlow * sqrt(dp / designDp)}, speed = Q / maxFlow.
     */
    public static double pumpSpeedForDiffPressurePct(double diffPressureKpa, double designDpKpa,
                                                     double designFlowLpm, double maxFlowLpm) {
        double flow = designFlowLpm * Math.sqrt(Math.max(0, diffPressureKpa) / designDpKpa);
        return Math.min(100.0, 100.0 * flow / maxFlowLpm);
    }

    /** Differential pressure on the system curve at a flow: {@code designDp * (Q / designFlow)^2}. */
    public static double diffPressureKpa(double flowLpm, double designDpKpa, double designFlowLpm) {
        double ratio = flowLpm / designFlowLpm;
        return designDpKpa * ratio * ratio;
    }

    /**
     * Mechanical chiller COP as a fraction of Carnot: {@code eta * T_evap / (T_cond - T_evap)} in
     * kelvin, with the evaporator 3 K below the chilled-water setpoint and the condenser 10 K above
     * the wet-bulb (tower approach plus condenser rise), clamped to [2.5, 10]. Falls as wet-bulb rises.
     */
    public static double chillerCop(double wetBulbC, double chilledWaterSetpointC) {
        double evaporatorK = chilledWaterSetpointC - 3.0 + KELVIN_OFFSET;
        double condenserK = wetBulbC + 10.0 + KELVIN_OFFSET;
        double lift = Math.max(5.0, condenserK - evaporatorK);
        return clamp(0.40 * evaporatorK / lift, 2.5, 10.0);
    }

    /** Heat-pump COP as a fraction of Carnot, lifting from source-out - 3 K to sink + 3 K, clamped to [3, 6]. */
    public static double heatPumpCop(double sourceOutTempC, double sinkSupplyTempC) {
        double evaporatorK = sourceOutTempC - 3.0 + KELVIN_OFFSET;
        double condenserK = sinkSupplyTempC + 3.0 + KELVIN_OFFSET;
        double lift = Math.max(5.0, condenserK - evaporatorK);
        return clamp(0.55 * condenserK / lift, 3.0, 6.0);
    }

    /**
     * HVDC conversion losses: {@code rated * (0.004 + 0.008 x + 0.012 x^2)} with x = output / rated
     * (no-load, linear and resistive terms), giving about 97.8 % at 50-90 % load.
     */
    public static double hvdcLossKw(double ratedKw, double outputKw) {
        double x = Math.max(0, outputKw) / ratedKw;
        return ratedKw * (0.004 + 0.008 * x + 0.012 * x * x);
    }

    /**
     * Wind turbine power curve: 0 below cut-in (3 m/s) and from cut-out (25 m/s), rated from 12 m/s,
     * cubic in between: {@code rated * (v^3 - vin^3) / (vr^3 - vin^3)}.
     */
    public static double windPowerKw(double ratedKw, double windSpeedMs) {
        final double cutIn = 3.0;
        final double rated = 12.0;
        final double cutOut = 25.0;
        if (windSpeedMs < cutIn || windSpeedMs >= cutOut) {
            return 0.0;
        }
        if (windSpeedMs >= rated) {
            return ratedKw;
        }
        double v3 = windSpeedMs * windSpeedMs * windSpeedMs;
        return ratedKw * (v3 - cutIn * cutIn * cutIn) / (rated * rated * rated - cutIn * cutIn * cutIn);
    }

    /**
     * Cooling-tower make-up water in l/min: evaporation {@code Q / h_fg} plus blow-down at 4 cycles of
     * concentration ({@code x 4/3}).
     */
    public static double makeupWaterLpm(double heatRejectedKw) {
        double evaporationKgPerS = Math.max(0, heatRejectedKw) / LATENT_HEAT_KJ_PER_KG;
        return evaporationKgPerS * 4.0 / 3.0 * 60.0 / WATER_DENSITY_KG_PER_L;
    }

    public static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
