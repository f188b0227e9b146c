package io.kelvin.greenpower.dr.ven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.VenStatus;
import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.EventResolver;
import io.kelvin.greenpower.dr.InMemoryDrEventStore;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import io.kelvin.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kelvin's VEN client end to end against a VTN the test runs, placed behind {@code prism proxy
 * --errors} with Kelvin's copy of the OpenADR 3.1 document: every request Kelvin sends and every
 * answer it gets is validated against the document, and a violation turns into an error the client
 * would see ({@link ProxySpec} says the one place the document contradicts itself). One VTN, one Prism for the class; each test uses its own event ids.
 */
class VenClientEndToEndTest {

    private static TestVtn vtn;
    private static PeerProcess prism;
    private static URI proxied;

    @BeforeAll
    static void start() throws Exception {
        vtn = new TestVtn(FreePorts.loopback());
        int port = FreePorts.loopback();
        prism = InteropPeers.prismProxy(port, ProxySpec.write(), vtn.url());
        proxied = URI.create("http://127.0.0.1:" + port);
        vtn.publicBase = proxied.toString();
        vtn.addProgram(DrFixtures.program());
        vtn.addProgram(DrFixtures.otherProgram());
    }

    @AfterAll
    static void stop() {
        if (prism != null) {
            prism.close();
        }
        if (vtn != null) {
            vtn.close();
        }
    }

    private record Ven(VenClient client, DrEvents events, SettableClock clock, AtomicReference<List<DrDirective>> plan) {
    }

    private static Ven ven(Optional<URI> callback) {
        return ven(callback, Optional.empty());
    }

    private static Ven ven(Optional<URI> callback, Optional<io.kelvin.core.dr.DrPlanOutcome.Shortfall> shortfall) {
        return ven(callback, () -> shortfall);
    }

    private static Ven ven(Optional<URI> callback,
                           java.util.function.Supplier<Optional<io.kelvin.core.dr.DrPlanOutcome.Shortfall>> shortfall) {
        SettableClock clock = new SettableClock(DrFixtures.T0.plus(Duration.ofHours(1)));
        AtomicReference<List<DrDirective>> plan = new AtomicReference<>(List.of());
        var settings = DrFixtures.settings(proxied, callback);
        DrEvents events = new DrEvents(settings, new InMemoryDrEventStore(), new EventResolver("demo-aidc", Duration.ofHours(48)),
                clock, plan::set);
        VtnHttp http = new VtnHttp(proxied, Duration.ofSeconds(10));
        TokenSource tokens = new TokenSource(http, Optional.empty(), TestVtn.CLIENT_ID, () -> TestVtn.SECRET, clock);
        ReportSource meters = new ReportSource() {
            public OptionalDouble demandKw(String resource, Instant from, Instant to) {
                return OptionalDouble.of(7000);
            }

            public OptionalDouble baselineKw(String resource, String eventId, Instant from, Instant to) {
                return OptionalDouble.of(8500);
            }

            public Optional<io.kelvin.core.dr.DrPlanOutcome.Shortfall> shortfall(String eventId) {
                return shortfall.get().filter(s -> s.event().eventId().equals(eventId));
            }
        };
        VenClient client = new VenClient(settings, new VtnApi(http, tokens, List.of()), events, meters, clock, "hook-token-1");
        return new Ven(client, events, clock, plan);
    }

    @Test
    void pollingThroughAStrictProxyRegistersTheVenAndPlansTheEventsCap() {
        Ven ven = ven(Optional.empty());
        Instant start = DrFixtures.T0.plus(Duration.ofHours(18));
        vtn.putEvent(DrFixtures.capEvent("ev-poll", DrFixtures.T0, start, 2, 8000));

        Duration wait = ven.client().runOnce();

        VenStatus status = ven.client().status();
        assertThat(status.lastError()).as("the VTN's words, if any").isEmpty();
        assertThat(status.connected()).isTrue();
        assertThat(wait).isEqualTo(Duration.ofSeconds(60));
        assertThat(vtn.vens()).extracting(v -> v.get("venName").asText()).contains("demo-aidc");
        assertThat(vtn.resources()).extracting(r -> r.get("resourceName").asText()).contains("site-main");
        // IMPORT_CAPACITY_LIMIT 8000 KW over [18:00, 20:00) becomes one hard import cap of 8000 kW.
        assertThat(ven.plan().get()).flatExtracting(DrDirective::caps).anySatisfy(cap -> {
            assertThat(cap.kw()).isEqualTo(8000);
            assertThat(cap.start()).isEqualTo(start);
            assertThat(cap.end()).isEqualTo(start.plus(Duration.ofHours(2)));
            assertThat(cap.hard()).isTrue();
        });
    }

