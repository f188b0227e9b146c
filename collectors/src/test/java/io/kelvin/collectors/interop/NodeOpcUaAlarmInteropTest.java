package io.kelvin.collectors.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmListener;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmPolicy;
import io.kelvin.core.alarm.ConditionEvent;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import io.kelvin.testkit.alarm.MemoryAlarmStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarm conditions against node-opcua (npm; a stack we did not write): interop/node-opcua/server.js
 * raises an AlarmConditionType before Kelvin connects; the collector gets it through ConditionRefresh
 * and acknowledges it through the condition's Acknowledge method with the operator's comment (OPC UA
 * Part 9, 5.5.7 and 5.7.3), and node-opcua reports the acknowledged state back.
 */
class NodeOpcUaAlarmInteropTest {

    private static final String DEVICE = "nodeopcua-01";

    @TempDir
    Path dir;

    @Test
    void anAlarmOfANodeOpcUaServerIsReceivedThroughRefreshAndAcknowledgedWithAComment() {
        int port = FreePorts.loopback();
        MemoryAlarmStore store = new MemoryAlarmStore();
        AtomicReference<Collectors> collectorsRef = new AtomicReference<>();
        AlarmDesk desk = new AlarmDesk(store, AlarmActions.via(collectorsRef::get), AlarmPolicy.DEFAULT, Clock.systemUTC(),
                AlarmListener.NONE);
        List<ConditionEvent> conditions = new CopyOnWriteArrayList<>();
        try (PeerProcess server = InteropPeers.nodeOpcUaServer(port, dir.resolve("pki"));
                Collectors collectors = Collectors.start(TestSites.site(List.of(InteropProfiles.opcuaDevice(
                        DEVICE, "nodeopcua-device", "opc.tcp://127.0.0.1:" + port + "/interop"))), samples -> { },
                        event -> {
                            if (event instanceof ConditionEvent c) {
                                conditions.add(c);
                            }
                            desk.accept(event);
                        }, Clock.systemUTC(), io.kelvin.collectors.CollectorSettings.defaults())) {
            collectorsRef.set(collectors);

            await().atMost(Duration.ofSeconds(30)).until(() -> leak(store).isPresent());
            Alarm leak = leak(store).orElseThrow();
            assertThat(leak.phase()).as(server.log()).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
            assertThat(leak.severity()).isEqualTo(900);
            assertThat(leak.message()).isEqualTo("Leak detected under the interop device");
            // node-opcua names the source by its display name, which it writes with the namespace index
            assertThat(leak.sourceName()).endsWith("LeakSensor");

            ActionResult result = desk.acknowledge(leak.key(), "alice", "checked by the interop test");

            assertThat(result).as(server.log()).isInstanceOf(ActionResult.Done.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.log()
                    .contains("acknowledged LeakAlarm comment=checked by the interop test"));
            await().atMost(Duration.ofSeconds(10)).until(() -> conditions.stream()
                    .anyMatch(c -> c.states().acked().orElse(false)));
            // still active, so it stays listed though node-opcua sends Retain False with the acknowledgement
            assertThat(store.find(leak.key())).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.ACKNOWLEDGED);
        }
    }

    private static Optional<Alarm> leak(MemoryAlarmStore store) {
        return store.current(10).stream().filter(a -> a.conditionName().equals("LeakAlarm")).findFirst();
    }
}
