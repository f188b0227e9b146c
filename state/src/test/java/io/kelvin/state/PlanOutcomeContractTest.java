package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlanJobOutcome;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.SolverStatus;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.reporting.PlanOutcomeHistory.PlanOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the plans' per-job figures ({@link JdbcPlanOutcomeStore}) and the savings history read from them
 * ({@link JdbcPlanOutcomeHistory}) must do on each database Kelvin supports (one subclass each). Each test uses its
 * own job ids and times so the tests of one class can share a database.
 */
abstract class PlanOutcomeContractTest {

    private static final Duration SLOT = Duration.ofMinutes(15);
    private static final double TOLERANCE = 1e-9;

    abstract DataSource dataSource();

    @Test
    void aPlansPerJobFiguresRoundTripByJob() {
        Instant start = Instant.parse("2026-08-01T00:00:00Z");
        job("rt-b", null, start);
        job("rt-a", "team-a", start);
        long plan = plan(start, Map.of("rt-a", List.of(1, 2), "rt-b", List.of(3)));
        PlanJobOutcome a = new PlanJobOutcome("rt-a", 96.5, 2, 48.25, 7.125, 20.5, 2, 48.25, 9.75, 25.25);
        PlanJobOutcome b = new PlanJobOutcome("rt-b", 12, 1, 3, 0.5, 1, 0, 0, 0, 0);
        JdbcPlanOutcomeStore store = new JdbcPlanOutcomeStore(dataSource());

        store.save(plan, List.of(b, a));

        assertThat(store.of(plan)).containsExactly(a, b);
        assertThat(store.of(plan + 1000)).isEmpty();
    }

    /**
     * Two plans: the first runs sav-a in its slots 0-3 (dispatched S and S+15), the second, made at S+30, runs
     * sav-a and sav-b in its slots 0-1 (dispatched S+30 and S+45) and sav-old, for which it kept no figures.
     * Period [S, S+45): sav-a ran 3 slots (2 under the first plan, 1 under the second), sav-b 1 slot.
     */
    @Test
    void theHistoryGivesEachJobThePredictionsOfItsDispatchingPlansItsRunsAtItsPowerAndItsFirstBaseline() {
        Instant s = Instant.parse("2026-09-01T00:00:00Z");
        job("sav-a", "team-a", s);
        job("sav-b", null, s);
        job("sav-old", "team-a", s);
        JdbcPlanOutcomeStore store = new JdbcPlanOutcomeStore(dataSource());
        long first = plan(s, Map.of("sav-a", List.of(0, 1, 2, 3), "sav-b", List.of(2, 3)));
        store.save(first, List.of(new PlanJobOutcome("sav-a", 100, 4, 100, 20, 40, 4, 100, 30, 50),
                new PlanJobOutcome("sav-b", 40, 2, 20, 4, 8, 2, 20, 6, 10)));
        new JdbcJobRunStore(dataSource()).dispatch(first, Map.of(s.plus(SLOT), List.of("sav-a")));
        long second = plan(s.plus(SLOT.multipliedBy(2)), Map.of("sav-a", List.of(0, 1), "sav-b", List.of(0, 1),
                "sav-old", List.of(0)));
        store.save(second, List.of(new PlanJobOutcome("sav-a", 100, 2, 50, 8, 16, 2, 50, 99, 99),
                new PlanJobOutcome("sav-b", 40, 2, 20, 2, 4, 2, 20, 99, 99)));
        new JdbcJobRunStore(dataSource()).dispatch(second, Map.of(s.plus(SLOT.multipliedBy(3)), List.of("sav-a", "sav-b")));

        List<PlanOutcome> outcomes = new JdbcPlanOutcomeHistory(dataSource()).outcomes(s, s.plus(SLOT.multipliedBy(3)));

        assertThat(outcomes).extracting(PlanOutcome::jobId).containsExactly("sav-a", "sav-b");
        PlanOutcome a = outcomes.get(0);
        assertThat(a.project()).contains("team-a");
        assertThat(a.slotsRun()).isEqualTo(3);
        // planned: 100/4 + 100/4 + 50/2 kWh; 20/4 + 20/4 + 8/2 EUR; 40/4 + 40/4 + 16/2 kg
        assertThat(a.plannedKwh()).isCloseTo(75, within(TOLERANCE));
        assertThat(a.planCost()).isCloseTo(14, within(TOLERANCE));
        assertThat(a.planCo2Kg()).isCloseTo(28, within(TOLERANCE));
        // metered: 3 slots x 100 kW x 0.25 h
        assertThat(a.meteredKwh()).isCloseTo(75, within(TOLERANCE));
        // baseline of the first plan (100 kWh, 30 EUR, 50 kg) x 3 of its 4 recorded runs
        assertThat(a.baselineKwh()).isCloseTo(75, within(TOLERANCE));
        assertThat(a.baselineCost()).isCloseTo(22.5, within(TOLERANCE));
        assertThat(a.baselineCo2Kg()).isCloseTo(37.5, within(TOLERANCE));
        assertThat(a.baseline()).isEqualTo("run-immediately");
        PlanOutcome b = outcomes.get(1);
        assertThat(b.project()).isEqualTo(Optional.empty());
        assertThat(b.slotsRun()).isEqualTo(1);
        assertThat(List.of(b.plannedKwh(), b.planCost(), b.planCo2Kg(), b.meteredKwh())).containsExactly(10.0, 1.0, 2.0,
                10.0);
        // baseline of the first plan (20 kWh, 6 EUR, 10 kg) x 1 of its 2 recorded runs
        assertThat(List.of(b.baselineKwh(), b.baselineCost(), b.baselineCo2Kg())).containsExactly(10.0, 3.0, 5.0);

        assertThat(new JdbcPlanOutcomeHistory(dataSource()).outcomes(s.minus(SLOT), s)).isEmpty();
        assertThat(new JdbcPlanOutcomeHistory(dataSource()).outcomes(s, s)).isEmpty();
    }

    private void job(String id, String project, Instant release) {
        assertThat(new JdbcJobStore(dataSource()).insert(new StoredJob(new JobSpec(id, 8, null, null,
                Duration.ofHours(1), release, release.plus(Duration.ofHours(6)), null, false, null, project), release)))
                .isTrue();
    }

    /** Stores a plan starting at {@code start} running the given jobs in the given slots (dispatching slot 0). */
    private long plan(Instant start, Map<String, List<Integer>> runSlots) {
        List<PlannedJob> jobs = runSlots.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PlannedJob(e.getKey(), start.plus(SLOT.multipliedBy(e.getValue().get(0))), null,
                        e.getValue(), "ON_TIME", 0, "test", 0, 0, 0, "RELEASE")).toList();
        StoredPlan plan = new StoredPlan(0, start, "test", "optimizer", SolverStatus.OPTIMAL, false, null, false, 1, start,
                15, new PlanCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), jobs, null, 0, false,
                List.of(), null);
        return new JdbcPlanStore(dataSource()).save(plan, null).id();
    }
}
