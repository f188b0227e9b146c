package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.scenario.MissComparison;
import io.kelvin.energyoptimizer.scenario.Scenario;
import io.kelvin.energyoptimizer.scenario.ScenarioException;
import io.kelvin.energyoptimizer.scenario.ScenarioFile;
import io.kelvin.energyoptimizer.scenario.ScenarioMain;
import io.kelvin.energyoptimizer.scenario.ScenarioOutcome;
import io.kelvin.energyoptimizer.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards for the scenario runner on short runs; the whole reference week and the scenario matrix are
 * benchmarks ({@code ./kelvin scenario}, {@code ./kelvin bench scenarios}).
 */
class ScenarioTest {

    private static final Path REFERENCE = Path.of("scenarios/reference.yaml");

    /** One day of arrivals (+1 to drain), a 12-hour horizon and a re-plan every 2 hours, on a small work budget. */
    private static Scenario shortReference() {
        return ScenarioFile.load(REFERENCE, Map.of("days", "1", "horizonSlots", "48", "replanEverySlots", "8",
                "solver.jobSolves", "60000"));
    }

    @Test
    void aShortenedReferenceScenarioRunsEveryPolicyWithCheckedPlansAndScoresThemAgainstTheClairvoyantBound() {
        Scenario s = shortReference();
        // pai_1k: 143 jobs arrive in the first 24 h; even-numbered ones are deferrable.
        assertThat(s.jobs()).hasSize(143);
        assertThat(s.deferrableShare()).isBetween(0.30, 0.60);
        ScenarioOutcome o = ScenarioOutcome.of(s, ScenarioMain.run(s));
        ScenarioResult optimizer = o.optimizer();
        assertThat(o.results()).allSatisfy(r -> assertThat(r.rejectedPlans()).as(r.policy()).isZero());
        assertThat(optimizer.drCompliancePct()).isEqualTo(100.0);
        assertThat(o.runImmediately().capBreakingJobs()).isNotEmpty();
        assertThat(optimizer.capBreakingJobs()).isEmpty();
        // The bound is a bound: no policy's replay, scored by the checker, is below it.
        assertThat(o.results()).allSatisfy(r -> assertThat(r.replayObjectiveEur()).as(r.policy())
                .isGreaterThanOrEqualTo(o.boundEur() - 1e-6));
        // (run-immediately - policy) / (run-immediately - bound): 0 for run-immediately itself.
        assertThat(o.captured(o.runImmediately())).isZero();
        assertThat(o.captured(optimizer)).isBetween(0.5, 1.0);
        assertThat(optimizer.replayObjectiveEur()).isLessThanOrEqualTo(o.greedy().replayObjectiveEur());
        for (ScenarioResult baseline : List.of(o.runImmediately(), o.greedy())) {
            MissComparison vs = MissComparison.of(optimizer, baseline, s.jobs());
            Set<String> metByBaseline = new HashSet<>(optimizer.missedJobs());
            metByBaseline.removeAll(baseline.missedJobs());
            assertThat(Stream.concat(vs.metWithinCaps().stream(), vs.metBreakingCaps().stream()))
                    .as(baseline.policy()).containsExactlyInAnyOrderElementsOf(metByBaseline);
        }
    }

