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
 * with a demo running on the same machine. The copy's {@code demandResponse:} section is replaced by one against a
 * test VTN (green-power's {@link TestVtn} on loopback, holding program CPP-2026; client secret in a
 * file under the site-configs copy) with the webhook callback on the app's own port, fixed here so
 * the site file can name it. The VTN is injected into a test's {@code TestVtn} field. Under the
 * {@link GridApiOnly} profile the section names no VTN (none is started): events come only through the
 * grid API.
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {

    /** The demo site's own {@code demandResponse:} section (grid API only), replaced by the test's. */
    private static final String DEMO_DR_SECTION = "(?m)^demandResponse:\\R(?:[ \\t].*\\R?|\\R)*";

    private Path dir;
    private TestVtn vtn;
    private boolean gridApiOnly;

    @Override
    public void setContext(Context context) {
        gridApiOnly = GridApiOnly.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        try {
            Path parent = Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(parent, "kelvin-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path site = io.kelvin.testkit.SiteFixtures.copyWithFreePorts(dir, io.kelvin.testkit.SiteFixtures.DEMO_SITE);
        int appPort = FreePorts.loopback();
        try {
            String withoutDemoSection = Files.readString(site).replaceAll(DEMO_DR_SECTION, "");
            Files.writeString(site, withoutDemoSection + (gridApiOnly ? gridApiOnlySection() : vtnSection(site, appPort)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kelvin.data-dir", dir.resolve("data").toString(), "kelvin.site", site.toString(),
                "quarkus.http.test-port", Integer.toString(appPort));
    }

    private String vtnSection(Path site, int appPort) throws IOException {
        vtn = new TestVtn(FreePorts.loopback());
        vtn.addProgram(DrFixtures.program());
        Files.writeString(site.getParent().getParent().resolve("vtn-secret"), TestVtn.SECRET + "\n");
        return """

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
                """.formatted(vtn.url(), TestVtn.CLIENT_ID, appPort, DrFixtures.PROGRAM_NAME);
    }

    private static String gridApiOnlySection() {
        return """

                demandResponse:
                  gridApi: true
                  venName: demo-aidc
                  programs:
                    - { name: %s, simpleLevelsKw: { 1: 9000 } }
                  resources:
                    - { name: site-main, meters: [M-GRID] }
                """.formatted(DrFixtures.PROGRAM_NAME);
    }

    @Override
    public void inject(TestInjector testInjector) {
        if (vtn == null) {
            return;
        }
        testInjector.injectIntoFields(vtn, new TestInjector.MatchesType(TestVtn.class));
    }

    @Override
    public void stop() {
        if (vtn != null) {
            vtn.close();
            vtn = null;
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
