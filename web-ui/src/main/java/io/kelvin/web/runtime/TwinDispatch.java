package io.kelvin.web.runtime;

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
 * nothing to plan, the twin keeps its own daily pattern. The twin adds no unscheduled load of its own here,
 * since the planner does not plan around any yet.
 */
@ApplicationScoped
public class TwinDispatch {

    private static final Logger LOG = Logger.getLogger(TwinDispatch.class);

    private final KelvinRuntime runtime;
    private final PlanningService planning;

    TwinDispatch(KelvinRuntime runtime, PlanningService planning) {
        this.runtime = runtime;
        this.planning = planning;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        runtime.twin().ifPresent(twin -> {
            twin.follow(planning, 0.0);
            LOG.info("The digital twin's IT load follows the dispatched plan");
        });
    }
}
