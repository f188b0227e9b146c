package io.kelvin.web.dr;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrPlanning;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.dr.AuditedDrEventStore;
import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.EventResolver;
import io.kelvin.greenpower.dr.EventToShow;
import io.kelvin.greenpower.dr.TimedInterval;
import io.kelvin.greenpower.dr.baseline.EventPerformance;
import io.kelvin.greenpower.dr.baseline.EventTimeline;
import io.kelvin.greenpower.dr.grid.GridApi;
import io.kelvin.greenpower.dr.grid.WebhookNotifier;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.ven.MeterReportSource;
import io.kelvin.greenpower.dr.ven.ReportBuilder;
import io.kelvin.greenpower.dr.ven.TokenSource;
import io.kelvin.greenpower.dr.ven.VenClient;
import io.kelvin.greenpower.dr.ven.VtnApi;
import io.kelvin.greenpower.dr.ven.VtnException;
import io.kelvin.greenpower.dr.ven.VtnHttp;
import io.kelvin.greenpower.dr.ven.WebhookReceiver;
import io.kelvin.state.JdbcDrEventStore;
import io.kelvin.state.JdbcGridObjectStore;
import io.kelvin.core.retry.Backoff;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.web.runtime.StateDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Wires demand response when the site file has a {@code demandResponse:} section: the event lifecycle
 * ({@link DrEvents}) kept in the state database ({@link JdbcDrEventStore}) with Kelvin's own steps in the
 * audit trail, the VEN client polling the VTN on its own thread (at the poll interval, or the client's
 * backoff), the webhook receiver for the VTN's notifications (its bearer token is made at each start and
 * given to the VTN in the subscription) when the site names a VTN, and re-plans through {@link DrPlanning} whenever the directives
 * in force change (on one thread, the newest set only); after each, what it cannot keep of an event not yet started goes
 * out at once in the OPERATING_STATE report ahead (VTN and grid API). Kelvin's own grid API ({@link GridApi}) is a second
 * source of events for the same lifecycle (the only one for a site without a VTN). Without the section everything here is empty.
 */
@ApplicationScoped
public class DemandResponseRuntime {

    private static final Logger LOG = Logger.getLogger(DemandResponseRuntime.class);
    /** How far ahead events are resolved into directives (the planner's horizon is shorter). */
    static final Duration HORIZON = Duration.ofHours(48);
    private static final Duration REPORT_STEP = Duration.ofMinutes(15);
    private static final Duration RETRY_AFTER_BUG = Duration.ofSeconds(30);
    private static final Duration GRID_REPORT_EVERY = Duration.ofSeconds(30);
    private static final Duration GRID_WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    private static final int GRID_WEBHOOK_ATTEMPTS = 6;

    /** The running parts, when the site has demand response; no VEN client without a VTN. */
    private record Running(DemandResponse settings, DrEventStore store, DrEvents events, Optional<VenClient> client) {
    }

    private final Site site;
    private final StateDatabase database;
    private final AuditLog audit;
    private final DrPlanning planning;
    private final InstantSource clock;
    private final TelemetryStore telemetry;
    private final AtomicReference<List<DrDirective>> pending = new AtomicReference<>();
    private final ScheduledExecutorService venThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kelvin-ven"));
    private final ScheduledExecutorService replanThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kelvin-dr-replan"));
    private final ScheduledExecutorService gridThread = Executors.newScheduledThreadPool(2, r -> daemon(r, "kelvin-grid-api"));
    private volatile Running running;
    private volatile GridApi grid;
    private volatile Optional<DrPlanOutcome> lastOutcome = Optional.empty();

