package io.kelvin.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kelvin.web.planning.PlanningService;
import io.kelvin.web.planning.StoredJob;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/** Submit jobs for planning and read them back with their progress, latest planned start and explanation. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private final PlanningService planning;
    private final JobBodies bodies;

    public JobsResource(PlanningService planning, ObjectMapper mapper) {
        this.planning = planning;
        this.bodies = new JobBodies(mapper);
    }

    /** 201 with Location; 400 naming every bad field; 409 when the id is taken. Invalid input changes nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        StoredJob job = planning.submit(bodies.read(body));
        return Response.created(UriBuilder.fromPath("/api/v1/jobs/{id}").build(job.id()))
                .entity(JobView.of(job, planning.progress(job), null)).build();
    }

    @GET
    public List<JobView> list() {
        return planning.jobs().stream()
                .map(j -> JobView.of(j, planning.progress(j), planning.latestPlacement(j.id()).orElse(null))).toList();
    }

    @GET
    @Path("/{id}")
    public JobView get(@PathParam("id") String id) {
        StoredJob job = planning.job(id);
        return JobView.of(job, planning.progress(job), planning.latestPlacement(id).orElse(null));
    }
}
