package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * A wind turbine: power from {@link Physics#windPowerKw} scaled to its rating, capped by the
 * curtailment setpoint {@code power_limit_kw}. Storm stop above 25 m/s until the wind drops below
 * 20 m/s. States: 1 waiting for wind, 3 producing, 4 curtailed, 5 storm stop.
 */
final class WindModel implements DeviceModel {

    static final double RATED_ROTOR_RPM = 16.0;

    private final String deviceId;
    private final double ratedKw;
    private final double siteFactor;
    private double powerLimitKw;
    private double windSpeedMs;
    private double availableKw;
    private double powerKw;
    private double ambientC;
    private double yawDeg;
    private boolean stormStop;
    private double energyKwh;

    WindModel(String deviceId, double ratedKw, double siteFactor, double initialEnergyKwh) {
        this.deviceId = deviceId;
        this.ratedKw = ratedKw;
        this.siteFactor = siteFactor;
        this.powerLimitKw = ratedKw;
        this.energyKwh = initialEnergyKwh;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    void step(double dtSeconds, double siteWindSpeedMs, double windDirectionDeg, double ambientC) {
        windSpeedMs = siteWindSpeedMs * siteFactor;
        stormStop = stormStop ? windSpeedMs > 20.0 : windSpeedMs >= 25.0;
        availableKw = stormStop ? 0.0 : Physics.windPowerKw(ratedKw, windSpeedMs);
        powerKw = Math.min(availableKw, powerLimitKw);
        yawDeg = windDirectionDeg;
        this.ambientC = ambientC;
        energyKwh += powerKw * dtSeconds / 3600.0;
    }

    double powerKw() {
        return powerKw;
    }

    private int state() {
        if (stormStop) {
            return 5;
        }
        if (availableKw <= 0) {
            return 1;
        }
        return powerKw < availableKw ? 4 : 3;
    }

    @Override
    public void values(Map<String, Double> out) {
        int state = state();
        boolean turning = state == 3 || state == 4;
        double rpm = turning ? 6.0 + (RATED_ROTOR_RPM - 6.0) * Math.min(1.0, (windSpeedMs - 3.0) / 9.0) : 0.0;
        double pitch = !turning ? 88.0
                : Math.min(30.0, Math.max(0.0, 2.0 * (windSpeedMs - 12.0)) + 10.0 * (1 - powerKw / availableKw));
        out.put("power_kw", powerKw);
        out.put("wind_speed_ms", windSpeedMs);
        out.put("rotor_rpm", rpm);
        out.put("pitch_deg", pitch);
        out.put("nacelle_temp_c", ambientC + 8.0 + 12.0 * powerKw / ratedKw);
        out.put("yaw_deg", yawDeg);
        out.put("state", (double) state);
        out.put("energy_kwh", energyKwh);
        out.put("power_limit_kw", powerLimitKw);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        if (!point.equals("power_limit_kw")) {
            return false;
        }
        powerLimitKw = value;
        return true;
    }
}
