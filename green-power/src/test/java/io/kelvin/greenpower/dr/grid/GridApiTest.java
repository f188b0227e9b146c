package io.kelvin.greenpower.dr.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.GridObjectType;
import io.kelvin.core.retry.Backoff;
import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.EventResolver;
import io.kelvin.greenpower.dr.InMemoryDrEventStore;
import io.kelvin.greenpower.dr.ven.ReportBuilder;
import io.kelvin.greenpower.dr.ven.ReportSource;
import io.kelvin.testkit.SettableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kelvin's own grid API on an in-memory store: objects get server-set metadata, bad bodies are refused
 * by field with nothing kept, events go through the same lifecycle as a VTN's, reports are published once,
 * and subscribers' webhooks on loopback get notifications, a failing one retried without holding up the rest.
 */
class GridApiTest {

    private static final Instant NOW = DrFixtures.T0.plus(Duration.ofHours(1));

    private final SettableClock clock = new SettableClock(NOW);
    private final AtomicReference<List<DrDirective>> directives = new AtomicReference<>(List.of());
    private final InMemoryGridObjectStore store = new InMemoryGridObjectStore();
    private final InMemoryDrEventStore lifecycle = new InMemoryDrEventStore();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final WebhookNotifier notifier = new WebhookNotifier(executor, Duration.ofSeconds(2), 3,
            () -> new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
    private DrEvents events;
    private GridApi api;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger failing = new java.util.concurrent.atomic.AtomicInteger();
    /** What the newest re-plan cannot keep, as the report source gives it. */
    private final AtomicReference<Optional<DrPlanOutcome.Shortfall>> shortfall = new AtomicReference<>(Optional.empty());

    @BeforeEach
    void start() throws IOException {
        events = new DrEvents(DrFixtures.settings(URI.create("http://127.0.0.1:9"), Optional.empty()), lifecycle,
                new EventResolver("demo-aidc", Duration.ofHours(48)), clock, directives::set);
        ReportSource meters = new ReportSource() {
            public OptionalDouble demandKw(String resource, Instant from, Instant to) {
                return OptionalDouble.of(7000);
            }

            public OptionalDouble baselineKw(String resource, String eventId, Instant from, Instant to) {
                return OptionalDouble.of(9500);
            }

            public Optional<DrPlanOutcome.Shortfall> shortfall(String eventId) {
                return shortfall.get().filter(s -> s.event().eventId().equals(eventId));
            }
        };
        api = new GridApi(store, events, clock, notifier, new ReportBuilder(meters, "demo-aidc", List.of("site-main")),
                "demo-aidc");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/broken", exchange -> {
            failing.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        executor.shutdownNow();
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode done(GridResult result) {
        assertThat(result).isInstanceOf(GridResult.Done.class);
        return ((GridResult.Done) result).body();
    }

    private String program() {
        return done(api.create(GridObjectType.PROGRAM, """
                {"programName": "CPP-2026", "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR",
                 "payloadType": "IMPORT_CAPACITY_LIMIT", "units": "KW"}]}""", "grid-1")).get("id").asText();
    }

    private static String capEvent(String programId, String start, double kw) {
        return """
                {"programID": "%s", "eventName": "peak cut", "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "reportDescriptors": [{"payloadType": "USAGE", "units": "KWH"}],
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [%s]}]}]}"""
                .formatted(programId, start, kw);
    }

    @Test
    void aProgramGetsItsIdTimesAndObjectTypeFromTheServerAndItsNameIsUnique() {
        JsonNode program = done(api.create(GridObjectType.PROGRAM, "{\"programName\": \"CPP-2026\", \"id\": \"mine\"}",
                "grid-1"));

        assertThat(program.get("id").asText()).startsWith("program-").isNotEqualTo("mine");
        assertThat(program.get("objectType").asText()).isEqualTo("PROGRAM");
        assertThat(program.get("createdDateTime").asText()).isEqualTo("2026-07-01T01:00:00Z");
        assertThat(program.get("modificationDateTime").asText()).isEqualTo("2026-07-01T01:00:00Z");
        assertThat(api.create(GridObjectType.PROGRAM, "{\"programName\": \"CPP-2026\"}", "grid-1"))
                .isInstanceOfSatisfying(GridResult.Conflict.class, c -> assertThat(c.detail()).startsWith("programName:"));
    }

    @Test
    void aBadBodyIsRefusedNamingEachFieldAndNothingIsKept() {
        String programId = program();

        GridResult result = api.create(GridObjectType.EVENT, """
                {"programID": "%s", "priority": -1, "duration": "one hour",
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [-5]}]}]}"""
                .formatted(programId), "grid-1");

        assertThat(result).isInstanceOfSatisfying(GridResult.Invalid.class, invalid -> assertThat(invalid.problems())
                .anyMatch(p -> p.startsWith("priority:")).anyMatch(p -> p.startsWith("duration:"))
                .anyMatch(p -> p.startsWith("intervals[0].payloads[0].values[0]:")));
        assertThat(api.create(GridObjectType.PROGRAM, "{\"programName\": 5}", "grid-1"))
                .isInstanceOfSatisfying(GridResult.Invalid.class, i -> assertThat(i.detail()).startsWith("programName:"));
        assertThat(api.create(GridObjectType.SUBSCRIPTION, """
                {"clientName": "grid", "objectOperations": [{"objects": ["EVENT"], "operations": ["FLY"],
                 "callbackUrl": "ftp://x/y"}]}""", "grid-1")).isInstanceOf(GridResult.Invalid.class);
        assertThat(done(api.list(GridObjectType.EVENT, GridQuery.all()))).isEmpty();
        assertThat(done(api.list(GridObjectType.SUBSCRIPTION, GridQuery.all()))).isEmpty();
        assertThat(lifecycle.all()).isEmpty();
    }

    @Test
    void anEventCreatedHereGoesThroughTheSameLifecycleAsAVtnsAndAnUpdateSupersedesIt() {
        String programId = program();

        JsonNode event = done(api.create(GridObjectType.EVENT, capEvent(programId, "2026-07-01T03:00:00Z", 8000), "grid-1"));
        String id = event.get("id").asText();

        assertThat(events.state(id)).contains(DrState.OPTED_IN);
        assertThat(directives.get()).singleElement().satisfies(d -> assertThat(d.ref().eventId()).isEqualTo(id));
        assertThat(events.history(id)).extracting(t -> t.action()).containsExactly("receive", "acknowledge", "opt-in");

        clock.advance(Duration.ofSeconds(30));
        JsonNode updated = done(api.update(GridObjectType.EVENT, id, capEvent(programId, "2026-07-01T03:00:00Z", 6000),
                "grid-1"));
        assertThat(updated.get("createdDateTime")).isEqualTo(event.get("createdDateTime"));
        assertThat(updated.get("modificationDateTime").asText()).isEqualTo("2026-07-01T01:00:30Z");
        assertThat(events.history(id)).extracting(t -> t.to()).contains(DrState.SUPERSEDED);

        done(api.delete(GridObjectType.EVENT, id, "grid-1"));
        assertThat(events.state(id)).contains(DrState.CANCELLED);
        assertThat(api.get(GridObjectType.EVENT, id)).isInstanceOf(GridResult.NotFound.class);
    }

    @Test
    void anEventOfAnUnknownProgramIsAConflictNamingProgramId() {
        assertThat(api.create(GridObjectType.EVENT, capEvent("no-such", "2026-07-01T03:00:00Z", 8000), "grid-1"))
                .isInstanceOfSatisfying(GridResult.Conflict.class, c -> assertThat(c.detail()).startsWith("programID:"));
    }

    @Test
    void listsPageAndFilterAsTheQuerySays() {
        String programId = program();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            done(api.create(GridObjectType.EVENT, capEvent(programId, "2026-07-01T0" + (3 + i) + ":00:00Z", 8000), "g"));
        }
        GridQuery page = new GridQuery(Optional.of(programId), Optional.empty(), Optional.empty(), List.of(), List.of(),
                false, 1, 1);
        assertThat(done(api.list(GridObjectType.EVENT, page))).hasSize(1);
        assertThat(done(api.list(GridObjectType.EVENT, new GridQuery(Optional.of("other"), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, 0, 50)))).isEmpty();
        assertThat(api.list(GridObjectType.EVENT, new GridQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), false, -1, 51))).isInstanceOfSatisfying(GridResult.Invalid.class,
                i -> assertThat(i.problems()).anyMatch(p -> p.startsWith("skip:")).anyMatch(p -> p.startsWith("limit:")));
    }

    @Test
    void kelvinPublishesTheReportsAnEventAsksForOnceEachAndSubscribersAreNotified() {
        String programId = program();
        done(api.create(GridObjectType.SUBSCRIPTION, """
                {"clientName": "grid", "objectOperations": [{"objects": ["REPORT", "EVENT"],
                 "operations": ["CREATE", "UPDATE"], "callbackUrl": "%s", "bearerToken": "tok-1"},
                 {"objects": ["EVENT"], "operations": ["CREATE"], "callbackUrl": "%s"}]}"""
                .formatted(hook("/hook"), hook("/broken")), "grid-1"));
        String eventId = done(api.create(GridObjectType.EVENT, capEvent(programId, "2026-07-01T01:00:00Z", 8000),
                "grid-1")).get("id").asText();

        assertThat(api.publishReports()).as("not due before the interval ends").isZero();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        events.tick();
        assertThat(api.publishReports()).isEqualTo(1);
        assertThat(api.publishReports()).as("once").isZero();

        JsonNode reports = done(api.list(GridObjectType.REPORT, new GridQuery(Optional.of(programId),
                Optional.of(eventId), Optional.empty(), List.of(), List.of(), false, 0, 50)));
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.get("clientID").asText()).isEqualTo(GridApi.KELVIN);
            assertThat(r.get("clientName").asText()).isEqualTo("demo-aidc");
            assertThat(r.get("objectType").asText()).isEqualTo("REPORT");
            assertThat(r.toString()).contains("USAGE");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        assertThat(received).anySatisfy(n -> assertThat(n).contains("\"objectType\":\"EVENT\"")
                .contains("\"operation\":\"CREATE\""));
        assertThat(received).anySatisfy(n -> assertThat(n).contains("\"objectType\":\"REPORT\""));
        assertThat(received).allSatisfy(n -> assertThat(NotificationSchema.problems(n)).as(n).isEmpty());
        assertThat(tokens).containsOnly("Bearer tok-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifier.failed() == 1);
        assertThat(failing.get()).as("the broken webhook was tried as often as allowed").isEqualTo(3);
    }

    @Test
    void aShortfallKnownBeforeTheEventStartsIsInGetReportsAtOnceAndReplacedWhenItChangesOrGoes() {
        String programId = program();
        done(api.create(GridObjectType.SUBSCRIPTION, """
                {"clientName": "grid", "objectOperations": [{"objects": ["REPORT"], "operations": ["CREATE", "UPDATE"],
                 "callbackUrl": "%s", "bearerToken": "tok-2"}]}""".formatted(hook("/hook")), "grid-1"));
        Instant start = NOW.plus(Duration.ofHours(2));
        String eventId = done(api.create(GridObjectType.EVENT, """
                {"programID": "%s", "eventName": "peak cut", "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "reportDescriptors": [{"payloadType": "OPERATING_STATE"}],
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [8000]}]}]}"""
                .formatted(programId, start), "grid-1")).get("id").asText();
        EventRef ref = new EventRef(programId, eventId, NOW);
        GridQuery reportsOfEvent = new GridQuery(Optional.of(programId), Optional.of(eventId), Optional.empty(), List.of(),
                List.of(), false, 0, 50);

        assertThat(api.publishReports()).as("the caps can be kept: nothing to tell").isZero();
        assertThat(done(api.list(GridObjectType.REPORT, reportsOfEvent))).isEmpty();

        shortfall.set(Optional.of(new DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(1)), 420.5, 315.25,
                List.of("train-7"), true)));
        assertThat(api.publishReports()).isEqualTo(1);
        assertThat(clock.instant()).isBefore(start);
        JsonNode first = done(api.list(GridObjectType.REPORT, reportsOfEvent));
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.get("clientID").asText()).isEqualTo(GridApi.KELVIN);
            assertThat(payloads(r).keySet()).containsExactly("OPERATING_STATE", ReportBuilder.SHORTFALL_KW,
                    ReportBuilder.SHORTFALL_KWH, ReportBuilder.JOBS_MISSED, ReportBuilder.SHORTFALL_PROVEN);
            assertThat(payloads(r).get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(420.5);
        });
        String id = first.get(0).get("id").asText();
        assertThat(api.publishReports()).as("unchanged: not again").isZero();

        clock.advance(Duration.ofMinutes(5));
        shortfall.set(Optional.of(new DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(1)), 120.0, 60.0,
                List.of(), false)));
        assertThat(api.publishReports()).isEqualTo(1);
        assertThat(done(api.list(GridObjectType.REPORT, reportsOfEvent))).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(payloads(r).get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(120.0);
            assertThat(r.get("createdDateTime")).isEqualTo(first.get(0).get("createdDateTime"));
            assertThat(r.get("modificationDateTime")).isNotEqualTo(first.get(0).get("modificationDateTime"));
        });

        shortfall.set(Optional.empty());
        assertThat(api.publishReports()).isEqualTo(1);
        assertThat(done(api.list(GridObjectType.REPORT, reportsOfEvent))).singleElement()
                .satisfies(r -> assertThat(payloads(r).keySet()).containsExactly("OPERATING_STATE"));
        assertThat(api.publishReports()).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        assertThat(received).filteredOn(n -> n.contains("\"objectType\":\"REPORT\"")).extracting(
                n -> n.contains("\"operation\":\"CREATE\"") ? "CREATE" : "UPDATE").containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(received).allSatisfy(n -> assertThat(NotificationSchema.problems(n)).as(n).isEmpty());
    }

    @Test
    void theNotificationSchemaTheWebhookBodiesAreCheckedAgainstRefusesABrokenOne() {
        String programId = program();
        done(api.create(GridObjectType.SUBSCRIPTION, """
                {"clientName": "grid", "objectOperations": [{"objects": ["PROGRAM", "EVENT", "SUBSCRIPTION"],
                 "operations": ["CREATE", "UPDATE", "DELETE"], "callbackUrl": "%s"}]}""".formatted(hook("/hook")), "grid-1"));
        String eventId = done(api.create(GridObjectType.EVENT, capEvent(programId, "2026-07-01T03:00:00Z", 7000),
                "grid-1")).get("id").asText();
        done(api.update(GridObjectType.EVENT, eventId, capEvent(programId, "2026-07-01T03:00:00Z", 6500), "grid-1"));
        api.delete(GridObjectType.EVENT, eventId, "grid-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .filter(n -> n.contains("\"operation\":\"DELETE\"")).count() >= 1);
        assertThat(received).as("each checked against the document").isNotEmpty()
                .allSatisfy(n -> assertThat(NotificationSchema.problems(n)).as(n).isEmpty());
        String sent = received.stream().filter(n -> n.contains("\"operation\":\"DELETE\"")).findFirst().orElseThrow();
        assertThat(NotificationSchema.problems(sent.replace("\"operation\":\"DELETE\"", "\"operation\":\"PATCH\"")))
                .isNotEmpty();
        assertThat(NotificationSchema.problems(sent.replace("\"programID\":", "\"programId\":"))).as("an event without programID")
                .isNotEmpty();
    }

    private static java.util.Map<String, JsonNode> payloads(JsonNode report) {
        java.util.Map<String, JsonNode> byType = new java.util.LinkedHashMap<>();
        report.get("resources").get(0).get("intervals").get(0).get("payloads")
                .forEach(p -> byType.put(p.get("type").asText(), p.get("values")));
        return byType;
    }
}
