package io.kelvin.greenpower.dr.ven;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.oadr.Interval;
import io.kelvin.greenpower.dr.oadr.IntervalPeriod;
import io.kelvin.greenpower.dr.oadr.ObjectType;
import io.kelvin.greenpower.dr.oadr.Operation;
import io.kelvin.greenpower.dr.oadr.PayloadDescriptor;
import io.kelvin.greenpower.dr.oadr.Report;
import io.kelvin.greenpower.dr.oadr.Subscription;
import io.kelvin.greenpower.dr.oadr.ValuesMap;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import io.kelvin.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of request the VEN client sends, against {@code prism mock --errors} of the unmodified
 * OpenADR 3.1 document: Prism validates each request (method, path, query, headers, body) and answers a
 * violation with an error, which the client would raise. The mock's answers are generated examples.
 */
class VenRequestsAgainstPrismMockTest {

    private static PeerProcess prism;
    private static URI base;
    private static VtnApi api;
    private static TokenSource tokens;

    @BeforeAll
    static void start() {
        int port = FreePorts.loopback();
        prism = InteropPeers.prismMock(port, ProxySpec.ORIGINAL);
        base = URI.create("http://127.0.0.1:" + port);
        VtnHttp http = new VtnHttp(base, Duration.ofSeconds(10));
        // The mock's /auth/server names an example host; its own /auth/token is used instead (the
        // Definition allows a token endpoint provisioned out of band).
        tokens = new TokenSource(http, Optional.of(base.resolve("/auth/token")), "kelvin-ven", () -> "s3cret",
                new SettableClock(DrFixtures.T0));
        api = new VtnApi(http, tokens, List.of("group-1"));
    }

    @AfterAll
    static void stop() {
        if (prism != null) {
            prism.close();
        }
    }

    /**
     * The request passed Prism's validation: no error, or only errors about the mock's own generated
     * answer ("Response body ..."), which the document makes invalid for vens and resources (an
     * objectType that must be both VEN and BL_VEN_REQUEST, a targets default of "null -").
     */
    private static void requestAccepted(Runnable call) {
        try {
            call.run();
        } catch (VtnException e) {
            assertThat(e.getMessage()).contains("Response body").doesNotContain("Request");
        }
    }

    @Test
    void tokenDiscoveryAndTheClientCredentialsRequestAreValid() {
        VtnHttp http = new VtnHttp(base, Duration.ofSeconds(10));
        TokenSource discovering = new TokenSource(http, Optional.empty(), "kelvin-ven", () -> "s3cret",
                new SettableClock(DrFixtures.T0));
        // GET /auth/server answers the document's example; nothing is sent to that host.
        assertThat(discovering.tokenEndpoint()).isEqualTo(URI.create("http://example.com"));
        assertThat(tokens.token()).isNotBlank();
    }

    @Test
    void pagedReadsOfProgramsAndEventsWithTargetsAreValid() {
        requestAccepted(() -> api.programs());
        requestAccepted(() -> api.events("prog-1"));
    }

    @Test
    void venAndResourceRegistrationRequestsAreValid() {
        requestAccepted(() -> api.venByName("demo-aidc"));
        requestAccepted(() -> api.createVen("demo-aidc"));
        requestAccepted(() -> api.resources("ven-1"));
        requestAccepted(() -> api.createResource("site-main", "ven-1"));
    }

    @Test
    void subscriptionRequestsWithACallbackAndBearerTokenAreValid() {
        Subscription request = new Subscription(Optional.empty(), Optional.empty(), "demo-aidc", Optional.empty(),
                List.of(new Subscription.ObjectOperation(List.of(ObjectType.PROGRAM, ObjectType.EVENT),
                        List.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE),
                        URI.create("https://kelvin.example.com/openadr/callback"), Optional.of("hook-token"))),
                List.of("group-1"));
        requestAccepted(() -> api.subscriptions("demo-aidc"));
        requestAccepted(() -> api.createSubscription(request));
        requestAccepted(() -> api.updateSubscription("sub-1", request));
    }

    @Test
    void reportsOfEveryKindKelvinSendsAreValid() {
        var period = Optional.of(IntervalPeriod.of(DrFixtures.T0, DrFixtures.duration(Duration.ofHours(1))));
        List<ValuesMap> payloads = List.of(ValuesMap.of("USAGE", 7000.0), ValuesMap.of("DEMAND", 7000.0),
                ValuesMap.of("BASELINE", 8500.0), ValuesMap.of("DELTA_USAGE", 1500.0),
                ValuesMap.of("OPERATING_STATE", "RUNNING_CURTAILED"), ValuesMap.of("DATA_QUALITY", "OK"));
        Report report = new Report(Optional.empty(), Optional.empty(), "ev-1", "demo-aidc", Optional.of("USAGE cap"),
                List.of(new PayloadDescriptor.ForReport("USAGE", Optional.of("DIRECT_READ"), Optional.of("KWH"),
                        Optional.empty(), Optional.empty())),
                List.of(new Report.ResourceData("site-main", Optional.empty(), List.of(new Interval(0, period, payloads))),
                        new Report.ResourceData(Report.AGGREGATED_REPORT, Optional.empty(),
                                List.of(new Interval(0, period, payloads)))));
        requestAccepted(() -> api.postReport(report));
        requestAccepted(() -> api.updateReport("report-1", report));
        requestAccepted(() -> api.reports("ev-1", "demo-aidc"));
    }

    @Test
    void aRequestThatBreaksTheDocumentIsCaughtByTheMock() {
        // The schema caps limit at 50 (searchAllEvents); this proves the peer checks what it is sent.
        VtnHttp http = new VtnHttp(base, Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get("events",
                        java.util.Map.of("limit", List.of("60")), Optional.of(tokens.token())))
                .isInstanceOf(VtnException.class).hasMessageContaining("limit must be <= 50");
    }
}
