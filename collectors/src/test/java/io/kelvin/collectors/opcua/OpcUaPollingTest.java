package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Devices read by polling: by choice, or because the server refuses subscriptions. */
class OpcUaPollingTest extends LoopbackUaTest {

    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");
    private static final PointDef POINT = UaFixtures.point("supply_c", "s=Loop.Supply", new ValueRange(10, 60),
            new Monitoring(Duration.ofMillis(300), 1, Monitoring.Deadband.NONE));

    private void startCollectors(AcquisitionMode mode) {
        OpcUaSettings settings = new OpcUaSettings(mode, OpcUaSettings.Security.NONE);
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(POINT), settings))),
                sink, Clock.systemUTC(), QUICK);
    }

    private void awaitGood(double value) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sink.latest(SUPPLY)).get()
                .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD))
                .extracting(Sample::value).isEqualTo(value));
    }

    @Test
    void aServerThatRefusesSubscriptionsIsPolledAtTheSamplingInterval() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0),
                LoopbackOpcUaServer.Options.refusingSubscriptions());
        startCollectors(AcquisitionMode.SUBSCRIBE);
        awaitGood(30.0);

        server.set("Loop.Supply", 32.0);
        awaitGood(32.0);
        server.set("Loop.Supply", 33.0);
        awaitGood(33.0);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.UP);
        // polled every 300 ms: unchanged values keep arriving, which a subscription would not send
        long before = sink.all().size();
        Thread.sleep(1_500);
        assertThat(sink.all().size() - before).isGreaterThanOrEqualTo(3);
    }

    @Test
    void modePollReadsWithoutASubscriptionEvenWhenTheServerOffersOne() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        startCollectors(AcquisitionMode.POLL);
        awaitGood(30.0);

        server.set("Loop.Supply", 35.5);
        awaitGood(35.5);
        long before = sink.all().size();
        Thread.sleep(1_500);
        assertThat(sink.all().size() - before).isGreaterThanOrEqualTo(3);
    }
}
