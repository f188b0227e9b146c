package io.kelvin.web.runtime;

import io.kelvin.energyoptimizer.app.PlanningService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Re-plans on a fixed interval (kelvin.planning.replan-every) so plans follow the clock and the forecast. */
@ApplicationScoped
public class PlanningLoop {

    private final PlanningService planning;

    public PlanningLoop(PlanningService planning) {
        this.planning = planning;
    }

    @Scheduled(every = "${kelvin.planning.replan-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void replan() {
        planning.requestReplan("interval");
    }
}
