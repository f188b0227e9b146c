package io.kelvin.web.api;

import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The stored plan history. (The current plan is {@link CurrentPlanResource}; each resource has its
 * own full path, and paths no resource serves are 404 problem+json: security.HttpHardening.)
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN, Roles.PLATFORM})
public class PlansResource {

    private final PlanningService planning;

    public PlansResource(PlanningService planning) {
        this.planning = planning;
    }

    /** Newest first, without slots (GET /api/v1/plans/{id} has them). */
    @GET
    public List<StoredPlan> history(@QueryParam("limit") String limit) {
        return planning.history(QueryParams.wholeInt("limit", limit, 20));
    }

    @GET
    @Path("/{id}")
    public StoredPlan plan(@PathParam("id") String id) {
        return planning.plan(QueryParams.whole("id", id, 0));
    }
}
