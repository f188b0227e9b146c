package io.kelvin.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/**
 * Submit jobs for planning (PLATFORM), cancel them (PLATFORM, OPERATOR), and read them back with their
 * progress, latest planned start and explanation. Submits and cancels are audited, refused ones too.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private final PlanningService planning;
    private final JobBodies bodies;
    private final AuditLog audit;
    private final Caller caller;

    public JobsResource(PlanningService planning, ObjectMapper mapper, AuditLog audit, Caller caller) {
        this.planning = planning;
        this.bodies = new JobBodies(mapper);
        this.audit = audit;
        this.caller = caller;
    }

    /** 201 with Location; 400 naming every bad field; 409 when the id is taken. Invalid input changes nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM)
    public Response submit(String body) {
        StoredJob job;
        try {
            JobRequest request = bodies.read(body);
            job = planning.submit(request);
        } catch (RuntimeException refused) {
            record(AuditKind.JOB_SUBMITTED, "-", Outcome.DENIED, refused.getMessage());
            throw refused;
        }
        record(AuditKind.JOB_SUBMITTED, job.id(), Outcome.SUCCESS, "gpus=" + job.spec().gpus()
                + (job.spec().project() == null ? "" : " project=" + job.spec().project()));
        return Response.created(UriBuilder.fromPath("/api/v1/jobs/{id}").build(job.id()))
                .entity(JobView.of(job, planning.progress(job), null)).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN, Roles.PLATFORM})
    public List<JobView> list() {
        return planning.jobs().stream()
                .map(j -> JobView.of(j, planning.progress(j), planning.latestPlacement(j.id()).orElse(null))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN, Roles.PLATFORM})
    public JobView get(@PathParam("id") String id) {
        StoredJob job = planning.job(id);
        return JobView.of(job, planning.progress(job), planning.latestPlacement(id).orElse(null));
    }

    /** 200 with the cancelled job; 404 unknown; 409 already cancelled, finished or expired. Never planned again. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM, Roles.OPERATOR})
    public JobView cancel(@PathParam("id") String id) {
        StoredJob job;
        try {
            job = planning.cancel(id);
        } catch (RuntimeException refused) {
            record(AuditKind.JOB_CANCELLED, id, Outcome.DENIED, refused.getMessage());
            throw refused;
        }
        record(AuditKind.JOB_CANCELLED, id, Outcome.SUCCESS, "");
        return JobView.of(job, planning.progress(job), planning.latestPlacement(id).orElse(null));
    }

    private void record(AuditKind kind, String target, Outcome outcome, String detail) {
        audit.record(new AuditEntry(caller.actor(), kind, target, caller.address(), outcome, detail));
    }
}
