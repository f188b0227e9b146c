package io.kelvin.web.api;

import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The newest plan: slots, per-job starts and explanations, predicted cost, carbon and PUE. */
@Path("/api/v1/plan")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN, Roles.PLATFORM})
public class CurrentPlanResource {

    private final PlanningService planning;

    public CurrentPlanResource(PlanningService planning) {
        this.planning = planning;
    }

    @GET
    public StoredPlan latest() {
        return planning.latestPlan();
    }
}
