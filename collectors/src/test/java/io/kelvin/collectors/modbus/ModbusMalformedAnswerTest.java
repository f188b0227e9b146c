package io.kelvin.collectors.modbus;

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
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.DataType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that answers badly never stops a poll loop: every kind of bad answer gives the affected
 * points COMM_FAILED with NaN and the device a readable last error, and the very next good answer
 * gives GOOD again, while a device on another connection stays GOOD throughout.
 */
class ModbusMalformedAnswerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(400));
    private static final Register SUPPLY = register(RegisterType.HOLDING, 0, DataType.FLOAT32, WordOrder.CDAB);
    private static final ValueRange SANE_C = new ValueRange(0, 100);
    private static final PointId FLAKY = PointId.of("flaky", "supply_c");
    private static final PointId STEADY = PointId.of("steady", "supply_c");

    private final RecordingSink sink = new RecordingSink();
    private RawModbusServer server;
    private LoopbackSlave steadySlave;
    private Collectors collectors;

    @AfterEach
    void closeAll() throws Exception {
        if (collectors != null) {
            collectors.close();
        }
        if (server != null) {
            server.close();
        }
        if (steadySlave != null) {
            steadySlave.close();
        }
    }

    /** Each bad answer and a fragment its last error must contain, so an operator can tell them apart. */
    private static Map<Answer, String> badAnswers() {
        Map<Answer, String> bad = new LinkedHashMap<>();
        bad.put(Answer.EXCEPTION_ILLEGAL_ADDRESS, "exception response 02 (illegal data address)");
        bad.put(Answer.EXCEPTION_BUSY, "exception response 06 (server device busy)");
        bad.put(Answer.WRONG_BYTE_COUNT, "bad or broken answer: 1 registers in the answer to a read of 2");
        bad.put(Answer.TRUNCATED_THEN_CLOSE, "bad or broken answer: Premature end of stream");
        bad.put(Answer.WRONG_TRANSACTION_ID, "bad or broken answer: no answer with the request's transaction id");
        bad.put(Answer.WRONG_UNIT_ID, "answer from unit 2 to a request for unit 1");
        bad.put(Answer.GARBAGE, "bad or broken answer: General exception - failed to read");
        bad.put(Answer.SILENT, "no answer in time: Socket timeout reading response");
        return bad;
    }

    @Test
    void everyKindOfBadAnswerGivesCommFailedAndTheNextGoodAnswerGivesGoodAgain() throws Exception {
        startBoth(21.5);
        awaitGood(21.5);

        for (Map.Entry<Answer, String> bad : badAnswers().entrySet()) {
            int mark = sink.all().size();
            server.answer(1, bad.getKey());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(samplesSince(mark, FLAKY)).as(bad.getKey().name())
                        .anySatisfy(s -> {
                            assertThat(s.quality()).isEqualTo(Quality.COMM_FAILED);
                            assertThat(s.value()).isNaN();
                        });
                DeviceHealth health = collectors.health().get("flaky");
                assertThat(health.state()).as(bad.getKey().name()).isNotEqualTo(DeviceState.UP);
                // "unit 1 HOLDING 0..1: ..." names where the failed request was aimed
                assertThat(health.lastError()).get().asString().as(bad.getKey().name())
                        .startsWith("unit 1 HOLDING 0..1: ").contains(bad.getValue());
            });
            server.answer(1, Answer.CORRECT);
            awaitGood(21.5);
        }

        // every read of the other connection's device is GOOD (a cycle a loaded machine made overrun is a
        // POLL_OVERRUN marker, not a read)
        assertThat(samplesSince(0, STEADY).stream().filter(s -> s.quality() != Quality.POLL_OVERRUN).toList())
                .hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
    }

    @Test
    void aNanOrInfiniteFloatIsKeptAndMarkedOutOfRangeNotCommFailed() throws Exception {
        startBoth(21.5);
        awaitGood(21.5);

        for (double absurd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            server.setWords(1, 0, RegisterCodec.encode(SUPPLY, absurd, 0));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(sink.latest(FLAKY)).get().satisfies(s -> {
                        assertThat(s.quality()).isEqualTo(Quality.OUT_OF_RANGE);
                        assertThat(Double.valueOf(s.value())).isEqualTo(Double.valueOf(absurd)); // boxed: NaN equals NaN
                    }));
            // the device answered well-formed frames: its link is fine
            assertThat(collectors.health().get("flaky").state()).isEqualTo(DeviceState.UP);
        }
        server.setWords(1, 0, RegisterCodec.encode(SUPPLY, 22.0, 0));
        awaitGood(22.0);
    }

    private void startBoth(double flakyValue) throws Exception {
        int rawPort = FreePorts.loopback();
        int steadyPort = FreePorts.loopback();
        server = RawModbusServer.start(rawPort, 1);
        server.setWords(1, 0, RegisterCodec.encode(SUPPLY, flakyValue, 0));
        steadySlave = LoopbackSlave.start(steadyPort, 1);
        steadySlave.setWords(1, RegisterType.HOLDING, 0, RegisterCodec.encode(SUPPLY, 18.0, 0));
        collectors = Collectors.start(site(List.of(
                        modbusDevice("flaky", List.of(modbusPoint("supply_c", SUPPLY, SANE_C, PollClass.FAST)), rawPort, 1),
                        modbusDevice("steady", List.of(modbusPoint("supply_c", SUPPLY, SANE_C, PollClass.FAST)), steadyPort, 1))),
                sink, new SettableClock(T0), QUICK);
    }

    private void awaitGood(double expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sink.latest(FLAKY)).get().satisfies(s -> {
                assertThat(s.quality()).isEqualTo(Quality.GOOD);
                assertThat(s.value()).isEqualTo(expected);
            });
            assertThat(collectors.health().get("flaky").state()).isEqualTo(DeviceState.UP);
        });
    }

    private List<Sample> samplesSince(int mark, PointId point) {
        List<Sample> all = sink.all();
        return all.subList(Math.min(mark, all.size()), all.size()).stream()
                .filter(s -> s.point().equals(point))
                .toList();
    }
}
