package io.kelvin.web;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.ven.TestVtn;
import io.kelvin.testkit.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
 * grid API, and the site's tariff is in yuan with an exchange rate to EUR ({@link #YUAN_RATE}). The demo's grid meter gets {@link #SEEDED_DAYS} days of history before the app starts (a
 * GOOD sample of {@link #SEEDED_GRID_KW} kW every minute up to three minutes before the start), so a DR event has
 * a baseline from stored meter data; the rrd4j store takes no sample older than one it holds, so this history
 * cannot be written once the app collects.
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {

    /** The demo site's own {@code demandResponse:} section (grid API only), replaced by the test's. */
    private static final String DEMO_DR_SECTION = "(?m)^demandResponse:\\R(?:[ \\t].*\\R?|\\R)*";

    /** The demo site's grid-import meter point. */
    public static final PointId GRID_POINT = PointId.parse("meter-grid.active_power_kw");
    public static final int SEEDED_DAYS = 16;
    public static final double SEEDED_GRID_KW = 5000;

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
        seedGridHistory(dir.resolve("data").resolve("rrd"));
        Path site = io.kelvin.testkit.SiteFixtures.copyWithFreePorts(dir, io.kelvin.testkit.SiteFixtures.DEMO_SITE);
        int appPort = FreePorts.loopback();
        try {
            String withoutDemoSection = Files.readString(site).replaceAll(DEMO_DR_SECTION, "");
            if (gridApiOnly) {
                withoutDemoSection = withTariffInYuan(site, withoutDemoSection);
            }
            Files.writeString(site, withoutDemoSection + (gridApiOnly ? gridApiOnlySection() : vtnSection(site, appPort)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kelvin.data-dir", dir.resolve("data").toString(), "kelvin.site", site.toString(),
                "quarkus.http.test-port", Integer.toString(appPort));
    }

    private static void seedGridHistory(Path rrd) {
        Instant end = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
        try (RrdTelemetryStore store = RrdTelemetryStore.open(rrd)) {
            List<Sample> batch = new ArrayList<>();
            for (Instant t = end.minus(Duration.ofDays(SEEDED_DAYS)); t.isBefore(end); t = t.plusSeconds(60)) {
                batch.add(Sample.good(GRID_POINT, SEEDED_GRID_KW, t));
                if (batch.size() == 5000) {
                    store.write(batch);
                    batch = new ArrayList<>();
                }
            }
            store.write(batch);
        }
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

    /** The demo tariff's feed, as it reads in the demo site file. */
    private static final String DEMO_TARIFF = """
                file: feeds/demo-tou-tariff.csv
                csv: { time: time, value: eur_per_kwh, zone: Asia/Shanghai, unit: EUR/kWh, resolution: 1h }
            """;

    /**
     * The site's tariff in yuan: the demo tariff's EUR values at {@link #YUAN_RATE} EUR/CNY written as CNY/kWh (so
     * converted back they are the demo's EUR prices), the feed giving that exchange rate.
     */
    private static String withTariffInYuan(Path site, String text) throws IOException {
        if (!text.contains(DEMO_TARIFF)) {
            throw new IllegalStateException("the demo site's tariff feed no longer reads as this fixture expects");
        }
        Path configs = site.getParent().getParent();
        List<String> lines = Files.readAllLines(configs.resolve("feeds/demo-tou-tariff.csv"));
        StringBuilder yuan = new StringBuilder("time,cny_per_kwh\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            yuan.append(cells[0]).append(',').append(Double.parseDouble(cells[1]) / YUAN_RATE).append('\n');
        }
        Files.writeString(configs.resolve("feeds/tariff-cny.csv"), yuan);
        return text.replace(DEMO_TARIFF, """
                    file: feeds/tariff-cny.csv
                    csv: { time: time, value: cny_per_kwh, zone: Asia/Shanghai, unit: CNY/kWh, resolution: 1h }
                    exchangeRate: %s
                """.formatted(YUAN_RATE));
    }

    /** EUR per CNY of the {@link GridApiOnly} site's tariff. */
    public static final double YUAN_RATE = 0.128;

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
