package io.kelvin.web.runtime;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import io.kelvin.web.planning.PlanningService;
import io.kelvin.web.planning.PlanningSettings;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Wires job planning: the state database ({@link StateDatabase}: H2 file database by default,
 * PostgreSQL when configured, migrated at start), the repositories, the MILP planner (CBC with a
 * time limit, greedy fallback), and one background thread for re-plans, stopped at shutdown.
 */
@ApplicationScoped
public class PlanningBeans {

    private static final Logger LOG = Logger.getLogger(PlanningBeans.class);

    private final ExecutorService replanThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kelvin-replan");
        t.setDaemon(true);
        return t;
    });

    private final StateDatabase database;

    PlanningBeans(StateDatabase database) {
        this.database = database;
    }

    @Produces
    @Singleton
    PlanningService planningService(KelvinSettings settings, Site site, LatestValues latest, InstantSource clock) {
        DataSource dataSource = database.dataSource();
        KelvinSettings.Planning p = settings.planning();
        PlanningSettings planning = new PlanningSettings(p.horizonSlots(), p.tariffEurPerKwh(), p.carbonGPerKwh(),
                p.ambientC(), p.solverTimeLimit(), p.maxLateSlots(), p.urgentArrivalWindow(), p.urgentSlack());
        return new PlanningService(site, new JdbcJobStore(dataSource), new JdbcPlanStore(dataSource),
                new JdbcJobRunStore(dataSource), planner(planning), new GreedyWindowPlanner(), planning, clock,
                () -> latest.get(SiteKpis.WIND_KW).filter(s -> s.quality().isGood()).map(Sample::value),
                replanThread);
    }

    void onStop(@Observes ShutdownEvent event) {
        replanThread.shutdownNow();
        try {
            if (!replanThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A re-plan was still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CBC through OR-Tools; if its native libraries cannot load here, plans come from the greedy planner. */
    private static Planner planner(PlanningSettings planning) {
        try {
            return new OptimizingPlanner(new OrToolsMilpSolver(),
                    SolverSettings.of(SolverSettings.Backend.CBC, planning.solverTimeLimit()));
        } catch (LinkageError e) {
            LOG.errorf("OR-Tools native libraries did not load (%s); planning with the greedy heuristic only",
                    e.getMessage());
            return new GreedyWindowPlanner();
        }
    }
}
