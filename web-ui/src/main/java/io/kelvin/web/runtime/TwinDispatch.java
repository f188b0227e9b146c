package io.kelvin.web.runtime;

import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.Site;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * In the demo (the runtime simulates the site), the digital twin's IT load follows the plan Kelvin
 * dispatches ({@link PlanningService} as the core {@code ClusterDispatch} port): the jobs a plan runs, and the
 * jobs a DR re-plan pauses, show in the twin's metered grid import. Before the first plan, and when there is
 * nothing to plan, the twin keeps its own daily pattern. On top of the dispatched jobs the twin draws the load
 * of work Kelvin does not schedule, {@link #UNSCHEDULED_UTILIZATION} of the cluster's busy-over-idle power on
 * average (the daily pattern's mean), which the planner forecasts from the IT meters and plans around.
 */
@ApplicationScoped
public class TwinDispatch {

    private static final Logger LOG = Logger.getLogger(TwinDispatch.class);

    /** The share of the cluster's busy-over-idle power that work Kelvin does not schedule draws on average. */
    static final double UNSCHEDULED_UTILIZATION = 0.80;

    private final KelvinRuntime runtime;
    private final PlanningService planning;

    private final Site site;

    TwinDispatch(KelvinRuntime runtime, PlanningService planning, Site site) {
        this.runtime = runtime;
        this.planning = planning;
        this.site = site;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        runtime.twin().ifPresent(twin -> {
            Cluster cluster = site.cluster();
            double unscheduledKw = cluster.itPowerKw(UNSCHEDULED_UTILIZATION) - cluster.itPowerKw(0);
            twin.follow(planning, unscheduledKw);
            LOG.infof("The digital twin's IT load follows the dispatched plan, with %.0f kW of unscheduled load on"
                    + " average", unscheduledKw);
        });
    }
}
