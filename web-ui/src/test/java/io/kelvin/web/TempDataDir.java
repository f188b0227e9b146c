package io.kelvin.web;

import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.ven.TestVtn;
import io.kelvin.testkit.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the application under test a fresh data directory under target/, removed afterwards, and
 * a copy of the demo site whose devices listen on free loopback ports, so the tests never clash
 * with a demo running on the same machine. The copy has a {@code demandResponse:} section against a
 * test VTN (green-power's {@link TestVtn} on loopback, holding program CPP-2026; client secret in a
 * file under the site-configs copy) with the webhook callback on the app's own port, fixed here so
 * the site file can name it. The VTN is injected into a test's {@code TestVtn} field.
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {

    private Path dir;
    private TestVtn vtn;

    @Override
    public Map<String, String> start() {
        try {
            Path parent = Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(parent, "kelvin-data-");
            vtn = new TestVtn(FreePorts.loopback());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vtn.addProgram(DrFixtures.program());
        Path site = io.kelvin.testkit.SiteFixtures.copyWithFreePorts(dir, io.kelvin.testkit.SiteFixtures.DEMO_SITE);
        int appPort = FreePorts.loopback();
        try {
            Files.writeString(site.getParent().getParent().resolve("vtn-secret"), TestVtn.SECRET + "\n");
            Files.writeString(site, Files.readString(site) + """

                    demandResponse:
                      vtnUrl: %s
                      clientId: %s
                      secretFile: vtn-secret
                      venName: demo-aidc
                      pollInterval: 1s
                      callbackUrl: http://127.0.0.1:%d/openadr/callback
                      programs:
                        - { name: %s, simpleLevelsKw: { 1: 9000 } }
                      resources:
                        - { name: site-main, meters: [M-GRID] }
                    """.formatted(vtn.url(), TestVtn.CLIENT_ID, appPort, DrFixtures.PROGRAM_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kelvin.data-dir", dir.resolve("data").toString(), "kelvin.site", site.toString(),
                "quarkus.http.test-port", Integer.toString(appPort));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(vtn, new TestInjector.MatchesType(TestVtn.class));
    }

    @Override
    public void stop() {
        if (vtn != null) {
            vtn.close();
        }
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
