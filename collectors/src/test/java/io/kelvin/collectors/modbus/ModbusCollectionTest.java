package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.WIDE;
import static io.kelvin.collectors.TestSites.modbusDevice;
import static io.kelvin.collectors.TestSites.modbusPoint;
import static io.kelvin.collectors.TestSites.register;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModbusCollectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(400));

    private final SettableClock clock = new SettableClock(T0);
    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T opened(T resource) {
        open.add(resource);
        return resource;
    }

    private static Map<DataType, Double> valuesByType() {
        Map<DataType, Double> values = new LinkedHashMap<>();
        values.put(DataType.INT16, -1234.0);
        values.put(DataType.UINT16, 54321.0);
        values.put(DataType.INT32, -123456789.0);
        values.put(DataType.UINT32, 3_000_000_000.0);
        values.put(DataType.FLOAT32, 21.5);
        values.put(DataType.INT64, -1_234_567_890_123.0);
        values.put(DataType.UINT64, 1.2e18);
        values.put(DataType.FLOAT64, Math.PI);
        return values;
    }

    @Test
    void everyDataTypeInEveryWordOrderDecodesFromARealSlave() throws Exception {
        int port = FreePorts.loopback();
        LoopbackSlave slave = opened(LoopbackSlave.start(port, 1));
        List<PointDef> points = new ArrayList<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        int address = 0;
        for (WordOrder order : WordOrder.values()) {
            for (Map.Entry<DataType, Double> entry : valuesByType().entrySet()) {
                Register register = register(RegisterType.HOLDING, address, entry.getKey(), order);
                String name = (entry.getKey() + "_" + order).toLowerCase();
                slave.setWords(1, RegisterType.HOLDING, address, RegisterCodec.encode(register, entry.getValue(), 0));
                points.add(modbusPoint(name, register, WIDE, PollClass.FAST));
                expected.put(name, entry.getValue());
                address += 4;
            }
        }
        opened(Collectors.start(site(List.of(modbusDevice("dut", points, port, 1))), sink, clock, QUICK));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> expected.forEach((name, value) ->
                assertThat(sink.latest(PointId.of("dut", name))).get()
                        .satisfies(s -> {
                            assertThat(s.quality()).isEqualTo(Quality.GOOD);
                            assertThat(s.value()).as(name).isEqualTo(value);
                            assertThat(s.sourceTime()).isEqualTo(T0);
                        })));
    }

    @Test
    void bitsScaledIntegersAndSeveralUnitIdsShareOneConnection() throws Exception {
        int port = FreePorts.loopback();
        LoopbackSlave slave = opened(LoopbackSlave.start(port, 1, 2));
        Register tenths = new Register(RegisterType.INPUT, 5, DataType.INT16, WordOrder.ABCD, 0.1, 0.0, -1);
        Register bit3 = new Register(RegisterType.HOLDING, 7, DataType.BOOL, WordOrder.ABCD, 1, 0, 3);
        slave.setWords(2, RegisterType.INPUT, 5, new int[] {0xFF85}); // -123 -> -12.3
        slave.setWords(2, RegisterType.HOLDING, 7, new int[] {0b1000});
        slave.setBit(2, RegisterType.COIL, 3, true);
        slave.setBit(2, RegisterType.DISCRETE_INPUT, 9, true);
        slave.setWords(1, RegisterType.INPUT, 5, new int[] {250});
        List<PointDef> points = List.of(
                modbusPoint("temp_c", tenths, WIDE, PollClass.FAST),
                modbusPoint("flag", bit3, WIDE, PollClass.FAST),
                modbusPoint("coil", register(RegisterType.COIL, 3, DataType.BOOL, WordOrder.ABCD), WIDE, PollClass.NORMAL),
                modbusPoint("input", register(RegisterType.DISCRETE_INPUT, 9, DataType.BOOL, WordOrder.ABCD), WIDE, PollClass.SLOW));
        opened(Collectors.start(site(List.of(modbusDevice("u1", points, port, 1), modbusDevice("u2", points, port, 2))),
                sink, clock, QUICK));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(value("u2", "temp_c")).isEqualTo(-12.3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(value("u1", "temp_c")).isEqualTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(value("u2", "flag")).isEqualTo(1.0);
            assertThat(value("u1", "flag")).isEqualTo(0.0);
            assertThat(value("u2", "coil")).isEqualTo(1.0);
            assertThat(value("u2", "input")).isEqualTo(1.0);
        });
    }

    private double value(String device, String point) {
        // an AssertionError, not NoSuchElementException, so that await() retries until the first sample
        Sample sample = sink.latest(PointId.of(device, point))
                .orElseThrow(() -> new AssertionError("no sample of " + device + "." + point + " yet"));
        assertThat(sample.quality()).isEqualTo(Quality.GOOD);
        return sample.value();
    }

    @Test
    void anAbsurdValueIsKeptButMarkedOutOfRange() throws Exception {
        int port = FreePorts.loopback();
        LoopbackSlave slave = opened(LoopbackSlave.start(port, 1));
        Register temp = register(RegisterType.HOLDING, 0, DataType.FLOAT32, WordOrder.CDAB);
        Register nan = register(RegisterType.HOLDING, 2, DataType.FLOAT32, WordOrder.CDAB);
        slave.setWords(1, RegisterType.HOLDING, 0, RegisterCodec.encode(temp, 5000.0, 0));
        slave.setWords(1, RegisterType.HOLDING, 2, RegisterCodec.encode(nan, Double.NaN, 0));
        ValueRange sane = new ValueRange(2, 40);
        opened(Collectors.start(site(List.of(modbusDevice("chiller", List.of(
                modbusPoint("supply_c", temp, sane, PollClass.FAST),
                modbusPoint("return_c", nan, sane, PollClass.FAST)), port, 1))), sink, clock, QUICK));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sink.latest(PointId.of("chiller", "supply_c"))).get()
                    .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.OUT_OF_RANGE))
                    .satisfies(s -> assertThat(s.value()).isEqualTo(5000.0));
            assertThat(sink.latest(PointId.of("chiller", "return_c"))).get()
                    .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.OUT_OF_RANGE));
        });
    }

    @Test
    void anUnreachableSlaveGivesCommFailedUntilItComesUp() throws Exception {
        int port = FreePorts.loopback();
        Register temp = register(RegisterType.INPUT, 0, DataType.INT16, WordOrder.ABCD);
        Collectors collectors = opened(Collectors.start(site(List.of(modbusDevice("meter", List.of(
                modbusPoint("kw", temp, WIDE, PollClass.FAST)), port, 1))), sink, clock, QUICK));
        PointId kw = PointId.of("meter", "kw");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(sink.latest(kw)).get().satisfies(s -> {
                assertThat(s.quality()).isEqualTo(Quality.COMM_FAILED);
                assertThat(s.value()).isNaN();
            });
            assertThat(collectors.health().get("meter").state()).isEqualTo(DeviceState.DOWN);
            assertThat(collectors.health().get("meter").lastError()).get().asString().contains("connect");
        });

        LoopbackSlave slave = opened(LoopbackSlave.start(port, 1));
        slave.setWords(1, RegisterType.INPUT, 0, new int[] {42});

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(sink.latest(kw)).get().satisfies(s -> {
                assertThat(s.quality()).isEqualTo(Quality.GOOD);
                assertThat(s.value()).isEqualTo(42.0);
            });
            assertThat(collectors.health().get("meter").state()).isEqualTo(DeviceState.UP);
            assertThat(collectors.health().get("meter").readsFailed()).isPositive();
        });
    }

    @Test
    void anExceptionResponseFailsOnlyItsRequestAndDegradesTheDevice() throws Exception {
        int port = FreePorts.loopback();
        opened(LoopbackSlave.start(port, 1));
        // address 500 lies beyond the slave's 200 registers: exception code 02, illegal data address
        Register missing = register(RegisterType.HOLDING, 500, DataType.INT16, WordOrder.ABCD);
        Register present = register(RegisterType.HOLDING, 0, DataType.INT16, WordOrder.ABCD);
        Collectors collectors = opened(Collectors.start(site(List.of(modbusDevice("dev", List.of(
                modbusPoint("missing", missing, WIDE, PollClass.FAST),
                modbusPoint("present", present, WIDE, PollClass.FAST)), port, 1))), sink, clock, QUICK));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(sink.latest(PointId.of("dev", "missing"))).get()
                    .extracting(Sample::quality).isEqualTo(Quality.COMM_FAILED);
            assertThat(sink.latest(PointId.of("dev", "present"))).get()
                    .extracting(Sample::quality).isEqualTo(Quality.GOOD);
            assertThat(collectors.health().get("dev").state()).isEqualTo(DeviceState.DEGRADED);
        });
    }
}
