package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * A coolant distribution unit. The secondary supply temperature follows its target with a
 * first-order lag (tau 90 s); the target is the setpoint, unless the facility water is too warm to
 * reach it (then primary supply + 2 K approach). The pump speed follows (tau 5 s) the speed that
 * holds the differential-pressure setpoint on the loop's system curve (150 kPa at 1,200 l/min,
 * 1,800 l/min at full speed). Return = supply + P / (m_dot * c_p).
 */
final class CduModel implements DeviceModel {

    static final double SUPPLY_TAU_SECONDS = 90.0;
    static final double PUMP_TAU_SECONDS = 5.0;
    static final double APPROACH_K = 2.0;
    static final double DESIGN_DP_KPA = 150.0;
    static final double DESIGN_FLOW_LPM = 1200.0;
    static final double MAX_FLOW_LPM = 1800.0;
    static final double PUMP_RATED_KW = 30.0;
    static final double PRIMARY_FLOW_KG_PER_S = 22.0;

    private final String deviceId;
    private double supplySetpointC = 32.0;
    private double diffPressureSetpointKpa = DESIGN_DP_KPA;
    private double supplyTempC;
    private double pumpSpeedPct;
    private double heatLoadKw;
    private double primarySupplyC;
    private boolean leaking;

    CduModel(String deviceId, double heatLoadKw, double primarySupplyC) {
        this.deviceId = deviceId;
        this.heatLoadKw = heatLoadKw;
        this.primarySupplyC = primarySupplyC;
        this.supplyTempC = targetSupplyC();
        this.pumpSpeedPct = targetPumpSpeedPct();
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    /** Advances the loop by {@code dtSeconds} with the given heat load and facility-water supply. */
    void step(double dtSeconds, double heatLoadKw, double primarySupplyC) {
        this.heatLoadKw = heatLoadKw;
        this.primarySupplyC = primarySupplyC;
        supplyTempC = Physics.firstOrderLag(supplyTempC, targetSupplyC(), dtSeconds, SUPPLY_TAU_SECONDS);
        pumpSpeedPct = Physics.firstOrderLag(pumpSpeedPct, targetPumpSpeedPct(), dtSeconds, PUMP_TAU_SECONDS);
    }

    double targetSupplyC() {
        return Math.max(supplySetpointC, primarySupplyC + APPROACH_K);
    }

    private double targetPumpSpeedPct() {
        return Physics.pumpSpeedForDiffPressurePct(diffPressureSetpointKpa, DESIGN_DP_KPA, DESIGN_FLOW_LPM, MAX_FLOW_LPM);
    }

    double flowLpm() {
        return MAX_FLOW_LPM * pumpSpeedPct / 100.0;
    }

    double pumpPowerKw() {
        return Physics.pumpPowerKw(PUMP_RATED_KW, pumpSpeedPct);
    }

    double supplyTempC() {
        return supplyTempC;
    }

    double returnTempC() {
        return Physics.returnTempC(supplyTempC, heatLoadKw, flowLpm());
    }

    double primaryReturnC() {
        return primarySupplyC + heatLoadKw / (PRIMARY_FLOW_KG_PER_S * Physics.WATER_CP_KJ_PER_KG_K);
    }

    @Override
    public void values(Map<String, Double> out) {
        out.put("supply_temp_c", supplyTempC);
        out.put("return_temp_c", returnTempC());
        out.put("supply_temp_setpoint_c", supplySetpointC);
        out.put("flow_lpm", flowLpm());
        out.put("diff_pressure_kpa", Physics.diffPressureKpa(flowLpm(), DESIGN_DP_KPA, DESIGN_FLOW_LPM));
        out.put("diff_pressure_setpoint_kpa", diffPressureSetpointKpa);
        out.put("primary_supply_temp_c", primarySupplyC);
        out.put("primary_return_temp_c", primaryReturnC());
        out.put("pump_speed_pct", pumpSpeedPct);
        out.put("pump_power_kw", pumpPowerKw());
        out.put("heat_load_kw", heatLoadKw);
        out.put("leak_detected", leaking ? 1.0 : 0.0);
    }

    /** Water on (true) or off (false) the leak-detection rope under the unit. */
    void leak(boolean leaking) {
        this.leaking = leaking;
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        switch (point) {
            case "supply_temp_setpoint_c" -> supplySetpointC = value;
            case "diff_pressure_setpoint_kpa" -> diffPressureSetpointKpa = value;
            default -> {
                return false;
            }
        }
        return true;
    }
}