    DemandResponseRuntime(Site site, StateDatabase database, AuditLog audit, DrPlanning planning, InstantSource clock,
                          TelemetryStore telemetry) {
        this.site = site;
        this.database = database;
        this.audit = audit;
        this.planning = planning;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    void onStart(@Observes StartupEvent event) {
        site.demandResponse().ifPresent(this::start);
    }

    void onStop(@Observes ShutdownEvent event) {
        venThread.shutdownNow();
        replanThread.shutdownNow();
        gridThread.shutdownNow();
        try {
            venThread.awaitTermination(5, TimeUnit.SECONDS);
            replanThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void start(DemandResponse settings) {
        if (running != null) {
            return;
        }
        var store = new AuditedDrEventStore(new JdbcDrEventStore(database.dataSource()), audit,
                settings.vtnUrl().map(URI::getHost).orElse("-"));
        DrEvents events = new DrEvents(settings, store, new EventResolver(settings.venName(), HORIZON), clock,
                this::directivesChanged);
        Optional<VenClient> client = settings.vtnUrl().map(vtn -> {
            VtnHttp http = new VtnHttp(vtn, settings.requestTimeout());
            TokenSource tokens = new TokenSource(http, settings.tokenUrl(), settings.clientId().orElseThrow(),
                    () -> secret(settings), clock);
            return new VenClient(settings, new VtnApi(http, tokens, settings.targets()), events,
                    new MeterReportSource(site, telemetry, REPORT_STEP, Set.of(), this::shortfall), clock, webhookToken());
        });
        running = new Running(settings, store, events, client);
        if (settings.gridApi()) {
            startGridApi(settings, events);
        }
        LOG.infof("Demand response: VEN '%s', %s, grid API %s, programs %s", settings.venName(),
                settings.vtnUrl().map(vtn -> "VTN " + vtn).orElse("no VTN configured"),
                settings.gridApi() ? "on" : "off",
                settings.programs().stream().map(DemandResponse.Program::name).toList());
        if (client.isPresent()) {
            venThread.execute(this::cycle);
        }
    }

    /**
     * Kelvin's own OpenADR 3.1 grid API: a second source of events for the same {@link DrEvents}, its objects
     * in the state database, webhook notifications and Kelvin's reports on the grid API's own threads.
     */
    private void startGridApi(DemandResponse settings, DrEvents events) {
        WebhookNotifier notifier = new WebhookNotifier(gridThread, GRID_WEBHOOK_TIMEOUT, GRID_WEBHOOK_ATTEMPTS,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)));
        ReportBuilder reports = new ReportBuilder(new MeterReportSource(site, telemetry, REPORT_STEP, Set.of(), this::shortfall),
                settings.venName(), settings.resources().stream().map(DemandResponse.Resource::name).toList());
        GridApi api = new GridApi(new JdbcGridObjectStore(database.dataSource()), events, clock, notifier, reports,
                settings.venName());
        grid = api;
        gridThread.scheduleWithFixedDelay(() -> {
            try {
                api.publishReports();
            } catch (RuntimeException e) {
                LOG.error("Publishing Kelvin's reports to the grid API failed; trying again next round", e);
            }
        }, GRID_REPORT_EVERY.toSeconds(), GRID_REPORT_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Kelvin's own grid API, when demand response is configured. */
    public Optional<GridApi> gridApi() {
        return Optional.ofNullable(grid);
    }

    /** Whether the site file configures demand response. */
    public boolean configured() {
        return running != null;
    }

    /** The VEN client's state, when the site polls a VTN. */
    public Optional<VenStatus> venStatus() {
        return Optional.ofNullable(running).flatMap(Running::client).map(VenClient::status);
    }

    /**
     * Where events come from, in words: "no VTN configured, grid API on" for a site with only the grid API,
     * "VTN https://..., grid API on|off" otherwise, "not configured" without demand response.
     */
    public String sources() {
        Running r = running;
        if (r == null) {
            return "not configured";
        }
        return r.settings().vtnUrl().map(vtn -> "VTN " + vtn).orElse("no VTN configured")
                + ", grid API " + (r.settings().gridApi() ? "on" : "off");
    }

    public Optional<DemandResponse> settings() {
        return Optional.ofNullable(running).map(Running::settings);
    }

    /** The VTN's programs the site takes part in, as last read. */
    public List<Program> programs() {
        Running r = running;
        return r == null ? List.of() : r.client().map(VenClient::programs).orElse(List.of());
    }

    /** Every event's newest status, oldest received first. */
    public List<DrEventStatus> events() {
        Running r = running;
        return r == null ? List.of() : r.store().all();
    }

    public List<DrTransition> history(String eventId) {
        return running == null ? List.of() : running.events().history(eventId);
    }

    /** The event's span {@code [start, end)} as far as it is placed in time, while the site holds the event. */
    public Optional<Span> span(String eventId) {
        if (running == null) {
            return Optional.empty();
        }
        List<TimedInterval> intervals = running.events().intervals(eventId);
        return intervals.isEmpty() ? Optional.empty()
                : Optional.of(new Span(intervals.getFirst().start(), intervals.getLast().end()));
    }

    public record Span(Instant start, Instant end) {
    }

    /** The outcome of the newest DR re-plan, if one ran. */
    public Optional<DrPlanOutcome> lastOutcome() {
        return lastOutcome;
    }

    /** What the newest DR re-plan cannot keep of the event's caps; empty when it keeps them or none ran. */
    public Optional<DrPlanOutcome.Shortfall> shortfall(String eventId) {
        return lastOutcome.flatMap(o -> o.shortfalls().stream().filter(s -> s.event().eventId().equals(eventId))
                .findFirst());
    }

    /** The webhook receiver, when demand response is configured. */
    public Optional<WebhookReceiver> webhook() {
        return Optional.ofNullable(running).flatMap(Running::client).map(VenClient::webhook);
    }

    /** A webhook notification asked for a poll (an event of a program not yet read): poll now. */
    public void pollIfAsked() {
        Optional<VenClient> client = Optional.ofNullable(running).flatMap(Running::client);
        if (client.isPresent() && client.get().pollSoon()) {
            venThread.execute(() -> client.get().runOnce());
        }
    }

    /**
     * An operator opts the site out of an event (the reason is required) and the step is put on record with
     * the operator and their address, whether it was done or refused.
     */
    public DrTransition optOut(String eventId, String reason, Actor actor, String address) {
        Running r = running;
        if (r == null) {
            throw new NoSuchEntryException("demand response is not configured on this site (no demandResponse: in the site file)");
        }
        if (r.events().state(eventId).isEmpty()) {
            throw new NoSuchEntryException("no demand-response event '" + eventId + "'");
        }
        DrTransition step = r.events().optOut(eventId, actor.name(), reason);
        try {
            audit.record(AuditedDrEventStore.entry(step, actor, address));
        } catch (RuntimeException e) {
            LOG.errorf("Could not put the opt-out of %s on record: %s", eventId, e.getMessage());
        }
        return step;
    }

    /**
     * An operator opts the site back into an event it opted out of (the reason is required); the step is put
     * on record with the operator and their address, whether it was done or refused.
     */
    public DrTransition optBackIn(String eventId, String reason, Actor actor, String address) {
        DrEvents events = held(eventId);
        DrTransition step = events.optBackIn(eventId, actor.name(), reason);
        try {
            audit.record(AuditedDrEventStore.entry(step, actor, address));
        } catch (RuntimeException e) {
            LOG.errorf("Could not put the opt-back-in of %s on record: %s", eventId, e.getMessage());
        }
        return step;
    }

    /**
     * The event on a timeline against the site's metered grid import, its cap and its baseline, with
     * delivered versus requested curtailment per cap interval ({@link EventTimeline}); the span is the
     * event's import caps', else its intervals'. Empty when the event's span is not known (neither).
     */
    public Optional<EventTimeline.Timeline> timeline(String eventId) {
        Running r = running;
        held(eventId);
        ZoneId zone = site.info().timezone();
        Map<String, List<DrSignal.CapLimit>> capsByEvent = new TreeMap<>();
        for (DrEventStatus status : r.store().all()) {
            List<DrSignal.CapLimit> caps = r.store().caps(status.ref().eventId()).stream()
                    .filter(c -> c.direction() == DrSignal.Direction.IMPORT).toList();
            if (!caps.isEmpty()) {
                capsByEvent.put(status.ref().eventId(), caps);
            }
        }
        List<DrSignal.CapLimit> caps = capsByEvent.getOrDefault(eventId, List.of());
        Optional<Span> span = caps.isEmpty() ? span(eventId)
                : Optional.of(new Span(caps.stream().map(DrSignal.CapLimit::start).min(Comparator.naturalOrder()).orElseThrow(),
                        caps.stream().map(DrSignal.CapLimit::end).max(Comparator.naturalOrder()).orElseThrow()));
        List<PointId> points = site.meters(MeterRole.GRID_IMPORT).stream().map(Meter::point).toList();
        return span.map(s -> EventTimeline.of(telemetry, points, s.start(), s.end(), caps, zone,
                EventPerformance.excludedDays(eventId, capsByEvent, zone)));
    }

    /** Now, by the app's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The event to show first ({@link EventToShow}: the one under way, else the next, else the latest). */
    public Optional<String> eventToShow() {
        List<EventToShow.Candidate> candidates = events().stream().map(s -> {
            Optional<Span> span = span(s.ref().eventId());
            return new EventToShow.Candidate(s.ref().eventId(), s.state(), span.map(Span::start), span.map(Span::end));
        }).toList();
        return EventToShow.choose(candidates, clock.instant());
    }

    /** The site's time zone (the view's and the baseline's days). */
    public ZoneId zone() {
        return site.info().timezone();
    }

    /** The lifecycle holding the event; NoSuchEntryException (404) without demand response or for an unknown id. */
    private DrEvents held(String eventId) {
        Running r = running;
        if (r == null) {
            throw new NoSuchEntryException("demand response is not configured on this site (no demandResponse: in the site file)");
        }
        if (r.events().state(eventId).isEmpty()) {
            throw new NoSuchEntryException("no demand-response event '" + eventId + "'");
        }
        return r.events();
    }

    private void cycle() {
        VenClient client = running.client().orElseThrow();
        Duration wait;
        try {
            wait = client.runOnce();
            if (client.pollSoon()) {
                wait = Duration.ofSeconds(1);
            }
        } catch (RuntimeException e) {
            LOG.error("The VEN cycle failed; trying again in " + RETRY_AFTER_BUG, e);
            wait = RETRY_AFTER_BUG;
        }
        if (!venThread.isShutdown()) {
            venThread.schedule(this::cycle, Math.max(wait.toMillis(), 100), TimeUnit.MILLISECONDS);
        }
    }

    /** Called by DrEvents (under its lock) when the directives in force change: re-plan on the DR thread. */
    private void directivesChanged(List<DrDirective> directives) {
        pending.set(directives);
        if (!replanThread.isShutdown()) {
            replanThread.execute(this::replanPending);
        }
    }

    private void replanPending() {
        List<DrDirective> directives = pending.getAndSet(null);
        Running r = running;
        if (directives == null || r == null) {
            return;
        }
        try {
            DrPlanOutcome outcome = planning.replanFor(directives);
            lastOutcome = Optional.of(outcome);
            reportAhead();
            for (DrDirective directive : directives) {
                String eventId = directive.ref().eventId();
                Optional<DrPlanOutcome.Shortfall> shortfall = outcome.shortfalls().stream()
                        .filter(s -> s.event().eventId().equals(eventId)).findFirst();
                if (shortfall.isEmpty() && outcome.planId() == 0) {
                    // No plan: the event's caps lie outside the horizon, or no plan passed the checker.
                    r.events().replanned(eventId, "no plan made: the caps lie beyond the planning horizon or no plan"
                            + " passed the checker (re-planned in " + outcome.replanTime().toMillis() + " ms)");
                } else if (shortfall.isEmpty()) {
                    r.events().replanned(eventId, "plan " + outcome.planId() + " keeps the caps (re-planned in "
                            + outcome.replanTime().toMillis() + " ms)");
                } else {
                    DrPlanOutcome.Shortfall s = shortfall.get();
                    LOG.warnf("DR event %s: the plan exceeds the cap by up to %.0f kW, %.1f kWh in all, from %s to %s;"
                            + " jobs that would miss: %s", directive.ref(), s.peakKw(), s.excessKwh(), s.from(), s.to(),
                            s.jobsMissed());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Re-planning for demand response failed", e);
        }
    }

    /**
     * Tells the VTN and the grid API's readers at once, before an event starts, what the newest re-plan cannot keep
     * of its caps (or that it now can): the OPERATING_STATE reports sent ahead, each on its own thread.
     */
    private void reportAhead() {
        Optional.ofNullable(running).flatMap(Running::client).ifPresent(client -> {
            if (!venThread.isShutdown()) {
                venThread.execute(client::reportAhead);
            }
        });
        GridApi api = grid;
        if (api != null && !gridThread.isShutdown()) {
            gridThread.execute(() -> {
                try {
                    api.publishReports();
                } catch (RuntimeException e) {
                    LOG.error("Publishing Kelvin's reports to the grid API after a re-plan failed; trying again next round", e);
                }
            });
        }
    }

    private static String secret(DemandResponse settings) {
        if (settings.secretEnv().isPresent()) {
            String value = System.getenv(settings.secretEnv().get());
            if (value == null || value.isBlank()) {
                throw new VtnException(0, "demandResponse.secretEnv: environment variable "
                        + settings.secretEnv().get() + " is not set");
            }
            return value.strip();
        }
        try {
            return Files.readAllLines(settings.secretFile().orElseThrow()).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new VtnException(0, "demandResponse.secretFile: cannot read " + settings.secretFile().get() + ": "
                    + e.getMessage());
        }
    }

    private static String webhookToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
