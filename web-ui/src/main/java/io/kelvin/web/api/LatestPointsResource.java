package io.kelvin.web.api;

import io.kelvin.web.overview.LatestPoints;
import io.kelvin.web.overview.PointHistory;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read access to the live snapshot and to each point's stored history. */
@Path("/api/v1/points")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class LatestPointsResource {

    private final LatestPoints latestPoints;
    private final PointHistory pointHistory;

    public LatestPointsResource(LatestPoints latestPoints, PointHistory pointHistory) {
        this.latestPoints = latestPoints;
        this.pointHistory = pointHistory;
    }

    /** Every point's newest sample, sorted by point id. */
    @GET
    @Path("/latest")
    public LatestPoints.Snapshot latest() {
        return latestPoints.snapshot();
    }

    /** The point's history from the store: {@code minutes} back from now in steps of {@code step} seconds. */
    @GET
    @Path("/{point}/history")
    public PointHistory.Series history(@PathParam("point") String point,
                                       @QueryParam("minutes") String minutes,
                                       @QueryParam("step") String stepSeconds,
                                       @QueryParam("aggregate") @DefaultValue("mean") String aggregate) {
        return pointHistory.history(point, QueryParams.whole("minutes", minutes, 60),
                QueryParams.whole("step", stepSeconds, 10), aggregate);
    }
}
