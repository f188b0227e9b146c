package io.kelvin.energyoptimizer;

import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiny instances: 8 GPUs idling at 0.25 kW and busy at 1.25 kW (job of 8 GPUs = 10 kW IT, 8 kW
 * above idle), a flat 10 % cooling overhead (facility = 1.1 x IT), price 0.20 EUR/kWh, no carbon
 * price unless set, no PV unless set.
 */
public final class Tiny {

    public static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    public static final SiteModel SITE = new SiteModel(8, 0.25, 1.25, 1000, true);
    public static final CoolingModel FLAT_10_PERCENT = new CoolingModel(0, 100, 0.10, 0, 1e9, 0);
    static final OrToolsMilpSolver SOLVER = new OrToolsMilpSolver();

    private Tiny() {
    }

    public static Problem problem(int slots, Forecast forecast, List<DrEvent> events, Job... jobs) {
        return new Problem(Horizon.quarterHours(T0, slots), SITE, FLAT_10_PERCENT, forecast, events, List.of(jobs),
                Weights.defaults().withCarbonPrice(0), 0);
    }

    public static Forecast flat(int slots) {
        return Forecast.flat(slots, 0, 0.20, 300, 20);
    }

    /** An 8-GPU job drawing 10 kW while running. */
    public static Job job(String id, int duration, int release, int deadline) {
        return Job.of(id, 8, 10, duration, release, deadline);
    }

    public static OptimizingPlanner optimizer(SolverSettings.Backend backend) {
        return new OptimizingPlanner(SOLVER, new SolverSettings(backend, Duration.ofSeconds(5), 0.0, 1));
    }

    /** Plans with SCIP (bounded by nodes, so the MILP stage runs) and asserts the checker accepts the plan. */
    public static Plan solveChecked(Problem p) {
        return checked(p, optimizer(SolverSettings.Backend.SCIP).plan(p, JobRuns.none()));
    }

    public static Plan checked(Problem p, Plan plan) {
        CheckReport report = new PlanChecker().check(p, plan);
        assertThat(report.violations()).as("checker on " + plan.info().planner()).isEmpty();
        return plan;
    }
}
