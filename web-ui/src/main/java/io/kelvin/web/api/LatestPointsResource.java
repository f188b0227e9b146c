package io.kelvin.web.api;

import io.kelvin.web.overview.LatestPoints;
import io.kelvin.web.overview.PointHistory;
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
                                       @QueryParam("minutes") @DefaultValue("60") long minutes,
                                       @QueryParam("step") @DefaultValue("10") long stepSeconds,
                                       @QueryParam("aggregate") @DefaultValue("mean") String aggregate) {
        return pointHistory.history(point, minutes, stepSeconds, aggregate);
    }
}
