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
}
