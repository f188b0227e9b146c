package io.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteTwinLifecycleTest {

    @TempDir
    Path dir;

    // Tests start and stop twins repeatedly: close() must free every port so the same site starts again.
    @Test
    void twinStopsFreeingItsPortsAndStartsAgainOnTheSamePorts() {
        Site site = SiteFixtures.demoSite(dir);
        SettableClock clock = new SettableClock(Instant.parse("2025-07-20T04:00:00Z"));
        URI cdu = URI.create(site.device("cdu-12").orElseThrow().endpoint().orElseThrow());
        int modbusPort = site.device("meter-grid").orElseThrow().port();
        for (int run = 1; run <= 2; run++) {
            SiteTwin twin = SiteTwin.start(site, new TwinOptions(clock, 3, dir.resolve("state")));
            assertThat(accepts(cdu.getPort())).as("OPC UA port open, run " + run).isTrue();
            assertThat(accepts(modbusPort)).as("Modbus port open, run " + run).isTrue();
            twin.close();
            assertThat(accepts(cdu.getPort())).as("OPC UA port closed, run " + run).isFalse();
            assertThat(accepts(modbusPort)).as("Modbus port closed, run " + run).isFalse();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    // The ticker follows the injected clock: moving a settable clock moves the physics without a manual step.
    @Test
    void tickerAdvancesThePhysicsToTheInjectedClock() throws InterruptedException {
        Site site = SiteFixtures.demoSite(dir);
        SettableClock clock = new SettableClock(Instant.parse("2025-07-20T04:00:00Z"));
        try (SiteTwin twin = SiteTwin.start(site, new TwinOptions(clock, 3, dir.resolve("state")))) {
            twin.write(PointId.of("cdu-09", "supply_temp_setpoint_c"), 30.0);
            clock.advance(Duration.ofMinutes(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!twin.now().equals(clock.instant()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(twin.now()).isEqualTo(clock.instant());
            // 600 s = 6.67 tau: 30 + 2 e^(-600/90) = 30.0025 degC
            assertThat(twin.value(PointId.of("cdu-09", "supply_temp_c"))).isCloseTo(30 + 2 * Math.exp(-600.0 / 90),
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
