package io.kelvin.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kelvin.core.dr.GridObjectType;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.greenpower.dr.grid.GridApi;
import io.kelvin.greenpower.dr.grid.GridQuery;
import io.kelvin.greenpower.dr.grid.GridResult;
import io.kelvin.greenpower.dr.oadr.ObjectType;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.web.dr.DemandResponseRuntime;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Kelvin's own OpenADR 3.1 grid API for GRID_OPERATOR clients, under {@value #BASE}: the spec's
 * {@code /programs}, {@code /events}, {@code /reports} and {@code /subscriptions} (list with the spec's
 * query parameters, create, read, replace, delete), each also needing the spec's OAuth2 scope
 * ({@code read_targets}, {@code read_ven_objects} or {@code read_all} to read; {@code write_programs},
 * {@code write_events}, {@code write_reports}, {@code write_subscriptions} to write; 403 naming the scope
 * otherwise). Bodies and answers are the spec's JSON; a refused request is the spec's {@code problem} as
 * {@code application/problem+json} naming the field (400), the object (404) or the conflict (409), and
 * nothing changes. Every write, done or refused, is audited ({@code DR_GRID_API_CHANGED}). The work is
 * {@link GridApi}'s.
 */
@Path(GridApiResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GRID_OPERATOR)
public class GridApiResource {

    public static final String BASE = "/api/v1/openadr3";
    private static final Logger LOG = Logger.getLogger(GridApiResource.class);
    private static final String ID = "[a-zA-Z0-9_-]{1,128}";

    private final DemandResponseRuntime dr;
    private final Caller caller;
    private final AuditLog audit;

    public GridApiResource(DemandResponseRuntime dr, Caller caller, AuditLog audit) {
        this.dr = dr;
        this.caller = caller;
        this.audit = audit;
    }

    // ---- programs

    @GET
    @Path("/programs")
    public Response programs(@QueryParam("targets") List<String> targets, @QueryParam("skip") String skip,
                             @QueryParam("limit") String limit) {
        return read("read_targets", () -> query(null, null, null, targets, List.of(), null, skip, limit),
                q -> api().list(GridObjectType.PROGRAM, q));
    }

    @POST
    @Path("/programs")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProgram(String body) {
        return write("write_programs", "POST programs", () -> api().create(GridObjectType.PROGRAM, body, client()));
    }

    @GET
    @Path("/programs/{programID}")
    public Response program(@PathParam("programID") String id) {
        return readOne("read_targets", "programID", id, GridObjectType.PROGRAM);
    }

    @PUT
    @Path("/programs/{programID}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateProgram(@PathParam("programID") String id, String body) {
        return writeOne("write_programs", "PUT program", "programID", id,
                () -> api().update(GridObjectType.PROGRAM, id, body, client()));
    }

    @DELETE
    @Path("/programs/{programID}")
    @Blocking
    public Response deleteProgram(@PathParam("programID") String id) {
        return writeOne("write_programs", "DELETE program", "programID", id,
                () -> api().delete(GridObjectType.PROGRAM, id, client()));
    }

    // ---- events

    @GET
    @Path("/events")
    public Response events(@QueryParam("programID") String programId, @QueryParam("targets") List<String> targets,
                           @QueryParam("skip") String skip, @QueryParam("limit") String limit,
                           @QueryParam("active") String active) {
        return read("read_targets", () -> query(programId, null, null, targets, List.of(), active, skip, limit),
                q -> api().list(GridObjectType.EVENT, q));
    }

    @POST
    @Path("/events")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createEvent(String body) {
        return write("write_events", "POST events", () -> api().create(GridObjectType.EVENT, body, client()));
    }

    @GET
    @Path("/events/{eventID}")
    public Response event(@PathParam("eventID") String id) {
        return readOne("read_targets", "eventID", id, GridObjectType.EVENT);
    }

    @PUT
    @Path("/events/{eventID}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateEvent(@PathParam("eventID") String id, String body) {
        return writeOne("write_events", "PUT event", "eventID", id,
                () -> api().update(GridObjectType.EVENT, id, body, client()));
    }

