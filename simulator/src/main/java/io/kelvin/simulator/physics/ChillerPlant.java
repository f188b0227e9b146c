package io.kelvin.simulator.physics;

import java.util.List;

/**
 * The chiller plant: stages enabled chillers by load (add one above 90 % of the running capacity,
 * drop one when the rest would stay below 70 %), shares the load equally, and runs the economizer
 * (free cooling) while {@code wet-bulb + 4.5 K} is below the chilled-water setpoint minus a 1 K
 * margin (0.5 K hysteresis). The common supply header follows the setpoint (tau 300 s), or drifts up
 * when the running chillers cannot carry the load.
 */
final class ChillerPlant {

    static final double FREE_COOLING_APPROACH_K = 4.5;
    static final double FREE_COOLING_MARGIN_K = 1.0;
    static final double FREE_COOLING_HYSTERESIS_K = 0.5;
    static final double HEADER_TAU_SECONDS = 300.0;
    static final double MAX_LOAD_FRACTION = 1.1;

    private final List<ChillerModel> chillers;
    private int staged = 1;
    private boolean freeCooling;
    private double chwSupplyC;
    private double chwReturnC;

    ChillerPlant(List<ChillerModel> chillers) {
        this.chillers = List.copyOf(chillers);
        this.chwSupplyC = setpointC();
        this.chwReturnC = chwSupplyC;
    }

    double chwSupplyC() {
        return chwSupplyC;
    }

    double powerKw() {
        return chillers.stream().mapToDouble(ChillerModel::powerKw).sum();
    }

    double makeupLpm() {
        return chillers.stream().mapToDouble(ChillerModel::makeupLpm).sum();
    }

    /** Carries {@code loadKw} of heat for {@code dtSeconds} at outdoor {@code wetBulbC}. */
    void step(double dtSeconds, double loadKw, double wetBulbC) {
        List<ChillerModel> enabled = chillers.stream().filter(ChillerModel::enabled).toList();
        double setpoint = setpointC();
        freeCooling = freeCoolingNext(wetBulbC, setpoint);
        staged = stageCount(enabled, loadKw);
        double capacity = enabled.stream().limit(staged).mapToDouble(c -> c.ratedKw * MAX_LOAD_FRACTION).sum();
        double carried = Math.min(loadKw, capacity);
        double shortfall = loadKw <= 0 ? 0 : (loadKw - carried) / loadKw;
        double target = Math.min(setpoint + 12.0 * shortfall, 36.0);
        chwSupplyC = Physics.firstOrderLag(chwSupplyC, target, dtSeconds, HEADER_TAU_SECONDS);
        chwReturnC = chwSupplyC + (staged == 0 ? 0
                : loadKw / (staged * ChillerModel.CHW_FLOW_KG_PER_S * Physics.WATER_CP_KJ_PER_KG_K));
        var conditions = new ChillerModel.PlantConditions(wetBulbC, chwSupplyC, chwReturnC);
        double share = staged == 0 ? 0 : carried / staged;
        for (ChillerModel chiller : chillers) {
            int index = enabled.indexOf(chiller);
            boolean run = index >= 0 && index < staged;
            chiller.step(dtSeconds, run, freeCooling, run ? share : 0.0, conditions);
        }
    }

    private boolean freeCoolingNext(double wetBulbC, double setpointC) {
        double limit = setpointC - FREE_COOLING_MARGIN_K - FREE_COOLING_APPROACH_K;
        double band = freeCooling ? FREE_COOLING_HYSTERESIS_K : -FREE_COOLING_HYSTERESIS_K;
        return wetBulbC <= limit + band;
    }

    private int stageCount(List<ChillerModel> enabled, double loadKw) {
        if (enabled.isEmpty() || loadKw <= 0) {
            return 0;
        }
        double unitKw = enabled.get(0).ratedKw;
        int count = Math.max(1, Math.min(staged, enabled.size()));
        while (count < enabled.size() && loadKw / count > 0.9 * unitKw) {
            count++;
        }
        while (count > 1 && loadKw / (count - 1) < 0.7 * unitKw) {
            count--;
        }
        return count;
    }

    /** The plant follows the lowest setpoint of its enabled chillers (the first chiller's if none). */
    private double setpointC() {
        return chillers.stream().filter(ChillerModel::enabled).mapToDouble(ChillerModel::chwSetpointC)
                .min().orElse(chillers.isEmpty() ? 24.0 : chillers.get(0).chwSetpointC());
    }
}
