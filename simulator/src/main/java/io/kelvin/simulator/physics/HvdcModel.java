package io.kelvin.simulator.physics;

import java.util.Map;

/**
 * A 240 V HVDC power system: its output is its share of the IT load; input = output + losses from
 * {@link Physics#hvdcLossKw}; efficiency = output / input. Integrates input and output energy.
 */
final class HvdcModel implements DeviceModel {

    static final double NOMINAL_VOLTAGE_V = 240.0;

    private final String deviceId;
    private final double ratedKw;
    private double outputKw;
    private double inputKw;
    private double outputEnergyKwh;
    private double inputEnergyKwh;

    HvdcModel(String deviceId, double ratedKw, double initialOutputEnergyKwh) {
        this.deviceId = deviceId;
        this.ratedKw = ratedKw;
        this.outputEnergyKwh = initialOutputEnergyKwh;
        this.inputEnergyKwh = initialOutputEnergyKwh / 0.978;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    void step(double dtSeconds, double outputKw) {
        this.outputKw = outputKw;
        this.inputKw = outputKw + Physics.hvdcLossKw(ratedKw, outputKw);
        outputEnergyKwh += outputKw * dtSeconds / 3600.0;
        inputEnergyKwh += inputKw * dtSeconds / 3600.0;
    }

    double inputKw() {
        return inputKw;
    }

    double outputKw() {
        return outputKw;
    }

    double lossKw() {
        return inputKw - outputKw;
    }

    @Override
    public void values(Map<String, Double> out) {
        double load = outputKw / ratedKw;
        double voltage = NOMINAL_VOLTAGE_V - 2.0 * load;
        out.put("input_power_kw", inputKw);
        out.put("output_power_kw", outputKw);
        out.put("output_voltage_v", voltage);
        out.put("output_current_a", outputKw * 1000.0 / voltage);
        out.put("efficiency_pct", inputKw > 0 ? 100.0 * outputKw / inputKw : 80.0);
        out.put("ac_input_voltage_v", 400.0 - 3.0 * load);
        out.put("module_temp_c", 25.0 + 25.0 * load);
        out.put("modules_online", 100.0);
        out.put("load_pct", 100.0 * load);
        out.put("output_energy_kwh", outputEnergyKwh);
        out.put("input_energy_kwh", inputEnergyKwh);
        out.put("alarm_overtemp", 0.0);
        out.put("alarm_module_fault", 0.0);
    }

    @Override
    public boolean applySetpoint(String point, double value) {
        return false;
    }
}