    /**
     * The matrix goal on shortened matrix scenarios, one on each carbon series (a day of week 20 of the PAI 100k
     * trace in California, 4 h slack; a day of week 5 in Berlin on the series derived from its PV, 12 h slack; both
     * with an evening DR cap and PV): the optimizer's replay objective is no worse than either baseline's, at 100 %
     * DR compliance. The whole matrix is {@code ./kelvin bench scenarios}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"w20-load40-slack04-dr-pv", "w05-load60-slack12-dr-pv-de"})
    void onAShortMatrixScenarioTheOptimizerIsNoWorseThanEitherBaselineAndKeepsEveryDrCap(String name) {
        Scenario s = ScenarioFile.load(Path.of("scenarios/matrix/" + name + ".yaml"),
                Map.of("days", "1", "replanEverySlots", "8", "solver.jobSolves", "30000"));
        ScenarioOutcome o = ScenarioOutcome.of(s, ScenarioMain.run(s));

        assertThat(o.optimizer().drCompliancePct()).isEqualTo(100.0);
        assertThat(o.optimizer().replayObjectiveEur()).isLessThanOrEqualTo(o.greedy().replayObjectiveEur());
        assertThat(o.optimizer().replayObjectiveEur()).isLessThanOrEqualTo(o.runImmediately().replayObjectiveEur());
        assertThat(o.captured(o.optimizer())).isPositive();
    }

    /** Every shipped matrix and held-out file loads, with jobs, and series that cover its whole replay. */
    @ParameterizedTest
    @ValueSource(strings = {"scenarios/matrix", "scenarios/held-out"})
    void everyShippedScenarioFileLoadsWithSeriesCoveringItsReplay(String dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path f : files) {
            Scenario s = ScenarioFile.load(f, Map.of());
            assertThat(s.jobs()).as(f.toString()).isNotEmpty();
            assertThat(s.forecast().priceEurPerKwh()).as(f.toString()).hasSizeGreaterThanOrEqualTo(s.forecastSlots());
            assertThat(s.forecast().carbonGPerKwh()).as(f.toString()).hasSizeGreaterThanOrEqualTo(s.forecastSlots());
        }
    }

    @Test
    void theSameScenarioAndBudgetGiveTheSameResultsTwice() {
        Scenario s = ScenarioFile.load(REFERENCE, Map.of("days", "1", "drainDays", "0", "horizonSlots", "32",
                "replanEverySlots", "16", "solver.jobSolves", "20000"));
        ScenarioResult first = new io.kelvin.energyoptimizer.scenario.ScenarioRunner(s).run(optimizerOf(s));
        ScenarioResult second = new io.kelvin.energyoptimizer.scenario.ScenarioRunner(s).run(optimizerOf(s));
        assertThat(second.replayObjectiveEur()).isEqualTo(first.replayObjectiveEur());
        assertThat(second.missedJobs()).isEqualTo(first.missedJobs());
        assertThat(second.costEur()).isEqualTo(first.costEur());
    }

    private static io.kelvin.energyoptimizer.solve.Planner optimizerOf(Scenario s) {
        return new io.kelvin.energyoptimizer.solve.OptimizingPlanner(new io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver(),
                s.solver());
    }

    /**
     * The first evening's DR window cannot hold every deadline, whatever the policy: so a policy that meets
     * j147 (an urgent job arriving as the event starts) must miss another job there.
     */
    @Test
    void theReferenceWeeksFirstDrEventCannotKeepEveryJobOnTimeEvenWithHindsight() {
        Scenario s = ScenarioFile.load(REFERENCE, Map.of());
        List<DrOversubscription.Finding> found = DrOversubscription.of(s.wholeReplay());

        assertThat(found).anySatisfy(f -> {
            // 18:00-20:00 local on 2022-06-08: slots 100-107 from 2022-06-08T00:00Z (UTC-7).
            assertThat(f.eventId()).isEqualTo("dr-2022-06-08");
            assertThat(f.jobIds()).contains("j147", "j133", "j141");
            assertThat(f.excessKwh()).isPositive();
        });
    }

    /**
     * w35's j386 (22 GPUs, 165 slots, preemptible) is due in slot 415, past the metered window and the 96-slot
     * tail (384): the replay reaches its deadline, so a policy that defers it within its window is not scored
     * as missing it when the replay ends.
     */
    @Test
    void theReplayReachesTheLatestDeadlineWhenItLiesPastTheTail() {
        Scenario s = ScenarioFile.load(Path.of("scenarios/matrix/w35-load50-slack24-dr-nopv.yaml"), Map.of());

        assertThat(s.meteredSlots() + Scenario.TAIL_SLOTS).isEqualTo(384);
        assertThat(s.jobs()).anySatisfy(j -> {
            assertThat(j.id()).isEqualTo("j386");
            assertThat(j.deadlineSlot()).isEqualTo(415);
        });
        assertThat(s.replaySlots()).isEqualTo(415);
        assertThat(s.wholeReplay().slots()).isEqualTo(415);
        assertThat(s.forecast().priceEurPerKwh()).hasSizeGreaterThanOrEqualTo(s.forecastSlots());
        // Without such a job the tail stays 96 slots.
        Scenario w10 = ScenarioFile.load(Path.of("scenarios/matrix/w10-load57-slack12-dr-nopv.yaml"), Map.of());
        assertThat(w10.replaySlots()).isEqualTo(384);
    }

    @Test
    void aScenarioTakesItsSiteFromASiteFileAndCapacitiesGivenBesideItWin(@TempDir Path dir) throws IOException {
        Path siteFile = Path.of("../site-configs/sites/demo-aidc.yaml").toAbsolutePath().normalize();
        String reference = Files.readString(REFERENCE).replace("../../data/", REFERENCE.toAbsolutePath().getParent()
                .resolve("../../data/").normalize() + "/");
        String withFile = reference.replaceFirst("(?s)site:.*?exportAllowed: true\n",
                "site: { file: " + siteFile + ", importLimitKw: 9000 }\n");
        Path file = dir.resolve("with-site-file.yaml");
        Files.writeString(file, withFile);

        Scenario s = ScenarioFile.load(file, Map.of("days", "1"));

        // demo-aidc.yaml: cluster 10,240 GPUs at 0.25 / 0.95 kW; its 12,000 kW import limit is overridden here.
        assertThat(s.site().gpus()).isEqualTo(10240);
        assertThat(s.site().activeKwPerGpu()).isEqualTo(0.95);
        assertThat(s.site().importLimitKw()).isEqualTo(9000);
    }

    @Test
    void aBadScenarioFileNamesEveryProblemWithFileAndPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                start: yesterday
                zone: Mars/Olympus
                days: 0
                site: { gpus: 1.5, idleKwPerGpu: 0.2, activeKwPerGpu: 0.9, importLimitKw: 1000 }
                jobs:
                  file: nowhere.csv
                  arrival: { column: t, unit: weeks }
                  duration: { column: len }
                  gpusPerUnit: 4
                series:
                  carbon: { file: c.json, format: electricity-maps, unit: g/kWh }
                  price: { hourly: [0.1, 0.2] }
                  pv: { file: pv.csv, column: kw, unit: kW, time: { column: t }, currency: EURO }
                  ambient: { meanC: 20 }
                dr:
                  daily: { fromHour: 18, toHour: 20 }
                """);

        assertThatThrownBy(() -> ScenarioFile.load(file, Map.of()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).contains(
                        file + ": start: must be an ISO instant such as 2022-06-08T00:00:00Z, was yesterday",
                        file + ": zone: not a time zone: Mars/Olympus",
                        file + ": days: must be 1..366, was 0",
                        file + ": site.gpus: must be a whole number, was 1.5",
                        file + ": jobs.arrival.unit: must be us, ms, s, min, h or hms ([D-]HH:MM:SS), was weeks",
                        file + ": series.carbon.format: unknown format 'electricity-maps' (expected one of csv,"
                                + " electricitymaps, watttime, carbonintensity-uk, entsoe)",
                        file + ": series.price.hourly: needs 24 values (local hours 0-23), has 2",
                        file + ": series.pv.currency: 'EURO' is not an ISO 4217 currency code",
                        file + ": dr.daily.capKw: required"))
                .satisfies(e -> assertThat(((ScenarioException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(file + ": jobs.file: cannot be read")));
    }
}
