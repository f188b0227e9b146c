package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * A PV inverter (SunSpec model 103 points): AC power = rated kW x the solar shape x a per-array
 * factor; DC power = AC / 0.98; MPPT voltage about 620-680 V by day, 0 at night; state 4 (MPPT)
 * while producing, 2 (sleeping) otherwise.
 */
final class PvModel implements DeviceModel {

    static final double INVERTER_EFFICIENCY = 0.98;
    static final double POWER_FACTOR = 0.99;
    static final double SLEEP_BELOW_FRACTION = 0.002;

    private final String deviceId;
    private final double ratedKw;
    private final double arrayFactor;
    private double acKw;
    private double fraction;
    private double ambientC;
    private double frequencyHz = 50.0;
    private double energyKwh;

    PvModel(String deviceId, double ratedKw, double arrayFactor, double initialEnergyKwh) {
        this.deviceId = deviceId;
        this.ratedKw = ratedKw;
        this.arrayFactor = arrayFactor;
        this.energyKwh = initialEnergyKwh;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    void step(double dtSeconds, double solarFraction, double ambientC, double frequencyHz) {
        this.fraction = solarFraction < SLEEP_BELOW_FRACTION ? 0.0 : solarFraction * arrayFactor;
        this.acKw = ratedKw * fraction;
        this.ambientC = ambientC;
        this.frequencyHz = frequencyHz;
        energyKwh += acKw * dtSeconds / 3600.0;
    }

    double acKw() {
        return acKw;
    }

    @Override
    public void values(Map<String, Double> out) {
        boolean producing = acKw > 0;
        double dcKw = acKw / INVERTER_EFFICIENCY;
        double dcVoltage = producing ? 620.0 + 60.0 * Math.min(1.0, 4.0 * fraction) : 0.0;
        double acVoltage = 400.0 + 2.0 * fraction;
        out.put("ac_current_a", acKw * 1000.0 / (Math.sqrt(3) * acVoltage * POWER_FACTOR));
        out.put("ac_voltage_ab_v", acVoltage);
        out.put("ac_power_kw", acKw);
        out.put("frequency_hz", frequencyHz);
        out.put("power_factor_pct", producing ? 100.0 * POWER_FACTOR : 100.0);
        out.put("energy_kwh", energyKwh);
        out.put("dc_current_a", producing ? dcKw * 1000.0 / dcVoltage : 0.0);
        out.put("dc_voltage_v", dcVoltage);
        out.put("dc_power_kw", dcKw);
        out.put("cabinet_temp_c", ambientC + 3.0 + 8.0 * fraction);
        out.put("heatsink_temp_c", ambientC + 5.0 + 25.0 * fraction);
        out.put("operating_state", producing ? 4.0 : 2.0);
        out.put("event_flags", 0.0);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        return false;
    }
}
