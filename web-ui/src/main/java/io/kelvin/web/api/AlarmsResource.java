package io.kelvin.web.api;

import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.AuditedAlarmActions;
import io.kelvin.core.alarm.HistoryPage;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.Note;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The site's current alarms (active first, by severity; cleared ones are history), their history, and what an operator
 * does to them: acknowledge with a comment, shelve for a time or until it returns to normal with a
 * reason, unshelve. Actions are carried out on the device first (OPC UA Acknowledge, TimedShelve,
 * OneShotShelve, Unshelve) and each is audited, done or not. {@code id} is {@link AlarmKey#id()}.
 */
@Path("/api/v1/alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmsResource {

    static final int MAX_LIMIT = 1000;

    /** One alarm as the API shows it; times are ISO-8601 UTC, absent marks are null. */
    public record AlarmView(String id, String device, String source, String condition, int severity, String message,
                            String quality, String phase, boolean active, boolean enabled, String ack, Mark acknowledged,
                            String confirm, String shelving, Instant shelvedUntil, Mark shelved, Instant raisedAt,
                            Instant changedAt, String conditionId, String branchId) {

        static AlarmView of(Alarm a) {
            var m = a.marks();
            return new AlarmView(a.key().id(), a.device(), a.sourceName(), a.conditionName(), a.severity(), a.message(),
                    a.quality().orElse(null), a.phase().name(), a.active(), a.enabled(), m.ack().name(),
                    Mark.of(m.ackNote()), m.confirm().name(), m.shelving().name(), m.shelvedUntil().orElse(null),
                    Mark.of(m.shelveNote()), a.raisedAt(), a.changedAt(), a.key().conditionId(),
                    a.key().branchId().orElse(null));
        }
    }

    /** Who did it, when, what they wrote, and whether through Kelvin or on the device. */
    public record Mark(String by, Instant at, String comment, String origin) {
        static Mark of(Optional<Note> note) {
            return note.map(n -> new Mark(n.by(), n.at(), n.comment(), n.origin().name())).orElse(null);
        }
    }

    public record Alarms(int count, List<AlarmView> alarms) {
    }

    /** One line of an alarm's history: what happened, the phase it left, who did it (null when the device alone). */
    public record HistoryLine(String id, String device, String conditionId, String branchId, String kind, String phase,
                              int severity, String message, Instant deviceTime, Instant recordedAt, Mark note) {
        static HistoryLine of(AlarmTransition t) {
            return new HistoryLine(t.key().id(), t.key().device(), t.key().conditionId(), t.key().branchId().orElse(null),
                    t.kind().name(), t.phase().name(), t.severity(), t.message(), t.deviceTime(), t.recordedAt(),
                    Mark.of(t.note()));
        }
    }

    public record History(long total, int offset, int limit, List<HistoryLine> lines) {
    }

    /** Body of acknowledge and unshelve; the comment may be empty. */
    public record Comment(String comment) {
    }

    /** Body of shelve: {@code duration} ISO-8601 (e.g. PT30M) for a timed shelving, none for one-shot; a reason. */
    public record Shelve(String duration, String reason) {
    }

    private final AlarmDesk desk;
    private final AuditedAlarmActions actions;
    private final Caller caller;

    public AlarmsResource(AlarmDesk desk, AuditedAlarmActions actions, Caller caller) {
        this.desk = desk;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Blocking
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    public Alarms current(@QueryParam("limit") String limitText) {
        int limit = QueryParams.wholeInt("limit", limitText, 100);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        List<AlarmView> alarms = desk.current(limit).stream().map(AlarmView::of).toList();
        return new Alarms(alarms.size(), alarms);
    }

    /**
     * Alarm history, newest first: optionally of one alarm ({@code id}) or one {@code device}, recorded in
     * [{@code from}, {@code until}) (ISO-8601 instants), paged by {@code offset} and {@code limit} (1..1000).
     */
    @GET
    @Path("/history")
    @Blocking
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    public History history(@QueryParam("id") String id, @QueryParam("device") String device,
                           @QueryParam("from") String from, @QueryParam("until") String until,
                           @QueryParam("offset") String offsetText, @QueryParam("limit") String limitText) {
        int offset = QueryParams.wholeInt("offset", offsetText, 0);
        int limit = QueryParams.wholeInt("limit", limitText, 100);
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be at least 0, was " + offset);
        }
        if (limit < 1 || limit > HistoryQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + HistoryQuery.MAX_LIMIT + ", was " + limit);
        }
        HistoryQuery query = new HistoryQuery(Optional.ofNullable(device).filter(d -> !d.isBlank()),
                Optional.ofNullable(id).filter(i -> !i.isBlank()).map(AlarmKey::fromId), instant("from", from),
                instant("until", until), offset, limit);
        HistoryPage page = desk.history(query);
        return new History(page.total(), offset, limit, page.lines().stream().map(HistoryLine::of).toList());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public AlarmView acknowledge(@PathParam("id") String id, Comment body) {
        AlarmKey key = AlarmKey.fromId(id);
        return outcome(actions.acknowledge(key, caller.actor(), caller.address(), comment(body)));
    }

    @POST
    @Path("/{id}/shelve")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public AlarmView shelve(@PathParam("id") String id, Shelve body) {
        AlarmKey key = AlarmKey.fromId(id);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new IllegalArgumentException("reason: shelving needs a reason");
        }
        return outcome(actions.shelve(key, caller.actor(), caller.address(), duration(body.duration()), body.reason()));
    }

    @POST
    @Path("/{id}/unshelve")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public AlarmView unshelve(@PathParam("id") String id, Comment body) {
        AlarmKey key = AlarmKey.fromId(id);
        return outcome(actions.unshelve(key, caller.actor(), caller.address(), comment(body)));
    }

    private static String comment(Comment body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }

    private static Optional<Instant> instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an ISO-8601 instant such as 2026-06-01T00:00:00Z, was '"
                    + text + "'");
        }
    }

    /** Absent or blank: one-shot. Otherwise a positive ISO-8601 duration. */
    private static Optional<Duration> duration(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("duration: an ISO-8601 duration such as PT30M, was '" + text + "'");
        }
    }

    private static AlarmView outcome(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> AlarmView.of(done.alarm());
            case ActionResult.Rejected rejected -> throw new AlarmActionRejectedException(rejected);
        };
    }
}