    @Test
    void anUpdatedEventReplacesItsCapAndTheSameVersionIsNeverActedOnTwice() {
        Ven ven = ven(Optional.empty());
        Instant start = DrFixtures.T0.plus(Duration.ofHours(20));
        vtn.putEvent(DrFixtures.capEvent("ev-update", DrFixtures.T0, start, 1, 9000));
        ven.client().runOnce();
        ven.client().runOnce();
        long receives = ven.events().history("ev-update").stream().filter(t -> t.action().equals("receive")).count();
        assertThat(receives).as("a second poll of the same version is not a new receipt").isEqualTo(1);

        vtn.putEvent(DrFixtures.capEvent("ev-update", DrFixtures.T0.plusSeconds(60), start, 1, 6000));
        ven.client().runOnce();

        assertThat(caps(ven, "ev-update")).containsExactly(6000.0);
        assertThat(ven.events().history("ev-update")).extracting(t -> t.to()).contains(DrState.SUPERSEDED);
    }

    @Test
    void anEventDeletedOnTheVtnIsCancelledAndItsCapLeavesThePlan() {
        Ven ven = ven(Optional.empty());
        vtn.putEvent(DrFixtures.capEvent("ev-delete", DrFixtures.T0, DrFixtures.T0.plus(Duration.ofHours(21)), 1, 7000));
        ven.client().runOnce();
        assertThat(caps(ven, "ev-delete")).containsExactly(7000.0);

        vtn.deleteEvent("ev-delete");
        ven.client().runOnce();

        assertThat(caps(ven, "ev-delete")).isEmpty();
        assertThat(ven.events().state("ev-delete")).contains(DrState.CANCELLED);
    }

    @Test
    void aVtnOutageMidEventKeepsTheEventsBacksOffAndCatchesUp() {
        Ven ven = ven(Optional.empty());
        Instant start = DrFixtures.T0.plus(Duration.ofHours(1));
        vtn.putEvent(DrFixtures.capEvent("ev-outage", DrFixtures.T0, start, 3, 8500));
        ven.client().runOnce();
        ven.clock().set(start.plus(Duration.ofMinutes(30)));

        vtn.down = true;
        try {
            Duration first = ven.client().runOnce();
            Duration second = ven.client().runOnce();
            // Backoff doubles from 1 s: 1 s, then 2 s.
            assertThat(first).isEqualTo(Duration.ofSeconds(1));
            assertThat(second).isEqualTo(Duration.ofSeconds(2));
            assertThat(ven.client().status().connected()).isFalse();
            assertThat(ven.client().status().lastError()).get().asString().contains("VTN down for maintenance");
            assertThat(caps(ven, "ev-outage")).as("the event is kept through the outage").containsExactly(8500.0);
            // Meanwhile the VTN changes the event; the client learns of it when the VTN is back.
            vtn.putEvent(DrFixtures.capEvent("ev-outage", DrFixtures.T0.plusSeconds(120), start, 3, 8000));
        } finally {
            vtn.down = false;
        }
        Duration after = ven.client().runOnce();

        assertThat(after).isEqualTo(Duration.ofSeconds(60));
        assertThat(ven.client().status().connected()).isTrue();
        assertThat(ven.client().status().consecutiveFailures()).isZero();
        assertThat(caps(ven, "ev-outage")).containsExactly(8000.0);
    }

