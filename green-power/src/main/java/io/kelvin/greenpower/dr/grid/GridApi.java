package io.kelvin.greenpower.dr.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.GridObject;
import io.kelvin.core.dr.GridObjectStore;
import io.kelvin.core.dr.GridObjectType;
import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.EventSource;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrFormatException;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.greenpower.dr.oadr.ObjectMetadata;
import io.kelvin.greenpower.dr.oadr.ObjectType;
import io.kelvin.greenpower.dr.oadr.Operation;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.oadr.Report;
import io.kelvin.greenpower.dr.oadr.Subscription;
import io.kelvin.greenpower.dr.ven.ReportBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Kelvin's own OpenADR 3.1 grid API, for a grid operator or aggregator without a VTN: programs, events,
 * reports and subscriptions as the spec's paths serve them. Bodies are read against the schema
 * ({@link OadrReader}: every problem names its field; nothing is kept from a refused body); the server
 * sets {@code id}, {@code createdDateTime}, {@code modificationDateTime}, {@code objectType} and, on
 * reports and subscriptions, {@code clientID}. Objects are kept in the {@link GridObjectStore}.
 *
 * <p>An event created or updated here is offered to the site's {@link DrEvents}, the same lifecycle the
 * VEN client feeds from a VTN (a new modificationDateTime is a new version); a deleted event is
 * withdrawn. {@link #publishReports()} puts the reports the events' descriptors ask for into the store as
 * Kelvin's (clientID {@value #KELVIN}), once each; before an event that asks for OPERATING_STATE starts, the
 * report that says what the plan cannot keep of its caps ({@link ReportBuilder#ahead}) is put there as soon as a
 * shortfall is known and replaced when it changes or is gone. Every change is notified to the subscriptions whose
 * object operations and program match, through the {@link WebhookNotifier} (never on the caller's thread).
 * Thread-safe.
 */
public final class GridApi {

    /** The clientID of the reports Kelvin writes itself. */
    public static final String KELVIN = "kelvin";

    private final GridObjectStore store;
    private final DrEvents events;
    private final InstantSource clock;
    private final WebhookNotifier notifier;
    private final ReportBuilder reports;
    private final String reportClientName;

    public GridApi(GridObjectStore store, DrEvents events, InstantSource clock, WebhookNotifier notifier,
                   ReportBuilder reports, String reportClientName) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.reportClientName = Objects.requireNonNull(reportClientName, "reportClientName");
    }

    /** The objects of {@code type} that match {@code query}, oldest first, one page. */
    public GridResult list(GridObjectType type, GridQuery query) {
        List<String> problems = checkQuery(query);
        if (!problems.isEmpty()) {
            return new GridResult.Invalid(problems);
        }
        GridObjectStore.Filter filter = new GridObjectStore.Filter(query.programId(),
                type == GridObjectType.REPORT ? query.eventId() : Optional.empty(),
                type == GridObjectType.REPORT || type == GridObjectType.SUBSCRIPTION ? query.clientName() : Optional.empty());
        if (type == GridObjectType.PROGRAM) {
            filter = GridObjectStore.Filter.ALL;
        }
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        store.list(type, filter).stream()
                .map(o -> (ObjectNode) parse(o.document()))
                .filter(node -> targeted(node, query.targets()))
                .filter(node -> type != GridObjectType.SUBSCRIPTION || query.objects().isEmpty() || subscribesTo(node, query.objects()))
                .filter(node -> type != GridObjectType.EVENT || !query.active() || !over(node.path("id").asText()))
                .skip(query.skip()).limit(query.limit()).forEach(page::add);
        return new GridResult.Done(page, false, type.name().toLowerCase(java.util.Locale.ROOT) + "s");
    }

    /** Every program the grid API holds, oldest first. */
    public List<Program> programs() {
        return store.list(GridObjectType.PROGRAM, GridObjectStore.Filter.ALL).stream()
                .map(o -> OadrReader.program(o.document())).toList();
    }

    public GridResult get(GridObjectType type, String id) {
        return store.find(type, id).<GridResult>map(o -> new GridResult.Done(parse(o.document()), false, target(type, id)))
                .orElseGet(() -> notFound(type, id));
    }

    /** Creates an object from a request body; {@code clientId} is the caller (kept on reports and subscriptions). */
    public synchronized GridResult create(GridObjectType type, String body, String clientId) {
        Instant now = now(Optional.empty());
        return write(type, new ObjectMetadata(newId(type), now, now, ObjectType.valueOf(type.name())), body, clientId,
                Optional.empty());
    }

    /** Replaces the object {@code id} with a request body; its id and createdDateTime stay. */
    public synchronized GridResult update(GridObjectType type, String id, String body, String clientId) {
        Optional<GridObject> old = store.find(type, id);
        if (old.isEmpty()) {
            return notFound(type, id);
        }
        ObjectMetadata meta = new ObjectMetadata(id, old.get().createdAt(), now(Optional.of(old.get().modifiedAt())),
                ObjectType.valueOf(type.name()));
        return write(type, meta, body, clientId, old);
    }

    public synchronized GridResult delete(GridObjectType type, String id, String clientId) {
        Optional<GridObject> old = store.find(type, id);
        if (old.isEmpty()) {
            return notFound(type, id);
        }
        if (type == GridObjectType.PROGRAM) {
            int held = store.list(GridObjectType.EVENT, new GridObjectStore.Filter(Optional.of(id), Optional.empty(),
                    Optional.empty())).size();
            if (held > 0) {
                return new GridResult.Conflict("program '" + id + "' has " + held + " event(s); delete them first");
            }
        }
        store.delete(type, id);
        if (type == GridObjectType.EVENT) {
            events.withdraw(EventSource.gridClient(clientId), id, "deleted through Kelvin's grid API by " + clientId);
        }
        ObjectNode object = (ObjectNode) parse(old.get().document());
        notifySubscribers(type, Operation.DELETE, object, old.get().programId());
        return new GridResult.Done(object, false, target(type, id));
    }

    /**
     * Puts the reports now due for the grid API's events (as their report descriptors ask) into the store
     * as Kelvin's, each once (its id is derived from the event version, descriptor and chunk, so a
     * restart does not repeat it), and notifies subscribers; and the OPERATING_STATE report of each event not
     * yet started, when the plan cannot keep its caps or could not before (added, or replaced when it changed, and
     * notified as CREATE or UPDATE). Returns how many reports were added or replaced.
     */
    public synchronized int publishReports() {
        Instant now = clock.instant();
        int added = 0;
        for (GridObject stored : store.list(GridObjectType.EVENT, GridObjectStore.Filter.ALL)) {
            String eventId = stored.id();
            Optional<Event> event = events.event(eventId);
            Optional<DrState> state = events.state(eventId);
            if (event.isEmpty() || state.isEmpty() || event.get().reportDescriptors().isEmpty()) {
                continue;
            }
            Optional<ReportBuilder.Ahead> ahead = reports.ahead(event.get(), events.intervals(eventId), state.get(), now);
            if (ahead.isPresent() && publishAhead(ahead.get(), stored, now)) {
                added++;
            }
            for (ReportBuilder.Due due : reports.due(event.get(), events.intervals(eventId), state.get(), now)) {
                String id = "kelvin-" + digest(due.key());
                if (store.find(GridObjectType.REPORT, id).isPresent()) {
                    continue;
                }
                Report r = due.report();
                Report report = new Report(Optional.of(new ObjectMetadata(id, now, now, ObjectType.REPORT)),
                        Optional.of(KELVIN), r.eventId(), reportClientName, r.reportName(), r.payloadDescriptors(),
                        r.resources());
                ObjectNode node = OadrWriter.report(report);
                if (store.insert(new GridObject(GridObjectType.REPORT, id, Optional.of(reportClientName),
                        stored.programId(), Optional.of(eventId), now, now, OadrWriter.text(node)))) {
                    added++;
                    notifySubscribers(GridObjectType.REPORT, Operation.CREATE, node, stored.programId());
                }
            }
        }
        return added;
    }

    /** Adds the report sent ahead of an event (when there is a shortfall) or replaces it when it changed. */
    private boolean publishAhead(ReportBuilder.Ahead ahead, GridObject event, Instant now) {
        String id = "kelvin-" + digest(ahead.key());
        Optional<GridObject> old = store.find(GridObjectType.REPORT, id);
        if (old.isEmpty() && ahead.shortfall().isEmpty()) {
            return false;
        }
        Instant created = old.map(GridObject::createdAt).orElse(now);
        Report r = ahead.report();
        Report report = new Report(Optional.of(new ObjectMetadata(id, created, now, ObjectType.REPORT)),
                Optional.of(KELVIN), r.eventId(), reportClientName, r.reportName(), r.payloadDescriptors(), r.resources());
        ObjectNode node = OadrWriter.report(report);
        if (old.isPresent()) {
            // Unchanged when it reads the same with the kept report's times.
            JsonNode kept = parse(old.get().document());
            ObjectNode same = node.deepCopy();
            same.set("createdDateTime", kept.get("createdDateTime"));
            same.set("modificationDateTime", kept.get("modificationDateTime"));
            if (OadrWriter.text(same).equals(old.get().document())) {
                return false;
            }
            node.set("createdDateTime", kept.get("createdDateTime"));
        }
        GridObject object = new GridObject(GridObjectType.REPORT, id, Optional.of(reportClientName), event.programId(),
                Optional.of(event.id()), created, now, OadrWriter.text(node));
        if (!(old.isPresent() ? store.replace(object) : store.insert(object))) {
            return false;
        }
        notifySubscribers(GridObjectType.REPORT, old.isPresent() ? Operation.UPDATE : Operation.CREATE, node,
                event.programId());
        return true;
    }

    private GridResult write(GridObjectType type, ObjectMetadata meta, String body, String clientId,
                             Optional<GridObject> old) {
        try {
            return switch (type) {
                case PROGRAM -> writeProgram(meta, body, old);
                case EVENT -> writeEvent(meta, body, clientId, old);
                case REPORT -> writeReport(meta, body, clientId, old);
                case SUBSCRIPTION -> writeSubscription(meta, body, clientId, old);
            };
        } catch (OadrFormatException e) {
            return new GridResult.Invalid(e.problems());
        }
    }

    private GridResult writeProgram(ObjectMetadata meta, String body, Optional<GridObject> old) {
        Program program = OadrReader.programRequest(body, meta);
        ObjectNode node = OadrWriter.program(program);
        GridObject object = new GridObject(GridObjectType.PROGRAM, meta.id(), Optional.of(program.programName()),
                Optional.of(meta.id()), Optional.empty(), meta.createdDateTime(), meta.modificationDateTime(),
                OadrWriter.text(node));
        if (!(old.isPresent() ? store.replace(object) : store.insert(object))) {
            return new GridResult.Conflict("programName: a program named '" + program.programName() + "' exists");
        }
        return done(GridObjectType.PROGRAM, old, node, object.programId());
    }

    private GridResult writeEvent(ObjectMetadata meta, String body, String clientId, Optional<GridObject> old) {
        Event event = OadrReader.eventRequest(body, meta);
        Optional<Program> program = program(event.programId());
        if (program.isEmpty()) {
            return new GridResult.Conflict("programID: no program '" + event.programId() + "'");
        }
        ObjectNode node = OadrWriter.event(event);
        GridObject object = new GridObject(GridObjectType.EVENT, meta.id(), event.eventName(),
                Optional.of(event.programId()), Optional.of(meta.id()), meta.createdDateTime(),
                meta.modificationDateTime(), OadrWriter.text(node));
        if (!(old.isPresent() ? store.replace(object) : store.insert(object))) {
            return new GridResult.Conflict("id: event '" + meta.id() + "' exists");
        }
        events.offer(EventSource.gridClient(clientId), program.get(), event);
        return done(GridObjectType.EVENT, old, node, object.programId());
    }

    private GridResult writeReport(ObjectMetadata meta, String body, String clientId, Optional<GridObject> old) {
        Report request = OadrReader.reportRequest(body);
        Optional<GridObject> event = store.find(GridObjectType.EVENT, request.eventId());
        if (event.isEmpty()) {
            return new GridResult.Conflict("eventID: no event '" + request.eventId() + "'");
        }
        Report report = new Report(Optional.of(meta), Optional.of(clientId), request.eventId(), request.clientName(),
                request.reportName(), request.payloadDescriptors(), request.resources());
        ObjectNode node = OadrWriter.report(report);
        GridObject object = new GridObject(GridObjectType.REPORT, meta.id(), Optional.of(request.clientName()),
                event.get().programId(), Optional.of(request.eventId()), meta.createdDateTime(),
                meta.modificationDateTime(), OadrWriter.text(node));
        if (!(old.isPresent() ? store.replace(object) : store.insert(object))) {
            return new GridResult.Conflict("id: report '" + meta.id() + "' exists");
        }
        return done(GridObjectType.REPORT, old, node, object.programId());
    }

    private GridResult writeSubscription(ObjectMetadata meta, String body, String clientId, Optional<GridObject> old) {
        Subscription request = OadrReader.subscriptionRequest(body);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < request.objectOperations().size(); i++) {
            URI url = request.objectOperations().get(i).callbackUrl();
            if (!url.isAbsolute() || url.getHost() == null
                    || !List.of("http", "https").contains(url.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                problems.add("objectOperations[" + i + "].callbackUrl: must be an absolute http or https URL, was '"
                        + url + "'");
            }
        }
        if (!problems.isEmpty()) {
            return new GridResult.Invalid(problems);
        }
        if (request.programId().isPresent() && program(request.programId().get()).isEmpty()) {
            return new GridResult.Conflict("programID: no program '" + request.programId().get() + "'");
        }
        Subscription subscription = new Subscription(Optional.of(meta), Optional.of(clientId), request.clientName(),
                request.programId(), request.objectOperations(), request.targets());
        ObjectNode node = OadrWriter.subscription(subscription);
        GridObject object = new GridObject(GridObjectType.SUBSCRIPTION, meta.id(), Optional.of(request.clientName()),
                request.programId(), Optional.empty(), meta.createdDateTime(), meta.modificationDateTime(),
                OadrWriter.text(node));
        if (!(old.isPresent() ? store.replace(object) : store.insert(object))) {
            return new GridResult.Conflict("id: subscription '" + meta.id() + "' exists");
        }
        return done(GridObjectType.SUBSCRIPTION, old, node, object.programId());
    }

    private GridResult done(GridObjectType type, Optional<GridObject> old, ObjectNode node, Optional<String> programId) {
        notifySubscribers(type, old.isPresent() ? Operation.UPDATE : Operation.CREATE, node, programId);
        return new GridResult.Done(node, old.isEmpty(), target(type, node.path("id").asText()));
    }

    private void notifySubscribers(GridObjectType type, Operation operation, ObjectNode object, Optional<String> programId) {
        ObjectType objectType = ObjectType.valueOf(type.name());
        for (GridObject stored : store.list(GridObjectType.SUBSCRIPTION, GridObjectStore.Filter.ALL)) {
            Subscription subscription;
            try {
                subscription = OadrReader.subscription(stored.document());
            } catch (OadrFormatException e) {
                continue;
            }
            if (subscription.programId().isPresent() && !subscription.programId().equals(programId)) {
                continue;
            }
            for (Subscription.ObjectOperation op : subscription.objectOperations()) {
                if (op.objects().contains(objectType) && op.operations().contains(operation)) {
                    notifier.send(op.callbackUrl(), op.bearerToken(), OadrWriter.text(OadrWriter.notification(objectType,
                            operation, object, List.of())));
                }
            }
        }
    }

    private Optional<Program> program(String id) {
        return store.find(GridObjectType.PROGRAM, id).map(o -> OadrReader.program(o.document()));
    }

    private boolean over(String eventId) {
        return events.state(eventId).map(DrState::isFinal).orElse(false);
    }

    private static boolean targeted(ObjectNode node, List<String> targets) {
        if (targets.isEmpty() || !node.has("targets") || node.get("targets").isEmpty()) {
            return true;
        }
        for (JsonNode t : node.get("targets")) {
            if (targets.contains(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean subscribesTo(ObjectNode node, List<ObjectType> objects) {
        for (JsonNode op : node.path("objectOperations")) {
            for (JsonNode o : op.path("objects")) {
                if (objects.stream().anyMatch(t -> t.name().equals(o.asText()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> checkQuery(GridQuery q) {
        List<String> problems = new ArrayList<>();
        if (q.skip() < 0) {
            problems.add("skip: must be at least 0, was " + q.skip());
        }
        if (q.limit() < 0 || q.limit() > GridQuery.MAX_LIMIT) {
            problems.add("limit: must be 0.." + GridQuery.MAX_LIMIT + ", was " + q.limit());
        }
        Stream.of(q.programId().map(v -> "programID=" + v), q.eventId().map(v -> "eventID=" + v))
                .flatMap(Optional::stream)
                .filter(p -> !p.substring(p.indexOf('=') + 1).matches("[a-zA-Z0-9_-]{1,128}"))
                .forEach(p -> problems.add(p.substring(0, p.indexOf('=')) + ": must be an objectID (1..128 of"
                        + " a-z A-Z 0-9 _ -), was '" + p.substring(p.indexOf('=') + 1) + "'"));
        q.clientName().filter(c -> c.isEmpty() || c.length() > 128)
                .ifPresent(c -> problems.add("clientName: must be 1..128 characters, was " + c.length()));
        q.targets().stream().filter(t -> t.isEmpty() || t.length() > 128).findFirst()
                .ifPresent(t -> problems.add("targets: each must be 1..128 characters, was " + t.length()));
        return problems;
    }

    /** The clock's time to the millisecond, and always after {@code previous} (each update is a new version). */
    private Instant now(Optional<Instant> previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return previous.filter(p -> !now.isAfter(p)).map(p -> p.plusMillis(1)).orElse(now);
    }

    private static String newId(GridObjectType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 20);
    }

    private static GridResult notFound(GridObjectType type, String id) {
        return new GridResult.NotFound("no " + type.name().toLowerCase(java.util.Locale.ROOT) + " '" + id + "'");
    }

    private static String target(GridObjectType type, String id) {
        return type.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }

    private static JsonNode parse(String json) {
        try {
            return io.kelvin.greenpower.dr.oadr.OadrWriter.tree(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("grid API store: a kept document is not JSON: " + e.getMessage(), e);
        }
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
