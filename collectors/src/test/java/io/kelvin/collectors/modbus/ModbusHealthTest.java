package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.register;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.testkit.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Modbus failures in the device's own words: the exception code's name as the Modbus specification
 * spells it (Modbus Application Protocol v1.1b3, clause 7), and the socket's error when nothing
 * answers, for the device and for each point it touches.
 */
class ModbusHealthTest {

    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(400));

    @Test
    void aRegisterTheSlaveDoesNotHaveIsReportedAsIllegalDataAddress() throws Exception {
        int port = FreePorts.loopback();
        // LoopbackSlave serves 200 holding registers: 500 is beyond them, exception 02
        try (LoopbackSlave slave = LoopbackSlave.start(port, 1);
                Collectors collectors = Collectors.start(site(List.of(modbusDevice("meter", List.of(
                        modbusPoint("power_kw", register(RegisterType.HOLDING, 0, DataType.UINT16, WordOrder.ABCD),
                                new ValueRange(0, 1000), PollClass.FAST),
                        modbusPoint("beyond", register(RegisterType.HOLDING, 500, DataType.UINT16, WordOrder.ABCD),
                                new ValueRange(0, 1000), PollClass.FAST)), port, 1))),
                        new RecordingSink(), Clock.systemUTC(), QUICK)) {
            slave.setWords(1, RegisterType.HOLDING, 0, new int[] {42});

            await().atMost(Duration.ofSeconds(10)).until(() -> health(collectors).point("beyond").isPresent()
                    && health(collectors).point("power_kw").isPresent() && health(collectors).lastError().isPresent());

            DeviceHealth health = health(collectors);
            assertThat(health.lastError().orElseThrow().code()).isEqualTo("ILLEGAL DATA ADDRESS");
            assertThat(health.point("beyond").orElseThrow().reason()).contains("ILLEGAL DATA ADDRESS");
            assertThat(health.point("beyond").orElseThrow().quality()).isEqualTo(Quality.COMM_FAILED);
            assertThat(health.point("power_kw").orElseThrow().quality()).isEqualTo(Quality.GOOD);
            assertThat(health.lastGoodSample()).isPresent();
        }
    }

    @Test
    void aDeviceNobodyListensForSaysConnectionRefused() {
        int closed = FreePorts.loopback();
        try (Collectors collectors = Collectors.start(site(List.of(modbusDevice("meter", List.of(
                modbusPoint("power_kw", register(RegisterType.HOLDING, 0, DataType.UINT16, WordOrder.ABCD),
                        new ValueRange(0, 1000), PollClass.FAST)), closed, 1))), new RecordingSink(), Clock.systemUTC(),
                QUICK)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> health(collectors).lastError().isPresent());

            assertThat(health(collectors).lastError().orElseThrow().code()).isEqualTo("Connection refused");
            assertThat(health(collectors).point("power_kw").orElseThrow().reason()).contains("Connection refused");
        }
    }

    private static DeviceHealth health(Collectors collectors) {
        return collectors.device("meter").orElseThrow();
    }
}
