package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.Alarm;
import io.kelvin.core.telemetry.PointId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Events a server fires on its Server object reach the alarm sink with their severity and text. */
class OpcUaEventsTest extends LoopbackUaTest {

    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();

    @Test
    void anEventOnTheServerObjectArrivesAsAnAlarmWithSeverityAndMessage() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        PointDef supply = UaFixtures.point("supply_c", "s=Loop.Supply", new ValueRange(10, 60), Monitoring.of(PollClass.FAST));
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(supply), OpcUaSettings.DEFAULT))),
                sink, alarms::add, Clock.systemUTC(), QUICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(PointId.of("cdu", "supply_c")).isPresent());

        // the event item is created right after the data items; fire until it is there
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            server.fireEvent("Alarms.LeakDetected", 900, "Leak detected under the CDU");
            return !alarms.isEmpty();
        });
        Alarm alarm = alarms.get(0);
        assertThat(alarm.device()).isEqualTo("cdu");
        assertThat(alarm.source()).isEqualTo("Alarms.LeakDetected");
        assertThat(alarm.severity()).isEqualTo(900);
        assertThat(alarm.message()).isEqualTo("Leak detected under the CDU");
    }
}
