package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.Monitoring.Deadband;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile's sampling interval, queue size and deadband reach the server and shape what arrives. */
class OpcUaMonitoringTest extends LoopbackUaTest {

    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");
    private static final ValueRange RANGE = new ValueRange(10, 60);

    private void start(Monitoring monitoring) throws Exception {
        start(monitoring, false);
    }

    private void start(Monitoring monitoring, boolean euRange) throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        if (euRange) {
            server.euRange("Loop.Supply", 0, 1000);
        }
        PointDef supply = UaFixtures.point("supply_c", "s=Loop.Supply", RANGE, monitoring);
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(supply), OpcUaSettings.DEFAULT))),
                sink, Clock.systemUTC(), QUICK);
        // the initial read, then the monitored item's first notification: only then does the deadband apply
        await().atMost(Duration.ofSeconds(10)).until(() -> values().size() >= 2);
        assertThat(values()).containsOnly(30.0);
    }

    private void awaitValue(double value) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sink.latest(SUPPLY).map(Sample::value).orElse(0.0))
                .as(() -> collectors.health() + " " + sink.all()).isEqualTo(value));
    }

    private List<Double> values() {
        return sink.all().stream().filter(s -> s.point().equals(SUPPLY)).map(Sample::value).toList();
    }

    @Test
    void anAbsoluteDeadbandHoldsBackSmallChangesAndReportsLargeOnes() throws Exception {
        start(new Monitoring(Duration.ofMillis(100), 1, Deadband.absolute(1.0)));

        // Part 4, 7.22.2: report only when |value - last reported| > deadband
        server.set("Loop.Supply", 30.4);
        Thread.sleep(1_500);
        server.set("Loop.Supply", 31.5);
        awaitValue(31.5);
        assertThat(values()).as(() -> collectors.health() + " " + sink.all()).doesNotContain(30.4);
    }

    @Test
    void aPercentDeadbandOnANodeWithoutEuRangeBecomesTheSameShareOfTheProfileRange() throws Exception {
        // 2 % of the profile range 10..60 = 1.0 degC absolute
        start(new Monitoring(Duration.ofMillis(100), 1, Deadband.percent(2)));

        server.set("Loop.Supply", 30.6);
        Thread.sleep(1_500);
        server.set("Loop.Supply", 31.2);
        awaitValue(31.2);
        assertThat(values()).doesNotContain(30.6);
    }

    @Test
    void aPercentDeadbandOnANodeWithEuRangeIsTheServersShareOfThatRange() throws Exception {
        // 1 % of the node's EURange 0..1000 = 10 degC; 1 % of the profile range would be only 0.5
        start(new Monitoring(Duration.ofMillis(100), 1, Deadband.percent(1)), true);

        server.set("Loop.Supply", 35.0);
        Thread.sleep(1_500);
        server.set("Loop.Supply", 45.0);
        awaitValue(45.0);
        assertThat(values()).doesNotContain(35.0);
    }

    @Test
    void aQueueKeepsEveryChangeBetweenTwoPublishes() throws Exception {
        // publishing every 1 s, sampling every 50 ms: a queue of 10 keeps the changes made in between
        start(new Monitoring(Duration.ofMillis(50), 10, Deadband.NONE));

        for (double value : List.of(41.0, 42.0, 43.0, 44.0)) {
            server.set("Loop.Supply", value);
            Thread.sleep(150);
        }
        awaitValue(44.0);
        assertThat(values()).containsSubsequence(41.0, 42.0, 43.0, 44.0);
    }
}
