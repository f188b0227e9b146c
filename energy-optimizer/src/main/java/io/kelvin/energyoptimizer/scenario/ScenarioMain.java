package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ScenarioMain FILE [key=value ...]}: replays a scenario file for the optimizer and both baselines
 * and prints, after the DR events no policy can serve with every deadline met ({@code hindsight:}), a
 * detail line per policy, a {@link MissComparison} line per baseline, the clairvoyant bound and one
 * summary line per policy with the share of the achievable saving it captured. {@code key=value}
 * overrides a file's value by dotted path, e.g. {@code days=2 solver.jobSolves=200000}. A bad file
 * prints every problem as {@code file: path: reason} and exits with status 2.
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        Path file = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String a : args) {
            if (a.contains("=")) {
                String[] kv = a.split("=", 2);
                overrides.put(kv[0], kv[1]);
            } else {
                file = Path.of(a);
            }
        }
        if (file == null) {
            System.err.println("usage: ScenarioMain FILE [key=value ...]");
            System.exit(2);
        }
        Scenario s;
        try {
            s = ScenarioFile.load(file, overrides);
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(header(s));
        s.notes().forEach(note -> System.out.println("trace: " + note));
        DrOversubscription.of(s.wholeReplay()).forEach(f -> System.out.println("hindsight: " + f.note()));
        ScenarioOutcome outcome = ScenarioOutcome.of(s, run(s));
        outcome.results().forEach(r -> System.out.println(r.detailLine()));
        outcome.results().subList(1, outcome.results().size())
                .forEach(b -> System.out.println(MissComparison.of(outcome.optimizer(), b, s.jobs()).line()));
        System.out.println(outcome.boundLine());
        outcome.results().forEach(r -> System.out.println(r.termsLine()));
        System.out.println(outcome.boundTermsLine());
        outcome.results().forEach(r -> System.out.println(r.summaryLine() + outcome.capturedText(r)));
    }

    static String header(Scenario s) {
        return String.format(Locale.ROOT, "scenario %s: %d jobs over %d days (+%d drain) from %s (%s), load %.0f %%,"
                        + " deferrable %.0f %% of job GPU-hours, re-plan every %d slots, horizon %d slots, solver %s"
                        + " %d job-solves (cap %d s)", s.name(), s.jobs().size(), s.days(), s.drainDays(), s.start(), s.zone(),
                100 * s.loadShare(), 100 * s.deferrableShare(), s.replanEverySlots(), s.horizonSlots(),
                s.solver().backend(), s.solver().work().jobSolves(), s.solver().timeLimit().toSeconds());
    }

    /** The optimizer, run-immediately and greedy-window, in that order. */
    public static List<ScenarioResult> run(Scenario s) {
        List<Planner> policies = List.of(new OptimizingPlanner(new OrToolsMilpSolver(), s.solver()),
                new RunImmediatelyPlanner(), new GreedyWindowPlanner());
        ScenarioRunner runner = new ScenarioRunner(s);
        return policies.stream().map(runner::run).toList();
    }
}
