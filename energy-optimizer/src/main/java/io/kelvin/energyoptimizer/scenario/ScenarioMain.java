package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ScenarioMain [FILE] [key=value ...]}: replays a scenario (default: the reference scenario on
 * the classpath) for the optimizer and both baselines and prints one {@code scenario:} line per
 * policy, after the DR events no policy can serve with every deadline met ({@link #oversubscribedDrEvents}), a
 * detail line per policy and a {@link MissComparison} line per baseline. {@code key=value}
 * overrides a setting, e.g. {@code days=2 replanEverySlots=4}.
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        Path file = null;
        List<String[]> overrides = new ArrayList<>();
        for (String a : args) {
            if (a.contains("=")) {
                overrides.add(a.split("=", 2));
            } else {
                file = Path.of(a);
            }
        }
        ScenarioConfig config = ScenarioConfig.load(file);
        for (String[] kv : overrides) {
            config = config.with(kv[0], kv[1]);
        }
        ScenarioData data = ScenarioData.load(config);
        System.out.printf(Locale.ROOT, "scenario: %d jobs over %s days (+%s drain), deferrable %.0f %% of job GPU-hours,"
                        + " re-plan every %s slots, horizon %s slots, solver %s%n", data.jobs().size(), config.text("days"),
                config.text("drainDays"), 100 * data.deferrableShare(), config.text("replanEverySlots"),
                config.text("horizonSlots"), config.text("solver"));
        oversubscribedDrEvents(config, data).forEach(f -> System.out.println("hindsight: " + f.note()));
        List<ScenarioResult> results = run(config, data);
        results.forEach(r -> System.out.println(r.detailLine()));
        results.subList(1, results.size())
                .forEach(b -> System.out.println(MissComparison.of(results.get(0), b, data.jobs()).line()));
        results.forEach(r -> System.out.println(r.summaryLine()));
    }

    /**
     * The DR events whose caps no policy can keep with every job of the trace on time, found with hindsight
     * (every job known from the start, slots counted from the scenario's start).
     */
    public static List<DrOversubscription.Finding> oversubscribedDrEvents(ScenarioConfig config, ScenarioData data) {
        Problem all = new Problem(Horizon.quarterHours(data.epoch(), data.slots()), config.site(),
                CoolingModel.liquidCooledDefault(), data.forecast(), data.drEvents(), data.jobs(), Weights.defaults(),
                config.integer("maxLateSlots"));
        return DrOversubscription.of(all);
    }

    public static List<ScenarioResult> run(ScenarioConfig config, ScenarioData data) {
        List<Planner> policies = List.of(new OptimizingPlanner(new OrToolsMilpSolver(), config.solver()),
                new RunImmediatelyPlanner(), new GreedyWindowPlanner());
        ScenarioRunner runner = new ScenarioRunner(config, data);
        return policies.stream().map(runner::run).toList();
    }
}
