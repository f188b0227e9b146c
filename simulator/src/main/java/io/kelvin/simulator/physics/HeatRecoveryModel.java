package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * Heat-recovery skid: a heat pump lifts data-center return water to district-heating supply
 * (70 degC out, 45 degC back). It delivers min(offtake setpoint, capacity, what the source can give)
 * and ramps to it with a first-order lag (tau 300 s). Electrical power = heat / COP; heat taken from
 * the data-center water = heat - power.
 */
final class HeatRecoveryModel implements DeviceModel {

    static final double CAPACITY_KW = 4000.0;
    static final double RAMP_TAU_SECONDS = 300.0;
    static final double DH_SUPPLY_C = 70.0;
    static final double DH_RETURN_C = 45.0;
    static final double SOURCE_FLOW_KG_PER_S = 60.0;

    private final String deviceId;
    private double offtakeSetpointKw = 1500.0;
    private double heatKw;
    private double cop = 4.0;
    private double sourceInC = 30.0;
    private double sourceOutC = 30.0;
    private double energyKwh;

    HeatRecoveryModel(String deviceId, double initialEnergyKwh) {
        this.deviceId = deviceId;
        this.energyKwh = initialEnergyKwh;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    /** Runs for {@code dtSeconds} on source water at {@code sourceInC} with {@code sourceHeatKw} available. */
    void step(double dtSeconds, double sourceInC, double sourceHeatKw) {
        this.sourceInC = sourceInC;
        double deliverable = sourceHeatKw * cop / (cop - 1.0);
        double target = Math.min(offtakeSetpointKw, Math.min(CAPACITY_KW, 0.8 * deliverable));
        heatKw = Physics.firstOrderLag(heatKw, Math.max(0, target), dtSeconds, RAMP_TAU_SECONDS);
        sourceOutC = sourceInC - sourceHeatKw() / (SOURCE_FLOW_KG_PER_S * Physics.WATER_CP_KJ_PER_KG_K);
        cop = Physics.heatPumpCop(sourceOutC, DH_SUPPLY_C);
        energyKwh += heatKw * dtSeconds / 3600.0;
    }

    double heatKw() {
        return heatKw;
    }

    double powerKw() {
        return heatKw / cop;
    }

    /** Heat drawn from the data-center water: heat delivered minus the compressor's work. */
    double sourceHeatKw() {
        return heatKw - powerKw();
    }

    @Override
    public void values(Map<String, Double> out) {
        boolean running = heatKw >= 1.0;
        double dhFlowM3h = heatKw / (Physics.WATER_CP_KJ_PER_KG_K * (DH_SUPPLY_C - DH_RETURN_C)) * 3.6 / 0.98;
        out.put("heat_kw", heatKw);
        out.put("dh_supply_temp_c", running ? DH_SUPPLY_C : DH_RETURN_C);
        out.put("dh_return_temp_c", DH_RETURN_C);
        out.put("source_in_temp_c", sourceInC);
        out.put("source_out_temp_c", sourceOutC);
        out.put("dh_flow_m3h", dhFlowM3h);
        out.put("heat_pump_power_kw", powerKw());
        out.put("heat_pump_cop", running ? cop : 0.0);
        out.put("energy_kwh", energyKwh);
        out.put("offtake_setpoint_kw", offtakeSetpointKw);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        if (!point.equals("offtake_setpoint_kw")) {
            return false;
        }
        offtakeSetpointKw = value;
        return true;
    }
}
