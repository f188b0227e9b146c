package io.kelvin.web.runtime;

import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.energyoptimizer.app.AppPlanners;
import io.kelvin.energyoptimizer.app.AuditedGuardLog;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.app.DispatchedJobsDraw;
import io.kelvin.energyoptimizer.app.MeteredLiveItLoad;
import io.kelvin.energyoptimizer.app.ProvidedForecast;
import io.kelvin.energyoptimizer.app.CapGuard;
import io.kelvin.energyoptimizer.app.StoredMeteredImport;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.greenpower.forecast.SiteForecastProvider;
import io.kelvin.state.JdbcGuardLog;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanOutcomeStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.core.forecast.ForecastProvider;
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
 * Wires job planning: energy-optimizer's {@link PlanningService} (also the {@code DrPlanning} port) over the
 * state database ({@link StateDatabase}: H2 file database by default, PostgreSQL when configured, migrated
 * at start) through the state module's JDBC adapters, the app's planners ({@link AppPlanners}: CBC with a
 * work budget and a wall-clock safety cap, greedy fallback), the site's forecast from green-power's
 * {@link SiteForecastProvider} (site file {@code feeds:} and {@code forecast:}, the telemetry store's meters;
 * the app's settings only where it has no value; the IT meters' history less what Kelvin's dispatched jobs drew, {@link DispatchedJobsDraw}, is
 * the unscheduled load it forecasts, and slots it cannot forecast take that load as metered now,
 * {@link MeteredLiveItLoad}), the grid meters in the telemetry store as the metered import DR caps are corrected by
 * and the wind meters whose lowest minute DR slots count on ({@link StoredMeteredImport}), one background thread
 * for re-plans, stopped at shutdown, and the DR cap guard ({@link CapGuard}) on the grid meter, its actions kept in
 * the state database ({@link JdbcGuardLog}) and put into the audit trail ({@link AuditedGuardLog}).
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
    PlanningService planningService(KelvinSettings settings, Site site, ForecastProvider forecasts, TelemetryStore store,
                                    StoredMeteredImport metered, DispatchedJobsDraw jobsDraw, InstantSource clock) {
        DataSource dataSource = database.dataSource();
        KelvinSettings.Planning p = settings.planning();
        PlanningSettings planning = new PlanningSettings(p.horizonSlots(), p.tariffEurPerKwh(), p.carbonGPerKwh(),
                p.ambientC(), p.solverTimeLimit(), p.maxLateSlots(), p.urgentArrivalWindow(), p.urgentSlack());
        return new PlanningService(site, new JdbcJobStore(dataSource), new JdbcPlanStore(dataSource),
                new JdbcJobRunStore(dataSource), planner(planning), AppPlanners.fallback(), planning, clock,
                new ProvidedForecast(forecasts, site, planning, new MeteredLiveItLoad(site, store, jobsDraw, clock)),
                replanThread, metered, metered, new JdbcPlanOutcomeStore(dataSource));
    }

    /** The DR cap guard on the grid meter; {@link CapGuardLoop} runs it every second. */
    @Produces
    @Singleton
    CapGuard capGuard(KelvinSettings settings, Site site, StoredMeteredImport metered, InstantSource clock,
                      PlanningService planning, GuardLog log) {
        CapGuard.Settings d = CapGuard.Settings.defaults();
        double margin = settings.planning().drGuardMargin();
        CapGuard.Settings guard = new CapGuard.Settings(margin, Math.max(d.targetShare(), margin),
                Math.max(d.releaseShare(), margin + 0.05), d.meterWindow(), d.settle(), d.releaseAfter());
        return new CapGuard(planning, metered, clock, site.cluster(), guard, log);
    }

    /** Where the cap guard's actions are kept (the state database) and put on record (the audit trail). */
    @Produces
    @Singleton
    GuardLog guardLog(AuditLog audit) {
        return new AuditedGuardLog(new JdbcGuardLog(database.dataSource()), audit);
    }

    /** The site's grid and wind meters in the telemetry store, read by the planner and the cap guard. */
    @Produces
    @Singleton
    StoredMeteredImport metered(Site site, TelemetryStore store) {
        return new StoredMeteredImport(site, store);
    }

    /** What Kelvin's dispatched jobs drew, taken off the metered IT load before the load is forecast. */
    @Produces
    @Singleton
    DispatchedJobsDraw jobsDraw(Site site) {
        DataSource dataSource = database.dataSource();
        return new DispatchedJobsDraw(site, new JdbcJobStore(dataSource), new JdbcJobRunStore(dataSource));
    }

    /** The site's forecast. */
    @Produces
    @Singleton
    ForecastProvider forecasts(Site site, TelemetryStore store, DispatchedJobsDraw jobsDraw, InstantSource clock) {
        return SiteForecastProvider.create(site, store, jobsDraw, clock);
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
            return AppPlanners.optimizer(planning.solverTimeLimit());
        } catch (LinkageError e) {
            LOG.errorf("OR-Tools native libraries did not load (%s); planning with the greedy heuristic only",
                    e.getMessage());
            return AppPlanners.fallback();
        }
    }
}
