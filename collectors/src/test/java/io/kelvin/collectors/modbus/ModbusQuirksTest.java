package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.collectors.modbus.RawModbusServer.Answer;
import io.kelvin.collectors.modbus.RawModbusServer.Seen;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device quirks from the profile's {@code modbus:} block, seen on the wire of a hand-written gateway
 * that logs every request: two unit ids with different quirks share one connection, and each is read
 * the way its own profile says.
 */
class ModbusQuirksTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final CollectorSettings SETTINGS = new CollectorSettings(
            Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1));
    /** Four uint16 points at wire addresses 0, 1, 2 and 5, all read every 500 ms. */
    private static final String POINTS = """
            pollIntervals: { fast: 500ms }
            points:
              - { name: a, unit: "1", register: { type: holding, address: %d }, range: { min: 0, max: 65535 }, pollClass: fast }
              - { name: b, unit: "1", register: { type: holding, address: %d }, range: { min: 0, max: 65535 }, pollClass: fast }
              - { name: c, unit: "1", register: { type: holding, address: %d }, range: { min: 0, max: 65535 }, pollClass: fast }
              - { name: d, unit: "1", register: { type: holding, address: %d }, range: { min: 0, max: 65535 }, pollClass: fast }
            """;

    @TempDir
    Path configs;
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

    private Device device(String id, String profileBody, int port, int unit) throws IOException {
        Files.createDirectories(configs.resolve("profiles"));
        Files.writeString(configs.resolve("profiles/" + id + ".yaml"),
                "profile: " + id + "\ndeviceClass: meter\nprotocol: modbus\n" + profileBody);
        return new Device(id, SiteLoader.loadProfile(configs, id), Optional.empty(), Optional.of("127.0.0.1"), port,
                unit, Optional.empty());
    }

    private List<Seen> requestsOf(int unit) {
        return gateway.seen().stream().filter(s -> s.unit() == unit).toList();
    }

    @Test
    void twoUnitsOnOneGatewayAreEachReadWithTheirOwnQuirks() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 1, 2);
        gateway.setWords(1, 0, new int[] {10, 11, 12, 0, 0, 15});
        gateway.setWords(2, 0, new int[] {20, 21, 22, 0, 0, 25});
        // unit 1: a 1-based manual, at most 2 registers a request, no reading of unmapped registers,
        // 100 ms of quiet before each request; unit 2: the defaults
        Device picky = device("picky", "modbus: { addressBase: 1, maxRegisters: 2, maxGap: 0, requestPause: 100ms }\n"
                + POINTS.formatted(1, 2, 3, 6), port, 1);
        Device plain = device("plain", POINTS.formatted(0, 1, 2, 5), port, 2);
        collectors = Collectors.start(site(List.of(picky, plain)), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(requestsOf(1)).hasSizeGreaterThanOrEqualTo(6);
            for (String point : List.of("a", "b", "c", "d")) {
                assertThat(sink.latest(PointId.of("picky", point))).get().extracting(s -> s.quality()).isEqualTo(Quality.GOOD);
            }
        });

        // 0..1 (2 registers at most), 2 alone (the hole to 5 is not read), 5 alone; unit 2 merges all in one
        assertThat(requestsOf(1).subList(0, 3)).extracting(Seen::start, Seen::count)
                .containsExactly(Tuple.tuple(0, 2), Tuple.tuple(2, 1),
                        Tuple.tuple(5, 1));
        assertThat(requestsOf(2)).extracting(Seen::start, Seen::count).containsOnly(Tuple.tuple(0, 6));
        // the pause is measured from the previous request on the connection, whichever unit sent it
        List<Seen> all = gateway.seen();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).unit() == 1) {
                assertThat(Duration.ofNanos(all.get(i).nanos() - all.get(i - 1).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(95));
            }
        }
        assertThat(sink.latest(PointId.of("picky", "d")).orElseThrow().value()).isEqualTo(15.0);
        assertThat(sink.latest(PointId.of("plain", "d")).orElseThrow().value()).isEqualTo(25.0);
    }

    @Test
    void onePointPerRequestSendsEachPointAlone() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 3);
        collectors = Collectors.start(site(List.of(device("single", "modbus: { onePointPerRequest: true }\n"
                + POINTS.formatted(0, 1, 2, 5), port, 3))), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(10)).until(() -> requestsOf(3).size() >= 8);

        assertThat(requestsOf(3)).extracting(Seen::count).containsOnly(1);
        assertThat(requestsOf(3).subList(0, 4)).extracting(Seen::start).containsExactly(0, 1, 2, 5);
    }

    @Test
    void aDevicesOwnTimeoutBoundsTheWaitForItsSilentUnit() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 4);
        gateway.answer(4, Answer.SILENT);
        collectors = Collectors.start(site(List.of(device("quick", "modbus: { timeout: 200ms }\n"
                + POINTS.formatted(0, 1, 2, 3), port, 4))), sink, new SettableClock(T0), SETTINGS);
        long started = System.nanoTime();

        // three unanswered requests open the unit's breaker; at the collector's 2 s that takes 6 s
        await().atMost(Duration.ofSeconds(10)).until(() -> collectors.health().get("quick").lastError()
                .map(e -> e.message().contains("skipped")).orElse(false));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(collectors.health().get("quick").lastError()).get().asString().contains("no answer in time");
    }

    @Test
    void closeAfterPollOpensAFreshConnectionForEveryPoll() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 5);
        gateway.setWords(5, 0, new int[] {50});
        collectors = Collectors.start(site(List.of(device("closer", "modbus: { closeAfterPoll: true }\n"
                + POINTS.formatted(0, 1, 2, 3), port, 5))), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(10)).until(() -> requestsOf(5).size() >= 4);

        // one request a poll (all four points merge), one connection a poll
        assertThat(gateway.connections()).isGreaterThanOrEqualTo(requestsOf(5).size() - 1);
        // every read is GOOD (a cycle a loaded machine made overrun is a POLL_OVERRUN marker, not a read)
        assertThat(sink.all()).filteredOn(s -> s.point().device().equals("closer") && s.quality() != Quality.POLL_OVERRUN)
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
        assertThat(collectors.health().get("closer").lastError()).isEmpty();
    }

    @Test
    void aStringBecomesDeviceInfoAndABitFieldASample() throws Exception {
        int port = FreePorts.loopback();
        gateway = RawModbusServer.start(port, 6);
        // "K-42" + NUL padding in registers 0..3; status word 0xA5C3 at 4: bits 4..7 hold 12
        gateway.setWords(6, 0, new int[] {0x4B2D, 0x3432, 0x0000, 0x0000, 0xA5C3});
        collectors = Collectors.start(site(List.of(device("typed", """
                points:
                  - { name: serial, register: { type: holding, address: 0, dataType: string, length: 4 }, pollClass: fast }
                  - { name: status_code, unit: "1", register: { type: holding, address: 4, bit: 4, bits: 4 },
                      range: { min: 0, max: 15 }, pollClass: fast }
                """, port, 6))), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(collectors.deviceInfo().get("typed")).containsEntry("serial", "K-42");
            assertThat(sink.latest(PointId.of("typed", "status_code"))).get().extracting(s -> s.value()).isEqualTo(12.0);
        });
        assertThat(sink.all()).noneMatch(s -> s.point().point().equals("serial"));
    }
}
