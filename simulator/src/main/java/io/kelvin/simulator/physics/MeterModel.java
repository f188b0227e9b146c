package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * A meter that reads one site total. Power meters: active power signed as the role names it
 * (positive = import for a grid meter), three-phase current from {@code P / (3 V_phase PF)}, import
 * and export counters. Water meters: flow in l/min and a volume counter in m3.
 */
final class MeterModel implements DeviceModel {

    /** What the meter measures and at which voltage it sits. */
    enum Kind {
        GRID(10_000.0, 0.98),
        COOLING(10_000.0, 0.92),
        AUX(400.0, 0.95),
        WATER(0.0, 1.0),
        UNASSIGNED(400.0, 1.0);

        final double lineVoltageV;
        final double powerFactor;

        Kind(double lineVoltageV, double powerFactor) {
            this.lineVoltageV = lineVoltageV;
            this.powerFactor = powerFactor;
        }
    }

    private final String deviceId;
    private final Kind kind;
    private double value;
    private double frequencyHz = 50.0;
    private double importKwh;
    private double exportKwh;
    private double volumeM3;

    MeterModel(String deviceId, Kind kind, double initialImportKwh) {
        this.deviceId = deviceId;
        this.kind = kind;
        this.importKwh = initialImportKwh;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    Kind kind() {
        return kind;
    }

    /** Reads {@code value} (kW, or l/min for water) for {@code dtSeconds}. */
    void step(double dtSeconds, double value, double frequencyHz) {
        this.value = value;
        this.frequencyHz = frequencyHz;
        if (kind == Kind.WATER) {
            volumeM3 += value * dtSeconds / 60.0 / 1000.0;
        } else if (value >= 0) {
            importKwh += value * dtSeconds / 3600.0;
        } else {
            exportKwh -= value * dtSeconds / 3600.0;
        }
    }

    @Override
    public void values(Map<String, Double> out) {
        if (kind == Kind.WATER) {
            out.put("flow_lpm", value);
            out.put("volume_m3", volumeM3);
            return;
        }
        double pf = Math.copySign(kind.powerFactor, value);
        double phaseVoltage = kind.lineVoltageV / Math.sqrt(3);
        out.put("active_power_kw", value);
        out.put("reactive_power_kvar", value * Math.tan(Math.acos(Math.abs(pf))));
        out.put("voltage_l1_v", phaseVoltage);
        out.put("current_l1_a", Math.abs(value) * 1000.0 / (3 * phaseVoltage * kind.powerFactor));
        out.put("frequency_hz", frequencyHz);
        out.put("power_factor", pf);
        out.put("import_energy_kwh", importKwh);
        out.put("export_energy_kwh", exportKwh);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        return false;
    }
}
