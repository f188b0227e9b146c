package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * One water-cooled chiller with a waterside economizer. The plant decides whether it runs, its
 * share of the load and whether the plant is in free cooling; the chiller reports temperatures,
 * power, COP, make-up water and integrates its counters (run hours, kWh).
 */
final class ChillerModel implements DeviceModel {

    /** Chilled-water flow at 6 K design rise for 3,000 kW: 3000 / (4.186 * 6), kg/s. */
    static final double CHW_FLOW_KG_PER_S = 119.4;
    static final double TOWER_APPROACH_K = 3.0;
    /** Tower fans and condenser pumps, fraction of the cooling load. */
    static final double MECHANICAL_AUX_FRACTION = 0.02;
    static final double FREE_COOLING_AUX_FRACTION = 0.03;

    private final String deviceId;
    final double ratedKw;
    private double chwSetpointC = 24.0;
    private boolean enabled = true;
    private boolean running;
    private boolean freeCooling;
    private double loadKw;
    private double powerKw;
    private double cop;
    private double supplyC;
    private double returnC;
    private double condenserC;
    private double wetBulbC;
    private double makeupLpm;
    private double runHours;
    private double energyKwh;

    ChillerModel(String deviceId, double ratedKw, double initialRunHours, double initialEnergyKwh) {
        this.deviceId = deviceId;
        this.ratedKw = ratedKw;
        this.runHours = initialRunHours;
        this.energyKwh = initialEnergyKwh;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    boolean enabled() {
        return enabled;
    }

    double chwSetpointC() {
        return chwSetpointC;
    }

    /** Runs (or idles, with {@code loadKw} 0) for {@code dtSeconds} in the plant's conditions. */
    void step(double dtSeconds, boolean run, boolean free, double loadKw, PlantConditions conditions) {
        this.running = run && loadKw > 0;
        this.freeCooling = running && free;
        this.loadKw = running ? loadKw : 0.0;
        this.wetBulbC = conditions.wetBulbC();
        this.supplyC = conditions.chwSupplyC();
        if (!running) {
            powerKw = 0.0;
            cop = 0.0;
            returnC = conditions.chwReturnC();
            supplyC = conditions.chwReturnC();
            condenserC = wetBulbC + TOWER_APPROACH_K;
            makeupLpm = 0.0;
            return;
        }
        double mechanicalCop = Physics.chillerCop(wetBulbC, chwSetpointC);
        double compressorKw = freeCooling ? 0.0 : this.loadKw / mechanicalCop;
        double auxKw = this.loadKw * (freeCooling ? FREE_COOLING_AUX_FRACTION : MECHANICAL_AUX_FRACTION);
        powerKw = compressorKw + auxKw;
        cop = this.loadKw / powerKw;
        returnC = supplyC + this.loadKw / (CHW_FLOW_KG_PER_S * Physics.WATER_CP_KJ_PER_KG_K);
        condenserC = wetBulbC + TOWER_APPROACH_K + (freeCooling ? 0.0 : 5.0 * this.loadKw / ratedKw);
        makeupLpm = Physics.makeupWaterLpm(this.loadKw + compressorKw);
        runHours += dtSeconds / 3600.0;
        energyKwh += powerKw * dtSeconds / 3600.0;
    }

    double powerKw() {
        return powerKw;
    }

    double makeupLpm() {
        return makeupLpm;
    }

    @Override
    public void values(Map<String, Double> out) {
        out.put("chw_supply_temp_c", supplyC);
        out.put("chw_return_temp_c", returnC);
        out.put("chw_supply_setpoint_c", chwSetpointC);
        out.put("cooling_load_kw", loadKw);
        out.put("power_kw", powerKw);
        out.put("cop", cop);
        out.put("condenser_water_temp_c", condenserC);
        out.put("wet_bulb_temp_c", wetBulbC);
        out.put("makeup_water_lpm", makeupLpm);
        out.put("run_hours_h", runHours);
        out.put("energy_kwh", energyKwh);
        out.put("free_cooling_active", freeCooling ? 1.0 : 0.0);
        out.put("compressor_running", running && !freeCooling ? 1.0 : 0.0);
        out.put("enabled", enabled ? 1.0 : 0.0);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        switch (point) {
            case "chw_supply_setpoint_c" -> chwSetpointC = value;
            case "enabled" -> enabled = value != 0;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** What the plant tells each chiller: outdoor wet-bulb and the common chilled-water header. */
    record PlantConditions(double wetBulbC, double chwSupplyC, double chwReturnC) {
    }
}