    @Test
    void anExpiredTokenIsReplacedOnTheFirst401AndBeforeItsExpiry() {
        Ven ven = ven(Optional.empty());
        vtn.expiresIn = 120;
        try {
            ven.client().runOnce();
            int issued = vtn.tokensIssued.get();
            vtn.revokeTokens();
            ven.client().runOnce();
            assertThat(ven.client().status().lastError()).isEmpty();
            assertThat(vtn.tokensIssued.get()).as("a 401 fetched exactly one new token").isEqualTo(issued + 1);

            // expires_in 120 s: renewed 30 s before expiry, so at +100 s a new token is fetched first.
            ven.clock().advance(Duration.ofSeconds(100));
            ven.client().runOnce();
            assertThat(vtn.tokensIssued.get()).isEqualTo(issued + 2);
        } finally {
            vtn.expiresIn = 3600;
        }
    }

    @Test
    void aMalformedEventIsRefusedWithItsFieldNamedAndTheOthersGoOn() {
        // A document that breaks the OpenAPI schema itself never gets past the strict proxy; the unit
        // tests of OadrReader cover those. Here the event breaks the payload enumeration's rule.
        Ven ven = ven(Optional.empty());
        Event good = DrFixtures.capEvent("ev-good", DrFixtures.T0, DrFixtures.T0.plus(Duration.ofHours(22)), 1, 8800);
        vtn.putEvent(good);
        ObjectNode bad = OadrWriter.event(DrFixtures.capEvent("ev-bad", DrFixtures.T0, DrFixtures.T0.plus(Duration.ofHours(22)), 1, 1));
        // The OpenAPI document lets a value be any string; the IMPORT_CAPACITY_LIMIT enumeration wants a number.
        ((ObjectNode) bad.get("intervals").get(0).get("payloads").get(0)).putArray("values").add("a lot");
        vtn.putRawEvent("ev-bad", bad);
        try {
            ven.client().runOnce();
        } finally {
            vtn.deleteEvent("ev-bad");
        }

        assertThat(ven.client().status().connected()).isTrue();
        assertThat(ven.client().status().lastRefusal()).get().asString()
                .contains("ev-bad").contains("intervals[0].payloads[0].values[0]").contains("must be a number");
        assertThat(ven.events().state("ev-bad")).isEmpty();
        assertThat(caps(ven, "ev-good")).containsExactly(8800.0);
    }

    @Test
    void aReportIsPostedAsTheEventsDescriptorAsksOnceItsIntervalsAreOver() {
        Ven ven = ven(Optional.empty());
        Instant start = DrFixtures.T0.plus(Duration.ofHours(2));
        vtn.putEvent(DrFixtures.capEvent("ev-report", DrFixtures.T0, start, 1, 8000));
        ven.client().runOnce();
        int before = vtn.reports.size();
        ven.clock().set(start.plus(Duration.ofHours(1)).plusSeconds(1));

        ven.client().runOnce();
        ven.client().runOnce();

        assertThat(vtn.reports).hasSize(before + 1);
        var report = vtn.reports.getLast();
        assertThat(report.get("eventID").asText()).isEqualTo("ev-report");
        var payload = report.get("resources").get(0).get("intervals").get(0).get("payloads").get(0);
        // USAGE over one hour at a metered 7000 kW = 7000 kWh.
        assertThat(payload.get("type").asText()).isEqualTo("USAGE");
        assertThat(payload.get("values").get(0).asDouble()).isEqualTo(7000.0);
    }

