package io.kelvin.web.api;

import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.energyoptimizer.app.JobConflictException;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.identity.AlreadyExistsException;
import io.kelvin.identity.NotFoundException;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.web.dr.DrStepRefusedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Turns every failure of the REST API into {@code application/problem+json}. HTTP errors keep their
 * status; invalid input (IllegalArgumentException from the plain-Java layer, whose messages name the
 * bad parameter) is 400 with that message; a taken job id, user name or client id is 409 and an
 * unknown job, plan, user or client and a report period without data 404, with their messages; a setpoint outside its limits is 400 and
 * one the device did not take 502;
 * an alarm action not done is 404, 400, 409 or 502 as {@link AlarmActionRejectedException} says; an unavailable store is 503 (retry later); anything else is a 500 whose cause goes to the
 * log, not to the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        Problem problem = switch (exception) {
            case WebApplicationException web -> problem(web.getResponse().getStatusInfo(), httpDetail(web));
            case IllegalArgumentException invalid -> problem(Response.Status.BAD_REQUEST, invalid.getMessage());
            case JobConflictException conflict -> problem(Response.Status.CONFLICT, conflict.getMessage());
            case DrStepRefusedException refused -> problem(Response.Status.CONFLICT, refused.getMessage());
            case NoSuchEntryException missing -> problem(Response.Status.NOT_FOUND, missing.getMessage());
            case AlreadyExistsException taken -> problem(Response.Status.CONFLICT, taken.getMessage());
            case NotFoundException missing -> problem(Response.Status.NOT_FOUND, missing.getMessage());
            case NoDataException nothing -> problem(Response.Status.NOT_FOUND, nothing.getMessage());
            case SetpointRejectedException refused -> problem(Response.Status.BAD_REQUEST, refused.getMessage());
            case WriteFailedException failed -> problem(Response.Status.BAD_GATEWAY,
                    "The device did not take the write: " + failed.getMessage());
            case AlarmActionRejectedException rejected -> problem(Response.Status.fromStatusCode(rejected.status()),
                    rejected.getMessage());
            case StoreUnavailableException store -> problem(Response.Status.SERVICE_UNAVAILABLE,
                    "The telemetry store is not available right now; try again shortly.");
            default -> {
                LOG.error("Unexpected failure serving " + path(), exception);
                yield problem(Response.Status.INTERNAL_SERVER_ERROR,
                        "An unexpected error occurred; it has been logged.");
            }
        };
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Problem problem(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, path());
    }

    private static String httpDetail(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        return status == 404 ? "No resource at this path." : web.getResponse().getStatusInfo().getReasonPhrase() + ".";
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getPath();
    }
}
