package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmListener;
import io.kelvin.core.alarm.AlarmPolicy;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.alarm.MemoryAlarmStore;
import io.kelvin.testkit.alarm.RecordingAlarmActions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An event that is not a condition (a BaseEventType fired on the Server object) arrives with its
 * source, severity and text, and is not an alarm: only condition types carry an alarm's state (OPC UA
 * Part 9, 5.5.2).
 */
class OpcUaEventsTest extends LoopbackUaTest {

    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final AlarmDesk desk = new AlarmDesk(new MemoryAlarmStore(), new RecordingAlarmActions(), AlarmPolicy.DEFAULT,
            Clock.systemUTC(), AlarmListener.NONE);

    @Test
    void anEventThatIsNotAConditionArrivesWithItsWordsAndIsNotAnAlarm() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        PointDef supply = UaFixtures.point("supply_c", "s=Loop.Supply", new ValueRange(10, 60), Monitoring.of(PollClass.FAST));
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(supply), OpcUaSettings.DEFAULT))),
                sink, event -> {
                    events.add(event);
                    desk.accept(event);
                }, Clock.systemUTC(), QUICK);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(PointId.of("cdu", "supply_c")).isPresent());

        // the event item is created right after the data items; fire until it is there
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
            server.fireEvent("Server", 1, "");
            return events.stream().anyMatch(DeviceEvent.OtherEvent.class::isInstance);
        });
        DeviceEvent.OtherEvent event = events.stream().filter(DeviceEvent.OtherEvent.class::isInstance)
                .map(DeviceEvent.OtherEvent.class::cast).findFirst().orElseThrow();
        assertThat(event.device()).isEqualTo("cdu");
        assertThat(event.sourceName()).isEqualTo("Server");
        assertThat(event.severity()).isEqualTo(1);
        assertThat(event.message()).isEmpty();
        assertThat(desk.current(10)).isEmpty();
        assertThat(desk.notAlarms()).isPositive();
    }
}