    @Test
    void theOperatingStateReportTellsTheVtnWhatThePlanCannotKeepOfTheCap() {
        Instant start = DrFixtures.T0.plus(Duration.ofHours(2));
        var ref = new io.kelvin.core.dr.EventRef("prog-1", "ev-short", DrFixtures.T0);
        var shortfall = new io.kelvin.core.dr.DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(1)), 420.5,
                315.25, List.of("train-7", "train-9"), true);
        Ven ven = ven(Optional.empty(), Optional.of(shortfall));
        var cap = DrFixtures.capEvent("ev-short", DrFixtures.T0, start, 1, 8000);
        vtn.putEvent(new io.kelvin.greenpower.dr.oadr.Event(cap.meta(), cap.programId(), cap.eventName(), cap.duration(),
                cap.priority(), cap.targets(), List.of(io.kelvin.greenpower.dr.oadr.ReportDescriptor.of("OPERATING_STATE")),
                cap.payloadDescriptors(), cap.intervalPeriod(), cap.intervals()));
        ven.client().runOnce();
        ven.clock().set(start.plus(Duration.ofHours(1)).plusSeconds(1));

        ven.client().runOnce();
        ven.client().runOnce();

        var reports = vtn.reports.stream().filter(r -> r.get("eventID").asText().equals("ev-short")).toList();
        assertThat(reports).as("the one sent ahead of the event, then the one due after it, once each, through the"
                + " strict proxy").hasSize(2);
        var payloads = reports.getLast().get("resources").get(0).get("intervals").get(0).get("payloads");
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byType = new java.util.LinkedHashMap<>();
        payloads.forEach(p -> byType.put(p.get("type").asText(), p.get("values")));
        assertThat(byType.keySet()).containsExactly("OPERATING_STATE", ReportBuilder.SHORTFALL_KW,
                ReportBuilder.SHORTFALL_KWH, ReportBuilder.JOBS_MISSED, ReportBuilder.SHORTFALL_PROVEN);
        assertThat(byType.get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(420.5);
        assertThat(byType.get(ReportBuilder.SHORTFALL_KWH).get(0).asDouble()).isEqualTo(315.25);
        assertThat(byType.get(ReportBuilder.JOBS_MISSED)).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("train-7", "train-9");
        assertThat(byType.get(ReportBuilder.SHORTFALL_PROVEN).get(0).asBoolean()).isTrue();
    }

    @Test
    void aShortfallKnownBeforeTheEventStartsIsPostedAtOnceInTheOperatingStateReportAndUpdatedWhenItChangesOrGoes() {
        Instant start = DrFixtures.T0.plus(Duration.ofHours(3));
        var ref = new io.kelvin.core.dr.EventRef("prog-1", "ev-ahead", DrFixtures.T0);
        AtomicReference<Optional<io.kelvin.core.dr.DrPlanOutcome.Shortfall>> plan = new AtomicReference<>(Optional.empty());
        Ven ven = ven(Optional.empty(), plan::get);
        var cap = DrFixtures.capEvent("ev-ahead", DrFixtures.T0, start, 2, 8000);
        vtn.putEvent(new io.kelvin.greenpower.dr.oadr.Event(cap.meta(), cap.programId(), cap.eventName(), cap.duration(),
                cap.priority(), cap.targets(), List.of(io.kelvin.greenpower.dr.oadr.ReportDescriptor.of("OPERATING_STATE")),
                cap.payloadDescriptors(), cap.intervalPeriod(), cap.intervals()));

        // The caps can be kept: nothing to tell ahead of the event.
        ven.client().runOnce();
        assertThat(reportsOf("ev-ahead")).isEmpty();

        // A re-plan finds it cannot keep them, two hours before the start: posted at once, naming the shortfall.
        plan.set(Optional.of(new io.kelvin.core.dr.DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(2)),
                420.5, 315.25, List.of("train-7"), true)));
        ven.client().reportAhead();
        assertThat(ven.client().status().lastError()).as("the VTN's words, if any").isEmpty();
        assertThat(ven.clock().instant()).isBefore(start);
        assertThat(reportsOf("ev-ahead")).singleElement().satisfies(r -> {
            Map<String, com.fasterxml.jackson.databind.JsonNode> first = payloads(r, 0);
            assertThat(first.keySet()).containsExactly("OPERATING_STATE", ReportBuilder.SHORTFALL_KW,
                    ReportBuilder.SHORTFALL_KWH, ReportBuilder.JOBS_MISSED, ReportBuilder.SHORTFALL_PROVEN);
            assertThat(first.get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(420.5);
            assertThat(r.get("resources").get(0).get("intervals")).as("the event's one interval").hasSize(1);
        });
        String id = reportsOf("ev-ahead").getFirst().get("id").asText();

        // Unchanged: nothing sent again; changed: the same report updated; gone: updated without the shortfall.
        ven.client().runOnce();
        assertThat(reportsOf("ev-ahead")).singleElement().satisfies(r ->
                assertThat(r.get("createdDateTime").asText()).isEqualTo(r.get("modificationDateTime").asText()));
        plan.set(Optional.of(new io.kelvin.core.dr.DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(1)),
                120.0, 60.0, List.of(), false)));
        ven.client().reportAhead();
        assertThat(reportsOf("ev-ahead")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(payloads(r, 0).get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(120.0);
            assertThat(payloads(r, 0)).doesNotContainKey(ReportBuilder.JOBS_MISSED);
        });
        plan.set(Optional.empty());
        ven.client().reportAhead();
        assertThat(reportsOf("ev-ahead")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(payloads(r, 0).keySet()).containsExactly("OPERATING_STATE");
        });
        assertThat(ven.client().status().lastError()).isEmpty();

        // After a restart the VEN finds the report it sent on the VTN and updates it rather than posting another.
        plan.set(Optional.of(new io.kelvin.core.dr.DrPlanOutcome.Shortfall(ref, start, start.plus(Duration.ofHours(1)),
                75.0, 30.0, List.of(), false)));
        Ven restarted = ven(Optional.empty(), plan::get);
        restarted.client().runOnce();
        assertThat(restarted.client().status().lastError()).as("the VTN's words, if any").isEmpty();
        assertThat(reportsOf("ev-ahead")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(payloads(r, 0).get(ReportBuilder.SHORTFALL_KW).get(0).asDouble()).isEqualTo(75.0);
        });
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> reportsOf(String eventId) {
        return vtn.reports.stream().filter(r -> r.get("eventID").asText().equals(eventId)).toList();
    }

    private static Map<String, com.fasterxml.jackson.databind.JsonNode> payloads(com.fasterxml.jackson.databind.JsonNode report,
                                                                                 int interval) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> byType = new java.util.LinkedHashMap<>();
        report.get("resources").get(0).get("intervals").get(interval).get("payloads")
                .forEach(p -> byType.put(p.get("type").asText(), p.get("values")));
        return byType;
    }

    @Test
    void theWebhookSubscriptionCarriesKelvinsTokenAndNotificationsReachThePlan() throws Exception {
        com.sun.net.httpserver.HttpServer callback = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", FreePorts.loopback()), 0);
        AtomicReference<VenClient> target = new AtomicReference<>();
        callback.createContext("/openadr/callback", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                WebhookReceiver.Answer answer = target.get().webhook().notify(exchange.getRequestHeaders(), body);
                byte[] bytes = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        callback.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/openadr/callback");
            Ven ven = ven(Optional.of(url));
            target.set(ven.client());
            ven.client().runOnce();
            assertThat(ven.client().status().webhookSubscribed()).isTrue();
            assertThat(vtn.subscriptions()).anySatisfy(s -> assertThat(s.toString()).contains(url.toString()).contains("hook-token-1"));

            Event pushed = DrFixtures.capEvent("ev-push", DrFixtures.T0, DrFixtures.T0.plus(Duration.ofHours(23)), 1, 6500);
            List<Integer> statuses = vtn.notify("EVENT", "CREATE", OadrWriter.event(pushed));

            assertThat(statuses).contains(200);
            assertThat(caps(ven, "ev-push")).containsExactly(6500.0);
            vtn.notify("EVENT", "DELETE", OadrWriter.event(pushed));
            assertThat(ven.events().state("ev-push")).contains(DrState.CANCELLED);
        } finally {
            callback.stop(0);
        }
    }

    private static List<Double> caps(Ven ven, String eventId) {
        return ven.events().directives().stream().filter(d -> d.ref().eventId().equals(eventId))
                .flatMap(d -> d.caps().stream()).map(c -> c.kw()).toList();
    }
}
