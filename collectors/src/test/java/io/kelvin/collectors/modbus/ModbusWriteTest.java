package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.WIDE;
import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.register;
import static io.kelvin.collectors.TestSites.setpoint;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.control.SetpointRejectedException;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.FreePorts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusWriteTest {

    private static final Register SETPOINT_TENTHS =
            new Register(RegisterType.HOLDING, 100, DataType.INT16, WordOrder.ABCD, 0.1, 0, -1);
    private static final Register ENABLED = register(RegisterType.COIL, 0, DataType.BOOL, WordOrder.ABCD);
    private static final Register FLOW = register(RegisterType.HOLDING, 10, DataType.FLOAT32, WordOrder.CDAB);
    /** A 4-bit mode field in bits 4..7 of holding register 20. */
    private static final Register MODE = new Register(RegisterType.HOLDING, 20, DataType.UINT16, WordOrder.ABCD, 1, 0, 4, 4, 1, -1);

    private LoopbackSlave slave;
    private Collectors collectors;

    @BeforeEach
    void start() throws Exception {
        int port = FreePorts.loopback();
        slave = LoopbackSlave.start(port, 3);
        slave.setWords(3, RegisterType.HOLDING, 100, new int[] {180});
        collectors = Collectors.start(site(List.of(modbusDevice("chiller", List.of(
                setpoint("chw_setpoint_c", SETPOINT_TENTHS, new ValueRange(2, 40), new ValueRange(10, 30)),
                setpoint("enabled", ENABLED, new ValueRange(0, 1), new ValueRange(0, 1)),
                setpoint("flow_setpoint", FLOW, WIDE, new ValueRange(0, 500)),
                setpoint("mode", MODE, new ValueRange(0, 15), new ValueRange(0, 15)),
                modbusPoint("supply_c", register(RegisterType.INPUT, 0, DataType.INT16, WordOrder.ABCD), WIDE,
                        PollClass.FAST)), port, 3))),
                new RecordingSink(), Clock.systemUTC(),
                new CollectorSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    @AfterEach
    void stop() {
        collectors.close();
        slave.close();
    }

    @Test
    void aWriteOutsideTheSetpointLimitsIsRejectedAndChangesNothing() {
        assertThatThrownBy(() -> collectors.write(PointId.of("chiller", "chw_setpoint_c"), 35.0))
                .isInstanceOf(SetpointRejectedException.class).hasMessageContaining("[10.0, 30.0]");
        assertThatThrownBy(() -> collectors.write(PointId.of("chiller", "chw_setpoint_c"), Double.NaN))
                .isInstanceOf(SetpointRejectedException.class);

        assertThat(slave.holdingWords(3, 100, 1)).containsExactly(180);
    }

    @Test
    void unknownAndReadOnlyPointsAreRejected() {
        assertThatThrownBy(() -> collectors.write(PointId.of("chiller", "supply_c"), 5.0))
                .isInstanceOf(SetpointRejectedException.class).hasMessageContaining("not writable");
        assertThatThrownBy(() -> collectors.write(PointId.of("chiller", "nope"), 5.0))
                .isInstanceOf(SetpointRejectedException.class);
        assertThatThrownBy(() -> collectors.write(PointId.of("boiler", "x"), 5.0))
                .isInstanceOf(SetpointRejectedException.class);
    }

    @Test
    void anAcceptedWriteLandsInTheRegistersAndIsReadBack() {
        // 22.5 degC at 0.1 degC per count = 225
        double readBack = collectors.write(PointId.of("chiller", "chw_setpoint_c"), 22.5);

        assertThat(readBack).isEqualTo(22.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(slave.holdingWords(3, 100, 1)).containsExactly(225);
    }

    @Test
    void coilsAndWordSwappedFloatsAreWritten() {
        assertThat(collectors.write(PointId.of("chiller", "enabled"), 1.0)).isEqualTo(1.0);
        assertThat(slave.coil(3, 0)).isTrue();

        // 12.5 = 0x41480000; CDAB puts the low word first
        assertThat(collectors.write(PointId.of("chiller", "flow_setpoint"), 12.5)).isEqualTo(12.5);
        assertThat(slave.holdingWords(3, 10, 2)).containsExactly(0x0000, 0x4148);
    }

    @Test
    void aWriteToADeviceThatIsDownFails() {
        slave.close();

        assertThatThrownBy(() -> {
            // the first attempt may still find the old socket; the connection is dropped then
            for (int i = 0; i < 3; i++) {
                collectors.write(PointId.of("chiller", "chw_setpoint_c"), 20.0);
                Thread.sleep(200);
            }
        }).isInstanceOf(WriteFailedException.class);
    }

    @Test
    void writingABitFieldChangesOnlyItsBitsAndReadsThemBack() {
        slave.setWords(3, RegisterType.HOLDING, 20, new int[] {0xA5C3});

        assertThat(collectors.write(PointId.of("chiller", "mode"), 9.0)).isEqualTo(9.0);

        // bits 4..7 of 0xA5C3 (1100) become 1001; the other twelve bits stay
        assertThat(slave.holdingWords(3, 20, 1)).containsExactly(0xA593);
    }
}
