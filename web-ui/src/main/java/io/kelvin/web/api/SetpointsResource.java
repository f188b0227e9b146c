package io.kelvin.web.api;

import io.kelvin.core.control.PlantControl;
import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An operator writes a setpoint ({@code PUT /api/v1/setpoints/{device}.{point}}, body {@code {"value": 36.0}}
 * in the point's engineering unit) through the {@link PlantControl} port, which checks the profile's limits,
 * writes and reads back. The value before (latest sample, or none), the requested value, the value read back
 * and the outcome are audited, whether the write succeeded, was refused (400) or failed on the device (502).
 */
@Path("/api/v1/setpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class SetpointsResource {

    private final PlantControl plant;
    private final LatestValues latest;
    private final AuditLog audit;
    private final Caller caller;

    public SetpointsResource(PlantControl plant, LatestValues latest, AuditLog audit, Caller caller) {
        this.plant = plant;
        this.latest = latest;
        this.audit = audit;
        this.caller = caller;
    }

    public record Write(Double value) {
    }

    /** {@code before} is null when no sample of the point was seen yet. */
    public record Written(String point, Double before, double requested, double readBack) {
    }

    @PUT
    @Path("/{point}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Written write(@PathParam("point") String pointText, Write body) {
        PointId point = PointId.parse(pointText);
        if (body == null || body.value() == null || !Double.isFinite(body.value())) {
            throw new IllegalArgumentException("value: a finite number is required");
        }
        Double before = latest.get(point).map(Sample::value).orElse(null);
        double requested = body.value();
        String detail = "before=" + before + " requested=" + requested;
        try {
            double readBack = plant.write(point, requested);
            record(point, Outcome.SUCCESS, detail + " readBack=" + readBack);
            return new Written(point.toString(), before, requested, readBack);
        } catch (SetpointRejectedException e) {
            record(point, Outcome.DENIED, detail + " refused: " + e.getMessage());
            throw e;
        } catch (WriteFailedException e) {
            record(point, Outcome.FAILED, detail + " failed: " + e.getMessage());
            throw e;
        }
    }

    private void record(PointId point, Outcome outcome, String detail) {
        audit.record(new AuditEntry(caller.actor(), AuditKind.SETPOINT_WRITTEN, point.toString(), caller.address(),
                outcome, detail));
    }
}
