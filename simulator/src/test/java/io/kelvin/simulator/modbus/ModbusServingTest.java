package io.kelvin.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModbusServingTest {

    @TempDir
    static Path dir;
    static SettableClock clock;
    static SiteTwin twin;
    static Site site;

    @BeforeAll
    static void startTwin() {
        site = SiteFixtures.demoSite(dir);
        clock = new SettableClock(Instant.parse("2025-07-20T04:00:00Z"));
        twin = SiteTwin.start(site, new TwinOptions(clock, 7, dir.resolve("state")));
    }

    @AfterAll
    static void stopTwin() {
        twin.close();
    }

    // Every Modbus point, read by a real j2mod master and decoded with the collectors' codec, equals the
    // model's value to the register's resolution (half a raw step; float32 to its 24-bit mantissa).
    @Test
    void everyModbusPointReadOverTheWireDecodesToTheModelValue() throws Exception {
        Set<DataType> seen = EnumSet.noneOf(DataType.class);
        for (Device device : site.devices()) {
            if (device.protocol() != Protocol.MODBUS) {
                continue;
            }
            Map<String, Double> expected = twin.values(device.id());
            ModbusTCPMaster master = connect(device);
            try {
                for (PointDef point : device.profile().points()) {
                    Register register = point.register().orElseThrow();
                    if (point.isText()) {
                        // SunSpec model 1 text: SN is the device id on the twin
                        String text = RegisterCodec.decodeText(register, read(master, device.unitId(), register), 0);
                        assertThat(text).as(device.id() + "." + point.name()).isNotBlank();
                        if (point.name().equals("serial_number")) {
                            assertThat(text).isEqualTo(device.id());
                        }
                        continue;
                    }
                    double decoded = RegisterCodec.decode(register, read(master, device.unitId(), register), 0);
                    assertThat(decoded).as(device.id() + "." + point.name())
                            .isCloseTo(expected.get(point.name()), offset(tolerance(register, expected.get(point.name()))));
                    seen.add(register.dataType());
                }
            } finally {
                master.disconnect();
            }
        }
        // Every data type the demo profiles use (they have no INT64 point).
        assertThat(seen).containsExactlyInAnyOrder(DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32,
                DataType.FLOAT32, DataType.UINT64, DataType.FLOAT64, DataType.BOOL);
    }

    // SunSpec Information Model: "SunS" marker, then models chained by (ID, L) up to the end marker 0xFFFF:
    // 1 (L 66), 103 (L 50), 120 (L 26), 121 (L 30), 122 (L 44), 123 (L 24).
    @Test
    void sunSpecInverterServesARealisticModelChain() throws Exception {
        Device inverter = site.device("pv-inv-03").orElseThrow();
        ModbusTCPMaster master = connect(inverter);
        try {
            int[] words = new int[256];
            for (int start = 0; start < words.length; start += 125) {
                int count = Math.min(125, words.length - start);
                System.arraycopy(words(master.readMultipleRegisters(inverter.unitId(), 40000 + start, count)), 0, words, start, count);
            }
            assertThat(words[0]).isEqualTo(0x5375);
            assertThat(words[1]).isEqualTo(0x6E53);
            java.util.List<String> chain = new java.util.ArrayList<>();
            int at = 2;
            while (words[at] != 0xFFFF) {
                chain.add(words[at] + "/" + words[at + 1] + "@" + (40000 + at));
                at += 2 + words[at + 1];
            }
            assertThat(chain).containsExactly("1/66@40002", "103/50@40070", "120/26@40122", "121/30@40150",
                    "122/44@40182", "123/24@40228");
            assertThat(words[at + 1]).as("end marker length").isZero();
            assertThat((short) words[76]).as("A_SF").isEqualTo((short) -1);
            assertThat((short) words[85]).as("W_SF").isEqualTo((short) 2);
            assertThat((short) words[87]).as("Hz_SF").isEqualTo((short) -2);
            assertThat((short) words[96]).as("WH_SF").isEqualTo((short) 3);
            assertThat((short) words[107]).as("Tmp_SF").isEqualTo((short) -1);
            // model 120: WRtg x 10^WRtg_SF is the inverter's 500 kW rating, in W
            assertThat(words[125] * Math.pow(10, (short) words[126])).as("WRtg").isEqualTo(500_000);
            assertThat((char) (words[4] >> 8)).isEqualTo('S');
        } finally {
            master.disconnect();
        }
    }

    // The chiller's supply setpoint is int16 x 0.1 at holding 100: raw 265 means 26.5 degC.
    @Test
    void holdingRegisterSetpointWrittenByAMasterMovesTheChilledWater() throws Exception {
        Device chiller = site.device("chiller-02").orElseThrow();
        ModbusTCPMaster master = connect(chiller);
        try {
            master.writeSingleRegister(chiller.unitId(), 100, new SimpleRegister(265));
            assertThat(twin.value(PointId.of("chiller-02", "chw_supply_setpoint_c"))).isEqualTo(26.5);
            clock.advance(Duration.ofMinutes(20));
            twin.advanceTo(clock.instant());
            // The plant follows the lowest enabled setpoint (24.0 on the other chillers), so raise all four.
            for (String id : new String[] {"chiller-01", "chiller-03", "chiller-04"}) {
                Device other = site.device(id).orElseThrow();
                master.writeSingleRegister(other.unitId(), 100, new SimpleRegister(265));
            }
            clock.advance(Duration.ofMinutes(30));
            twin.advanceTo(clock.instant());
            // Header lag tau 300 s: after 1,800 s, 26.5 - 2.5 e^-6 = 26.494 degC.
            assertThat(twin.value(PointId.of("cdu-01", "primary_supply_temp_c"))).isCloseTo(26.5, offset(0.01));
            double readBack = RegisterCodec.decode(chiller.profile().point("chw_supply_setpoint_c").orElseThrow().register().orElseThrow(),
                    words(master.readMultipleRegisters(chiller.unitId(), 100, 1)), 0);
            assertThat(readBack).isEqualTo(26.5);
        } finally {
            master.disconnect();
        }
    }

    // Setpoint limits 10..30 degC: 35.0 is refused with exception 02 and the setpoint keeps its value.
    @Test
    void outOfLimitSetpointWriteIsRefusedWithAModbusException() throws Exception {
        Device chiller = site.device("chiller-04").orElseThrow();
        double before = twin.value(PointId.of("chiller-04", "chw_supply_setpoint_c"));
        ModbusTCPMaster master = connect(chiller);
        try {
            assertThatThrownBy(() -> master.writeSingleRegister(chiller.unitId(), 100, new SimpleRegister(350)))
                    .isInstanceOfSatisfying(ModbusSlaveException.class, e -> assertThat(e.getType()).isEqualTo(2));
            assertThatThrownBy(() -> master.writeSingleRegister(chiller.unitId(), 0, new SimpleRegister(1)))
                    .as("chw_supply_temp_c is a measurement").isInstanceOf(ModbusSlaveException.class);
        } finally {
            master.disconnect();
        }
        assertThat(twin.value(PointId.of("chiller-04", "chw_supply_setpoint_c"))).isEqualTo(before);
    }

    @Test
    void coilWriteDisablesAChillerInThePhysics() throws Exception {
        Device chiller = site.device("chiller-03").orElseThrow();
        ModbusTCPMaster master = connect(chiller);
        try {
            master.writeCoil(chiller.unitId(), 0, false);
            clock.advance(Duration.ofSeconds(10));
            twin.advanceTo(clock.instant());
            assertThat(twin.value(PointId.of("chiller-03", "enabled"))).isZero();
            assertThat(twin.value(PointId.of("chiller-03", "power_kw"))).isZero();
            assertThat(master.readCoils(chiller.unitId(), 0, 1).getBit(0)).isFalse();
            master.writeCoil(chiller.unitId(), 0, true);
        } finally {
            master.disconnect();
        }
    }

    private static ModbusTCPMaster connect(Device device) throws Exception {
        ModbusTCPMaster master = new ModbusTCPMaster(device.host().orElseThrow(), device.port(), 2000, false);
        master.connect();
        return master;
    }

    private static int[] read(ModbusTCPMaster master, int unit, Register register) throws Exception {
        return switch (register.type()) {
            case HOLDING -> words(master.readMultipleRegisters(unit, register.address(), register.count()));
            case INPUT -> words(master.readInputRegisters(unit, register.address(), register.count()));
            case COIL -> bits(master.readCoils(unit, register.address(), 1));
            case DISCRETE_INPUT -> bits(master.readInputDiscretes(unit, register.address(), 1));
        };
    }

    private static int[] words(InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words;
    }

    private static int[] bits(BitVector bits) {
        return new int[] {bits.getBit(0) ? 1 : 0};
    }

    private static double tolerance(Register register, double value) {
        return switch (register.dataType()) {
            case FLOAT32 -> Math.max(1e-9, Math.abs(value) * 1e-7);
            case FLOAT64 -> 0.0;
            case BOOL -> 0.0;
            default -> register.scale() / 2 + 1e-12;
        };
    }
}
