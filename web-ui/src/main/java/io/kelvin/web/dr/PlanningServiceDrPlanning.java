package io.kelvin.web.dr;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrPlanning;
import io.kelvin.web.planning.PlanningService;
import io.kelvin.web.planning.StoredPlan;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Stand-in {@link DrPlanning} so the app starts while the planning path does not yet implement the port: it
 * re-plans through {@link PlanningService} and reports no shortfall; it does not hand the directives' caps
 * to the planner. Any bean implementing {@link DrPlanning} in the planning path replaces it.
 */
@DefaultBean
@ApplicationScoped
public class PlanningServiceDrPlanning implements DrPlanning {

    private final PlanningService planning;

    PlanningServiceDrPlanning(PlanningService planning) {
        this.planning = planning;
    }

    @Override
    public DrPlanOutcome replanFor(List<DrDirective> directives) {
        long start = System.nanoTime();
        long planId = planning.replan("demand response: " + directives.size() + " event(s) in force")
                .map(StoredPlan::id).orElse(-1L);
        return new DrPlanOutcome(planId, Duration.ofNanos(System.nanoTime() - start), List.of());
    }
}