    @DELETE
    @Path("/events/{eventID}")
    @Blocking
    public Response deleteEvent(@PathParam("eventID") String id) {
        return writeOne("write_events", "DELETE event", "eventID", id,
                () -> api().delete(GridObjectType.EVENT, id, client()));
    }

    // ---- reports

    @GET
    @Path("/reports")
    public Response reports(@QueryParam("programID") String programId, @QueryParam("eventID") String eventId,
                            @QueryParam("clientName") String clientName, @QueryParam("skip") String skip,
                            @QueryParam("limit") String limit) {
        return read("read_ven_objects", () -> query(programId, eventId, clientName, List.of(), List.of(), null, skip,
                limit), q -> api().list(GridObjectType.REPORT, q));
    }

    @POST
    @Path("/reports")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createReport(String body) {
        return write("write_reports", "POST reports", () -> api().create(GridObjectType.REPORT, body, client()));
    }

    @GET
    @Path("/reports/{reportID}")
    public Response report(@PathParam("reportID") String id) {
        return readOne("read_ven_objects", "reportID", id, GridObjectType.REPORT);
    }

    @PUT
    @Path("/reports/{reportID}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateReport(@PathParam("reportID") String id, String body) {
        return writeOne("write_reports", "PUT report", "reportID", id,
                () -> api().update(GridObjectType.REPORT, id, body, client()));
    }

    @DELETE
    @Path("/reports/{reportID}")
    @Blocking
    public Response deleteReport(@PathParam("reportID") String id) {
        return writeOne("write_reports", "DELETE report", "reportID", id,
                () -> api().delete(GridObjectType.REPORT, id, client()));
    }

    // ---- subscriptions

    @GET
    @Path("/subscriptions")
    public Response subscriptions(@QueryParam("programID") String programId, @QueryParam("clientName") String clientName,
                                  @QueryParam("objects") List<String> objects, @QueryParam("skip") String skip,
                                  @QueryParam("limit") String limit) {
        return read("read_ven_objects", () -> query(programId, null, clientName, List.of(), objects, null, skip, limit),
                q -> api().list(GridObjectType.SUBSCRIPTION, q));
    }

    @POST
    @Path("/subscriptions")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSubscription(String body) {
        return write("write_subscriptions", "POST subscriptions",
                () -> api().create(GridObjectType.SUBSCRIPTION, body, client()));
    }

    @GET
    @Path("/subscriptions/{subscriptionID}")
    public Response subscription(@PathParam("subscriptionID") String id) {
        return readOne("read_ven_objects", "subscriptionID", id, GridObjectType.SUBSCRIPTION);
    }

    @PUT
    @Path("/subscriptions/{subscriptionID}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateSubscription(@PathParam("subscriptionID") String id, String body) {
        return writeOne("write_subscriptions", "PUT subscription", "subscriptionID", id,
                () -> api().update(GridObjectType.SUBSCRIPTION, id, body, client()));
    }

    @DELETE
    @Path("/subscriptions/{subscriptionID}")
    @Blocking
    public Response deleteSubscription(@PathParam("subscriptionID") String id) {
        return writeOne("write_subscriptions", "DELETE subscription", "subscriptionID", id,
                () -> api().delete(GridObjectType.SUBSCRIPTION, id, client()));
    }

    // ---- plumbing

    /** A query parameter that breaks the spec: 400 naming it. */
    private static final class BadQuery extends RuntimeException {
        BadQuery(List<String> problems) {
            super(String.join("; ", problems));
        }
    }

