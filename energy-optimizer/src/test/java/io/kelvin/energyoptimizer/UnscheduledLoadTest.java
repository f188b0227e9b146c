package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.energyoptimizer.app.PlanInputs;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.ProblemCodec;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.SlotFlow;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IT load Kelvin does not schedule is part of the problem: the power flow, every planner and the checker
 * count it in each slot's IT power, and it survives the canonical form.
 */
class UnscheduledLoadTest {

    /** Tiny's cluster (8 GPUs, 2 kW idle, an 8-GPU job adds 8 kW) on a 20 MW connection. */
    private static final SiteModel SITE = new SiteModel(8, 0.25, 1.25, 20_000, true);

    private static List<Planner> planners() {
        return List.of(new RunImmediatelyPlanner(), new GreedyWindowPlanner(),
                Tiny.optimizer(SolverSettings.Backend.SCIP), Tiny.optimizer(SolverSettings.Backend.CBC));
    }

    private static Problem problem(Forecast forecast) {
        return new Problem(Horizon.quarterHours(Tiny.T0, 8), SITE, Tiny.FLAT_10_PERCENT, forecast, List.of(),
                List.of(Tiny.job("a", 2, 0, 8)), Weights.defaults().withCarbonPrice(0), 0);
    }

    private static double[] kw(double... values) {
        return values;
    }

    private static double[] flat(double kw) {
        double[] a = new double[8];
        Arrays.fill(a, kw);
        return a;
    }

    @Test
    void aProblemWithFiveMegawattsOfUnscheduledLoadPredictsImportAndAPositiveCostWithEveryPlanner() {
        Forecast sunny = Forecast.flat(8, 3000, 0.20, 300, 20);
        Problem without = problem(sunny);
        Problem with = problem(sunny.withUnscheduledItKw(flat(5000)));

        for (Planner planner : planners()) {
            Plan alone = Tiny.checked(without, planner.plan(without, JobRuns.none()));
            assertThat(alone.costs().importKwh()).as(planner.name() + " without the load").isZero();
            assertThat(alone.costs().totalEur()).as(planner.name() + " without the load").isNegative();

            Plan plan = Tiny.checked(with, planner.plan(with, JobRuns.none()));
            for (int t = 0; t < 8; t++) {
                SlotFlow s = plan.slots().get(t);
                // IT = 2 kW idle + 5,000 kW unscheduled + 8 kW per running job; facility 1.1 x IT; import less 3,000 kW PV.
                double it = 2 + 5000 + 8.0 * s.busyGpus() / 8;
                assertThat(s.itKw()).as(planner.name() + " slot " + t).isCloseTo(it, within(1e-6));
                assertThat(s.importKw()).as(planner.name() + " slot " + t).isCloseTo(1.1 * it - 3000, within(1e-6));
                assertThat(s.exportKw()).isZero();
            }
            // Two slots with the job, six without: (2,510 x 1.1 ... ) hand-computed kWh of import over 2 h.
            double kwh = 0.25 * (2 * (1.1 * 5010 - 3000) + 6 * (1.1 * 5002 - 3000));
            assertThat(plan.costs().importKwh()).as(planner.name()).isCloseTo(kwh, within(1e-6));
            assertThat(plan.costs().energyEur()).as(planner.name()).isCloseTo(0.20 * kwh, within(1e-6));
            assertThat(plan.costs().totalEur()).as(planner.name()).isPositive();
        }
    }

    @Test
    void everyPlannerButRunImmediatelyMovesAJobOutOfTheSlotsWhereTheUnscheduledLoadOutgrowsThePv() {
        // PV 1,000 kW; 995 kW unscheduled in the first hour, none after: the job imports in the first hour and
        // only lowers the export later (0.20 EUR/kWh against 0.03 EUR/kWh feed-in).
        Problem p = problem(Forecast.flat(8, 1000, 0.20, 300, 20)
                .withUnscheduledItKw(kw(995, 995, 995, 995, 0, 0, 0, 0)));

        for (Planner planner : planners().subList(1, 4)) {
            Plan plan = Tiny.checked(p, planner.plan(p, JobRuns.none()));
            assertThat(plan.job("a").orElseThrow().firstSlot()).as(planner.name()).isGreaterThanOrEqualTo(4);
            assertThat(plan.slots().get(0).importKw()).as(planner.name()).isCloseTo(1.1 * 997 - 1000, within(1e-6));
        }
    }

    @Test
    void theCheckerCountsTheUnscheduledLoad() {
        Forecast f = Forecast.flat(8, 3000, 0.20, 300, 20);
        Problem without = problem(f);
        Problem with = problem(f.withUnscheduledItKw(flat(5000)));
        Plan blind = new GreedyWindowPlanner().plan(without, JobRuns.none());

        CheckReport report = new PlanChecker().check(with, blind);

        assertThat(report.violations()).as("a plan that left the load out").isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains("energy balance off"));
        Plan seeing = new GreedyWindowPlanner().plan(with, JobRuns.none());
        CheckReport ok = new PlanChecker().check(with, seeing);
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.recomputedObjectiveEur()).isCloseTo(seeing.objectiveEur(), within(1e-6))
                .isGreaterThan(new PlanChecker().check(without, blind).recomputedObjectiveEur() + 1000);
    }

    @Test
    void theUnscheduledLoadSurvivesTheCanonicalFormAndStoredPlanInputs() {
        Problem p = problem(Forecast.flat(8, 1000, 0.20, 300, 20)
                .withUnscheduledItKw(kw(995, 995.5, 0, 0, 12.25, 0, 0, 1)));

        Problem back = ProblemCodec.read(ProblemCodec.write(p));
        assertThat(back.forecast().unscheduledItKw()).containsExactly(p.forecast().unscheduledItKw());
        assertThat(ProblemCodec.sha256(back)).isEqualTo(ProblemCodec.sha256(p));

        PlanInputs inputs = new PlanInputs(p, JobRuns.of(Map.of("a", List.of(4, 5))));
        PlanInputs read = PlanInputs.read(inputs.write());
        assertThat(read.problem().forecast().unscheduledItKw()).containsExactly(p.forecast().unscheduledItKw());
        assertThat(read.sha256()).isEqualTo(inputs.sha256());
        assertThat(read.previous()).isEqualTo(inputs.previous());
    }

    @Test
    void storedInputsWithoutTheFieldReadAsNoUnscheduledLoadAndKeepTheirText() {
        Problem p = problem(Forecast.flat(8, 1000, 0.20, 300, 20));
        String text = new PlanInputs(p, JobRuns.none()).write();

        assertThat(text).doesNotContain("unscheduledItKw");
        PlanInputs read = PlanInputs.read(text);
        assertThat(read.problem().forecast().unscheduledItKw()).containsOnly(0.0).hasSize(8);
        assertThat(read.write()).isEqualTo(text);
    }
}
