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
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceState;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.collectors.modbus.RawModbusServer.Answer;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A unit that stops answering behind a shared gateway is isolated by its circuit breaker: the other
 * unit on the same connection keeps its poll rate, and the silent one comes back on its own.
 */
class ModbusUnitIsolationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    /**
     * A 1.5 s timeout is longer than the 1 s FAST interval: without the breaker the silent unit alone
     * would hold the connection thread 150 % of the time and unit 1 would get about one read in two
     * seconds. Probes of an open unit wait 1 s, 2 s, then 4 s (capped here to keep the test short).
     */
    private static final CollectorSettings SETTINGS = new CollectorSettings(
            Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    private static final PointId UNIT1_KW = PointId.of("meter-1", "kw");
    private static final PointId UNIT2_KW = PointId.of("meter-2", "kw");

    private final RecordingSink sink = new RecordingSink();
    private RawModbusServer gateway;
    private Collectors collectors;

    @AfterEach
    void closeAll() throws Exception {
        if (collectors != null) {
            collectors.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aSilentUnitIsOpenedSoTheOtherUnitOnTheGatewayKeepsItsOneSecondRateThenRecovers() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 1, 2);
        gateway.setWords(1, 0, new int[] {111});
        gateway.setWords(2, 0, new int[] {222});
        gateway.answer(2, Answer.SILENT);
        PointDef kw = modbusPoint("kw", register(RegisterType.INPUT, 0, DataType.INT16, WordOrder.ABCD), WIDE, PollClass.FAST);
        collectors = Collectors.start(site(List.of(modbusDevice("meter-1", List.of(kw), port, 1),
                modbusDevice("meter-2", List.of(kw), port, 2))), sink, new SettableClock(T0), SETTINGS);

        // DOWN after three timeouts in a row (debounce), with the reason an operator needs
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            DeviceHealth unit2 = collectors.health().get("meter-2");
            assertThat(unit2.state()).isEqualTo(DeviceState.DOWN);
            assertThat(unit2.lastError()).get().asString().contains("unit 2").contains("no answer in time");
        });

        int mark = sink.all().size();
        int unit2RequestsBefore = gateway.requestsFor(2);
        Thread.sleep(10_000);

        // a probe's timeout (1.5 s) on the shared connection thread can make a 1 s cycle overrun: those
        // cycles are POLL_OVERRUN markers, every read is GOOD for unit 1 and COMM_FAILED for unit 2
        List<Sample> unit1 = readings(since(mark, UNIT1_KW));
        assertThat(unit1).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
        assertThat(collectors.health().get("meter-1").state()).isEqualTo(DeviceState.UP);
        assertThat(collectors.health().get("meter-2").state()).isEqualTo(DeviceState.DOWN);
        assertThat(readings(since(mark, UNIT2_KW))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.COMM_FAILED));
        // only probes reach the silent unit: waits of 1, 2, 4, 4 s, not one request a second
        assertThat(gateway.requestsFor(2) - unit2RequestsBefore).isBetween(1, 5);

        gateway.answer(2, Answer.CORRECT);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sink.latest(UNIT2_KW)).get().satisfies(s -> {
                assertThat(s.quality()).isEqualTo(Quality.GOOD);
                assertThat(s.value()).isEqualTo(222.0);
            });
            assertThat(collectors.health().get("meter-2").state()).isEqualTo(DeviceState.UP);
        });
    }

    private static List<Sample> readings(List<Sample> samples) {
        return samples.stream().filter(s -> s.quality() != Quality.POLL_OVERRUN).toList();
    }

    private List<Sample> since(int mark, PointId point) {
        List<Sample> all = sink.all();
        return all.subList(Math.min(mark, all.size()), all.size()).stream()
                .filter(s -> s.point().equals(point))
                .toList();
    }
}
