package io.kelvin.greenpower.dr.ven;

import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.retry.Backoff;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.EventSource;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.Notification;
import io.kelvin.greenpower.dr.oadr.ObjectType;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import io.kelvin.greenpower.dr.oadr.Operation;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.oadr.Resource;
import io.kelvin.greenpower.dr.oadr.Subscription;
import io.kelvin.greenpower.dr.oadr.Ven;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kelvin as an OpenADR 3.1 VEN. Each {@link #runOnce()} registers the VEN and its resources if not yet
 * done, keeps the webhook subscription in place (when a callback URL is configured), reads the
 * configured programs and their events (page by page, with the site's targets) into {@link DrEvents},
 * withdraws events the VTN no longer lists, and posts the reports that are due. Before an event whose
 * descriptors ask for OPERATING_STATE starts, a plan that cannot keep its caps is told at once
 * ({@link ReportBuilder#ahead}: posted when a shortfall is first known, updated with {@code PUT /reports/{id}}
 * when it changes or is gone; {@link #reportAhead()} sends it between cycles, right after a re-plan; after a restart
 * the VTN's own copy, found once per event by report name, is the one updated). When the VTN cannot be
 * reached or refuses, the client keeps every event it has, records the VTN's words and backs off
 * ({@link Backoff}); the next successful cycle catches up. A malformed program or event is refused with
 * a message naming the field and changes nothing; the others go on. Notifications from the webhook go
 * the same way as polled objects. {@link #status()} is for /q/health and the DR view.
 */
public final class VenClient {

    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Pattern ITEM_ID = Pattern.compile("^\\[\\d+] \\(id ([A-Za-z0-9_-]+)\\)");

    private final DemandResponse settings;
    private final VtnApi api;
    private final DrEvents events;
    private final ReportBuilder reports;
    private final InstantSource clock;
    private final String webhookToken;
    private final Backoff backoff = new Backoff(MIN_BACKOFF, MAX_BACKOFF);
    private final Map<String, Program> programs = new ConcurrentHashMap<>();
    private final Set<String> sentReports = ConcurrentHashMap.newKeySet();
    /** The reports sent ahead of events, by {@link ReportBuilder.Ahead#key}: the VTN's id and what was sent. */
    private final Map<String, SentAhead> sentAhead = new ConcurrentHashMap<>();
    /** Keys of reports ahead already looked for on the VTN (one sent before a restart is updated, not repeated). */
    private final Set<String> lookedUpAhead = ConcurrentHashMap.newKeySet();
    private final WebhookReceiver webhook;
    private volatile VenStatus status = VenStatus.initial();
    private volatile boolean pollSoon;
    private Optional<String> venId = Optional.empty();
    private boolean resourcesRegistered;
    private boolean subscribed;

    public VenClient(DemandResponse settings, VtnApi api, DrEvents events, ReportSource source, InstantSource clock,
                     String webhookToken) {
        this.settings = settings;
        this.api = api;
        this.events = events;
        this.clock = clock;
        this.webhookToken = webhookToken;
        this.reports = new ReportBuilder(source, settings.venName(),
                settings.resources().stream().map(DemandResponse.Resource::name).toList());
        this.webhook = new WebhookReceiver(webhookToken, this::notified, this::refused);
    }

    /** One cycle; returns how long to wait before the next (the poll interval, or the backoff). */
    public synchronized Duration runOnce() {
        Instant now = clock.instant();
        events.tick();
        status = with(now, status.connected(), status.lastSuccess(), status.lastError(), status.lastErrorAt(),
                status.consecutiveFailures(), Optional.empty());
        try {
            register();
            subscribe();
            poll();
            sendReports();
            backoff.reset();
            pollSoon = false;
            status = with(now, true, Optional.of(clock.instant()), status.lastError(), status.lastErrorAt(), 0,
                    Optional.empty());
            return settings.pollInterval();
        } catch (VtnException e) {
            Duration wait = backoff.next();
            status = with(now, false, status.lastSuccess(), Optional.of(e.getMessage()), Optional.of(clock.instant()),
                    backoff.failures(), Optional.of(clock.instant().plus(wait)));
            return wait;
        }
    }

    /** Whether a webhook notification asked for a poll before the interval is up. */
    public boolean pollSoon() {
        return pollSoon;
    }

    public VenStatus status() {
        return status;
    }

    public WebhookReceiver webhook() {
        return webhook;
    }

    /** The VTN's programs the site takes part in (those of the program filter), as last read. */
    public List<Program> programs() {
        return programs.values().stream().sorted(java.util.Comparator.comparing(Program::programName)).toList();
    }

    private void register() {
        if (venId.isEmpty()) {
            Ven ven = api.venByName(settings.venName()).orElseGet(() -> api.createVen(settings.venName()));
            venId = ven.meta().map(m -> m.id());
            if (venId.isEmpty()) {
                throw new VtnException(200, "POST /vens: the VTN returned the VEN without an id");
            }
        }
        if (!resourcesRegistered) {
            Set<String> known = new HashSet<>();
            api.resources(venId.get()).forEach(r -> known.add(r.resourceName()));
            for (DemandResponse.Resource resource : settings.resources()) {
                if (!known.contains(resource.name())) {
                    Resource created = api.createResource(resource.name(), venId.get());
                    known.add(created.resourceName());
                }
            }
            resourcesRegistered = true;
        }
    }

    private void subscribe() {
        if (subscribed || settings.callbackUrl().isEmpty()) {
            return;
        }
        Subscription request = new Subscription(Optional.empty(), Optional.empty(), settings.venName(), Optional.empty(),
                List.of(new Subscription.ObjectOperation(List.of(ObjectType.PROGRAM, ObjectType.EVENT),
                        List.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE), settings.callbackUrl().get(),
                        Optional.of(webhookToken))), settings.targets());
        Optional<Subscription> existing = api.subscriptions(settings.venName()).stream()
                .filter(s -> s.objectOperations().stream().anyMatch(o -> o.callbackUrl().equals(settings.callbackUrl().get())))
                .findFirst();
        if (existing.isPresent() && existing.get().meta().isPresent()) {
            api.updateSubscription(existing.get().meta().get().id(), request);
        } else {
            api.createSubscription(request);
        }
        subscribed = true;
    }

    private void poll() {
        OadrReader.Batch<Program> listed = api.programs();
        listed.problems().forEach(p -> refused("program " + p));
        for (Program program : listed.items()) {
            if (settings.program(program.programName()).isEmpty()) {
                continue;
            }
            programs.put(program.id(), program);
            OadrReader.Batch<Event> batch = api.events(program.id());
            Set<String> seen = new HashSet<>();
            for (String problem : batch.problems()) {
                refused("event " + problem);
                Matcher m = ITEM_ID.matcher(problem.replaceFirst("^GET /events item ", ""));
                if (m.find()) {
                    seen.add(m.group(1));
                }
            }
            for (Event event : batch.items()) {
                seen.add(event.id());
                offer(program, event);
            }
            for (String held : events.heldEventIds()) {
                if (events.programOf(held).filter(program.id()::equals).isPresent() && !seen.contains(held)) {
                    events.withdraw(EventSource.VTN, held, "no longer listed by the VTN (deleted)");
                }
            }
        }
    }

    private void offer(Program program, Event event) {
        DrEvents.Offer offer = events.offer(EventSource.VTN, program, event);
        if (offer == DrEvents.Offer.REFUSED) {
            refused("event " + event.id() + ": " + events.lastRefusal(event.id()).orElse("refused"));
        }
    }

    /**
     * Sends or updates the OPERATING_STATE reports of events that have not started (right after a re-plan); a VTN
     * that cannot be reached is noted in the status, and the next cycle tries again.
     */
    public synchronized void reportAhead() {
        try {
            sendAhead(clock.instant());
        } catch (VtnException e) {
            status = with(status.lastPoll().orElse(clock.instant()), false, status.lastSuccess(),
                    Optional.of(e.getMessage()), Optional.of(clock.instant()), status.consecutiveFailures(),
                    status.nextAttempt());
        }
    }

    /** A report sent ahead: the VTN's id and what was sent (empty: found on the VTN, content not known here). */
    private record SentAhead(String reportId, Optional<io.kelvin.greenpower.dr.oadr.Report> report) {
    }

    private void sendAhead(Instant now) {
        for (String eventId : events.heldEventIds()) {
            Optional<Event> event = events.event(eventId);
            Optional<DrState> state = events.state(eventId);
            if (event.isEmpty() || state.isEmpty() || !programs.containsKey(event.get().programId())) {
                continue;
            }
            Optional<ReportBuilder.Ahead> ahead = reports.ahead(event.get(), events.intervals(eventId), state.get(), now);
            if (ahead.isEmpty()) {
                continue;
            }
            ReportBuilder.Ahead a = ahead.get();
            SentAhead sent = sentAhead.get(a.key());
            if (sent == null && !lookedUpAhead.contains(a.key())) {
                // Before the event starts, this VEN's only report of that name on the VTN is the one sent ahead.
                sent = api.reports(eventId, settings.venName()).stream()
                        .filter(r -> r.reportName().equals(a.report().reportName()) && r.meta().isPresent())
                        .findFirst().map(r -> new SentAhead(r.meta().get().id(), Optional.empty())).orElse(null);
                if (sent != null) {
                    sentAhead.put(a.key(), sent);
                }
                lookedUpAhead.add(a.key());
            }
            if (sent == null && a.shortfall().isPresent()) {
                var posted = api.postReport(a.report());
                String id = posted.meta().map(m -> m.id()).orElseThrow(
                        () -> new VtnException(200, "POST /reports: the VTN returned the report without an id"));
                sentAhead.put(a.key(), new SentAhead(id, Optional.of(a.report())));
            } else if (sent != null && !sent.report().equals(Optional.of(a.report()))) {
                api.updateReport(sent.reportId(), a.report());
                sentAhead.put(a.key(), new SentAhead(sent.reportId(), Optional.of(a.report())));
            }
        }
    }

    private void sendReports() {
        Instant now = clock.instant();
        sendAhead(now);
        for (String eventId : events.heldEventIds()) {
            Optional<Event> event = events.event(eventId);
            Optional<DrState> state = events.state(eventId);
            // Only the VTN's events: events of Kelvin's own grid API share the lifecycle, not the VTN.
            if (event.isEmpty() || state.isEmpty() || event.get().reportDescriptors().isEmpty()
                    || !programs.containsKey(event.get().programId())) {
                continue;
            }
            for (ReportBuilder.Due due : reports.due(event.get(), events.intervals(eventId), state.get(), now)) {
                if (!sentReports.contains(due.key())) {
                    api.postReport(due.report());
                    sentReports.add(due.key());
                }
            }
        }
    }

    private void notified(Notification notification) {
        switch (notification.objectType()) {
            case PROGRAM -> {
                if (notification.object() instanceof Program program && settings.program(program.programName()).isPresent()) {
                    programs.put(program.id(), program);
                }
            }
            case EVENT -> {
                if (notification.object() instanceof Event event) {
                    if (notification.operation() == Operation.DELETE) {
                        events.withdraw(EventSource.VTN, event.id(), "deleted on the VTN (notification)");
                    } else {
                        Optional.ofNullable(programs.get(event.programId())).ifPresentOrElse(p -> offer(p, event),
                                () -> pollSoon = true);
                    }
                }
            }
            default -> {
                // Reports, subscriptions, vens and resources change nothing Kelvin acts on.
            }
        }
        status = new VenStatus(status.connected(), status.venId(), status.lastPoll(), status.lastSuccess(),
                status.lastError(), status.lastErrorAt(), status.consecutiveFailures(), status.nextAttempt(),
                events.heldEventIds().size(), status.webhookSubscribed(), status.lastRefusal());
    }

    private void refused(String what) {
        VenStatus s = status;
        status = new VenStatus(s.connected(), s.venId(), s.lastPoll(), s.lastSuccess(), s.lastError(), s.lastErrorAt(),
                s.consecutiveFailures(), s.nextAttempt(), s.knownEvents(), s.webhookSubscribed(), Optional.of(what));
    }

    private VenStatus with(Instant poll, boolean connected, Optional<Instant> success, Optional<String> error,
                           Optional<Instant> errorAt, int failures, Optional<Instant> next) {
        return new VenStatus(connected, venId, Optional.of(poll), success, error, errorAt, failures, next,
                events.heldEventIds().size(), subscribed, status.lastRefusal());
    }
}
