package io.kelvin.collectors;

import io.kelvin.core.device.DeviceState;
import static io.kelvin.collectors.TestSites.WIDE;
import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.opcuaDevice;
import static io.kelvin.collectors.TestSites.opcuaPoint;
import static io.kelvin.collectors.TestSites.register;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import io.kelvin.testkit.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollectorsLifecycleTest {

    @Test
    void startReturnsAtOnceAndCloseStopsEveryThreadPromptlyEvenWithDevicesDown() {
        var site = site(List.of(
                modbusDevice("meter", List.of(modbusPoint("kw",
                        register(RegisterType.INPUT, 0, DataType.INT16, WordOrder.ABCD), WIDE, PollClass.FAST)),
                        FreePorts.loopback(), 1),
                opcuaDevice("cdu", "urn:x", List.of(opcuaPoint("t", "s=T", WIDE, Optional.empty())),
                        "opc.tcp://127.0.0.1:" + FreePorts.loopback() + "/x")));
        RecordingSink sink = new RecordingSink();

        long started = System.nanoTime();
        Collectors collectors = Collectors.start(site, sink, Clock.systemUTC());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> collectors.health().values().stream()
                .allMatch(h -> h.state() == DeviceState.DOWN && h.lastError().isPresent()));

        long closing = System.nanoTime();
        collectors.close();

        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("modbus-") || t.getName().startsWith("opcua-")));
    }
}
