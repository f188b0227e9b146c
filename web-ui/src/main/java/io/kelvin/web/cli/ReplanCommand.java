package io.kelvin.web.cli;

import io.kelvin.energyoptimizer.app.AppPlanners;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.energyoptimizer.app.PlanReplay;
import io.kelvin.state.JdbcPlanStore;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./kelvin replan PLAN_ID}: makes a stored plan again from its stored inputs with the planner it
 * names ({@link PlanReplay}) and prints it; exit 0 when it is the same plan, 1 naming every difference.
 */
final class ReplanCommand implements Command {

    /** Only a safety cap: the solve stops on its work budget, as the app's did. */
    private static final Duration WALL_CLOCK_CAP = Duration.ofMinutes(5);

    @Override
    public String usage() {
        return "replan PLAN_ID                                make a stored plan again from its stored inputs";
    }

    @Override
    public int run(List<String> raw, CliContext context) {
        Args args = Args.parse(raw);
        String word = args.word(0, "replan PLAN_ID");
        long id;
        try {
            id = Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PLAN_ID: must be a plan number, was '" + word + "'");
        }
        PlanReplay.Result result;
        try {
            result = PlanReplay.replay(new JdbcPlanStore(context.dataSource()), id,
                    name -> AppPlanners.byName(name, WALL_CLOCK_CAP));
        } catch (NoSuchEntryException e) {
            throw new IllegalArgumentException("PLAN_ID: " + e.getMessage());
        }
        PlanReplay.describe(result.again(), result.zone()).forEach(context.out()::println);
        if (result.same()) {
            context.out().println("same plan as stored plan " + id);
            return 0;
        }
        context.out().println("DIFFERS from stored plan " + id + (result.stored().cutByWallClock()
                ? " (its solve was cut by the wall-clock cap, so it was not reproducible)" : "") + ":");
        result.differences().forEach(d -> context.out().println("  " + d));
        return 1;
    }
}