    private Response read(String scope, Supplier<GridQuery> query, java.util.function.Function<GridQuery, GridResult> list) {
        Optional<Response> refused = scope(scope, true);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return answer(list.apply(query.get()));
        } catch (BadQuery e) {
            return problem(400, "Bad Request", e.getMessage());
        }
    }

    private Response readOne(String scope, String field, String id, GridObjectType type) {
        Optional<Response> refused = scope(scope, true).or(() -> badId(field, id));
        return refused.orElseGet(() -> answer(api().get(type, id)));
    }

    private Response write(String scope, String what, Supplier<GridResult> work) {
        Optional<Response> refused = scope(scope, false);
        if (refused.isPresent()) {
            record(what, what, Outcome.DENIED, "missing scope " + scope);
            return refused.get();
        }
        GridResult result = work.get();
        String target = result instanceof GridResult.Done done ? done.target() : what;
        record(what, target, result instanceof GridResult.Done ? Outcome.SUCCESS : Outcome.DENIED,
                switch (result) {
                    case GridResult.Done done -> (done.created() ? "created " : "") + done.target();
                    case GridResult.Invalid invalid -> invalid.detail();
                    case GridResult.NotFound missing -> missing.detail();
                    case GridResult.Conflict conflict -> conflict.detail();
                });
        return answer(result);
    }

    private Response writeOne(String scope, String what, String field, String id, Supplier<GridResult> work) {
        Optional<Response> bad = badId(field, id);
        if (bad.isPresent()) {
            record(what, what, Outcome.DENIED, field + ": not an objectID");
            return bad.get();
        }
        return write(scope, what, work);
    }

    private GridQuery query(String programId, String eventId, String clientName, List<String> targets,
                            List<String> objects, String active, String skip, String limit) {
        List<String> problems = new ArrayList<>();
        int skipValue = integer("skip", skip, 0, problems);
        int limitValue = integer("limit", limit, GridQuery.MAX_LIMIT, problems);
        boolean activeValue = false;
        if (active != null && !active.equals("true") && !active.equals("false")) {
            problems.add("active: must be true or false, was '" + active + "'");
        } else {
            activeValue = "true".equals(active);
        }
        List<ObjectType> objectTypes = new ArrayList<>();
        for (String o : objects == null ? List.<String>of() : objects) {
            try {
                objectTypes.add(ObjectType.valueOf(o));
            } catch (IllegalArgumentException e) {
                problems.add("objects: unknown value '" + o + "' (expected one of PROGRAM, EVENT, REPORT, SUBSCRIPTION,"
                        + " VEN, RESOURCE)");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadQuery(problems);
        }
        return new GridQuery(Optional.ofNullable(programId), Optional.ofNullable(eventId), Optional.ofNullable(clientName),
                targets == null ? List.of() : targets, objectTypes, activeValue, skipValue, limitValue);
    }

    private static int integer(String name, String value, int fallback, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(name + ": must be an integer, was '" + value + "'");
            return fallback;
        }
    }

    private Optional<Response> scope(String scope, boolean read) {
        if (caller.hasScope(scope) || (read && caller.hasScope("read_all"))) {
            return Optional.empty();
        }
        return Optional.of(problem(403, "Forbidden", "this request needs the OpenADR scope " + scope
                + (read ? " (or read_all)" : "") + ", which the client's token does not carry"));
    }

    private static Optional<Response> badId(String field, String id) {
        return id.matches(ID) ? Optional.empty()
                : Optional.of(problem(400, "Bad Request", field + ": must be an objectID (1..128 of a-z A-Z 0-9 _ -), was '"
                        + id + "'"));
    }

    private GridApi api() {
        return dr.gridApi().orElseThrow(() -> new io.kelvin.energyoptimizer.app.NoSuchEntryException(
                "demand response is not configured on this site (no demandResponse: in the site file)"));
    }

    private String client() {
        return caller.actor().name();
    }

    private void record(String what, String target, Outcome outcome, String detail) {
        try {
            audit.record(new AuditEntry(caller.actor(), AuditKind.DR_GRID_API_CHANGED, target, caller.address(), outcome,
                    what + ": " + detail));
        } catch (RuntimeException e) {
            LOG.errorf("Could not put the grid API's '%s' on record: %s", what, e.getMessage());
        }
    }

    private static Response answer(GridResult result) {
        return switch (result) {
            case GridResult.Done done -> Response.status(done.created() ? 201 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(OadrWriter.text(done.body())).build();
            case GridResult.Invalid invalid -> problem(400, "Bad Request", invalid.detail());
            case GridResult.NotFound missing -> problem(404, "Not Found", missing.detail());
            case GridResult.Conflict conflict -> problem(409, "Conflict", conflict.detail());
        };
    }

    /** The spec's {@code problem} schema, as application/problem+json. */
    private static Response problem(int status, String title, String detail) {
        ObjectNode body = OadrWriter.problem(status, title, detail);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(OadrWriter.text(body)).build();
    }
}
