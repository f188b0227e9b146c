package io.kelvin.collectors.modbus;

import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SunSpec discovery against real j2mod slaves holding a hand-laid chain at each base address the
 * specification allows (40000 is covered against the twin in {@code SunSpecTwinDiscoveryTest}).
 * The words below are written out by hand from the SunSpec model tables, not with Kelvin's codec.
 */
class SunSpecDiscoveryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final int UNIT = 3;
    private static final CollectorSettings SETTINGS = new CollectorSettings(
            Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private final RecordingSink sink = new RecordingSink();
    private ModbusSlave slave;
    private Collectors collectors;

    @AfterEach
    void closeAll() {
        if (collectors != null) {
            collectors.close();
        }
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    private SimpleProcessImage serve(int port, int registers) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(UNIT);
        for (int i = 0; i < registers; i++) {
            image.addRegister(new SimpleRegister(0));
        }
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(UNIT, image);
        slave.open();
        return image;
    }

    private static void put(SimpleProcessImage image, int address, int... words) {
        for (int i = 0; i < words.length; i++) {
            image.getRegister(address + i).setValue(words[i]);
        }
    }

    /**
     * "SunS", model 1 (Mn "Acme", Md "Sun-10K", SN "SN-0042"), model 103 (A 123 x 10^-1, W 1050 x 10^1,
     * Hz 5002 x 10^-2, WH 100000 x 10^0, St 4 = MPPT), an unknown vendor model 64110 (L 4), end marker.
     */
    private static void chain(SimpleProcessImage image, int base) {
        put(image, base, 0x5375, 0x6E53);
        put(image, base + 2, 1, 66);
        put(image, base + 4, 0x4163, 0x6D65);                 // "Acme"
        put(image, base + 20, 0x5375, 0x6E2D, 0x3130, 0x4B00); // "Sun-10K"
        put(image, base + 52, 0x534E, 0x2D30, 0x3034, 0x3200); // "SN-0042"
        put(image, base + 70, 103, 50);
        put(image, base + 72, 123);
        put(image, base + 76, 0xFFFF);                         // A_SF -1
        put(image, base + 84, 1050, 1, 5002, 0xFFFE);          // W, W_SF 1, Hz, Hz_SF -2
        put(image, base + 94, 0x0001, 0x86A0, 0);              // WH = 100000, WH_SF 0
        put(image, base + 108, 4);                             // St
        put(image, base + 122, 64110, 4);
        put(image, base + 128, 0xFFFF, 0);
    }

    private Device sunspecDevice(int port) {
        return new Device("inv", SiteLoader.loadProfile(SiteFixtures.siteConfigs(), "sunspec"), Optional.empty(),
                Optional.of("127.0.0.1"), port, UNIT, Optional.empty());
    }

    private Optional<Sample> latest(String point) {
        return sink.latest(PointId.of("inv", point));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50000})
    void aSunSpecMapIsFoundAtEachBaseAddressAndItsModelsBecomePoints(int base) throws Exception {
        int port = FreePorts.loopback();
        chain(serve(port, base + 200), base);
        collectors = Collectors.start(site(List.of(sunspecDevice(port))), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(latest("ac_power_kw")).get().extracting(Sample::quality).isEqualTo(Quality.GOOD);
            assertThat(collectors.deviceInfo().get("inv")).containsKey("serial_number");
        });

        // 1050 W x 10^1 = 10.5 kW; 123 A x 10^-1; 5002 x 10^-2 Hz; 100000 Wh = 100 kWh
        assertThat(latest("ac_power_kw").orElseThrow().value()).isCloseTo(10.5, within(1e-9));
        assertThat(latest("ac_current_a").orElseThrow().value()).isCloseTo(12.3, within(1e-9));
        assertThat(latest("frequency_hz").orElseThrow().value()).isCloseTo(50.02, within(1e-9));
        assertThat(latest("operating_state").orElseThrow().value()).isEqualTo(4.0);
        await().atMost(Duration.ofSeconds(5)).until(() -> latest("energy_kwh").isPresent());
        assertThat(latest("energy_kwh").orElseThrow().value()).isCloseTo(100.0, within(1e-9));
        assertThat(collectors.deviceInfo().get("inv"))
                .containsEntry("manufacturer", "Acme")
                .containsEntry("model", "Sun-10K")
                .containsEntry("serial_number", "SN-0042")
                .containsEntry("sunspec.base", Integer.toString(base))
                .containsEntry("sunspec.models", "1@" + (base + 2) + ", 103@" + (base + 70) + ", 64110@" + (base + 122))
                .containsEntry("sunspec.skipped", "model 64110 at " + (base + 122) + " (L 4): not a model Kelvin maps");
        assertThat(collectors.health().get("inv").state()).isEqualTo(DeviceState.UP);
    }

    @Test
    void aDeviceWithoutAMapIsReportedAndRetriedUntilTheMapAppears() throws Exception {
        int port = FreePorts.loopback();
        SimpleProcessImage image = serve(port, 200);
        collectors = Collectors.start(site(List.of(sunspecDevice(port))), sink, new SettableClock(T0), SETTINGS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(collectors.health().get("inv").lastError())
                .get().asString().startsWith("SunSpec discovery on unit 3 failed: no SunS marker at 40000, 0 or 50000 "
                        + "(40000: exception response 02 (illegal data address); 0: 0x0000 0x0000; "
                        + "50000: exception response 02 (illegal data address)); next try in "));
        assertThat(sink.all()).isEmpty();

        chain(image, 0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(latest("ac_power_kw")).get().extracting(Sample::value).isEqualTo(10.5);
            assertThat(collectors.health().get("inv").state()).isEqualTo(DeviceState.UP);
        });
    }
}
