package io.kelvin.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.reports.export.Manifest;
import io.kelvin.testkit.SiteFixtures;
import io.kelvin.web.runtime.DataDirSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kelvin report} over a stopped site's data dir (the demo site, one hour of its meters in a
 * real rrd4j store): a report with its manifest, and every bad input refused with a message and an
 * exit code, writing nothing.
 */
class ReportCommandTest {

    /** 2026-03-10 00:00 in Asia/Shanghai, the demo site's zone. */
    private static final Instant HOUR = Instant.parse("2026-03-09T16:00:00Z");

    @TempDir
    Path tmp;
    private Path siteFile;
    private Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void anHourOfDemoData() {
        siteFile = SiteFixtures.copyWithFreePorts(tmp, SiteFixtures.DEMO_SITE);
        dataDir = tmp.resolve("data");
        try (RrdTelemetryStore store = RrdTelemetryStore.open(dataDir.resolve("rrd"))) {
            register(store, PointId.of("meter-grid", "import_energy_kwh"), 5000, 9000);
            register(store, PointId.of("meter-grid", "export_energy_kwh"), 100, 0);
            register(store, PointId.of("hvdc-01", "output_energy_kwh"), 7000, 3600);
            register(store, PointId.of("hvdc-02", "output_energy_kwh"), 7000, 3600);
        }
    }

    /** A register rising at {@code kw} from {@code start}, sampled every 10 s around the hour. */
    private static void register(RrdTelemetryStore store, PointId point, double start, double kw) {
        List<Sample> samples = new ArrayList<>();
        for (int s = -59; s < 3660; s += 10) {
            samples.add(Sample.good(point, start + kw * s / 3600, HOUR.plusSeconds(s)));
        }
        store.write(samples);
    }

    private int run(String... args) {
        return ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReportIsWrittenWithItsSha256ManifestBesideIt() throws IOException {
        Path file = tmp.resolve("hour.csv");

        int status = run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--from", "2026-03-10T00:00",
                "--to", "2026-03-10T01:00", "--format", "csv", "--out", file.toString());

        assertThat(status).as(errors()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Files.readString(tmp.resolve("hour.csv.sha256"))).isEqualTo(Manifest.sha256(bytes) + "  hour.csv\n");
        // IT: two HVDC outputs of 3600 kW each over the hour; grid: 9000 kW import, nothing exported
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("E_IT,IT equipment energy,7200.0,kWh",
                "E_grid,\"Grid electricity, net import\",9000.0,kWh");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo-aidc", "sha256 " + Manifest.sha256(bytes));
    }

    @Test
    void theSameReportTwiceHasTheSameBytes() throws IOException {
        for (String name : List.of("a.pdf", "b.pdf")) {
            assertThat(run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--from", "2026-03-10",
                    "--to", "2026-03-10T01:00", "--format", "pdf", "--out", tmp.resolve(name).toString())).isZero();
        }
        assertThat(Files.readAllBytes(tmp.resolve("a.pdf"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.pdf")));
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("--data-dir", dataDir.toString(), "--period", "2026-03", "--format", "docx", "--out",
                tmp.resolve("x.docx").toString())).isEqualTo(ReportCommand.USAGE);
        assertThat(errors()).contains("--format 'docx' is not one of csv, xlsx, pdf, eed", "usage: ./kelvin report");
        assertNothingWritten();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThat(run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--from", "2026-03-10",
                "--to", "2026-03-09", "--format", "csv", "--out", tmp.resolve("x.csv").toString())).isEqualTo(ReportCommand.USAGE);
        assertThat(errors()).contains("--to 2026-03-09 is not after --from 2026-03-10");
        assertNothingWritten();
    }

    @Test
    void aBadSiteFieldIsNamedWithItsFileAndPath() throws IOException {
        Files.writeString(siteFile, Files.readString(siteFile).replace("installedItPowerKw: 9728", "installedItPowerKw: -5"));

        assertThat(run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--period", "2026-03",
                "--format", "csv", "--out", tmp.resolve("x.csv").toString())).isEqualTo(ReportCommand.BAD_SITE);
        assertThat(errors()).contains("sites/demo-aidc.yaml: reporting.installedItPowerKw: must be above 0");
        assertNothingWritten();
    }

    @Test
    void aPeriodWithoutDataIsRefusedWithoutAFile() {
        assertThat(run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--period", "2025-03",
                "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString())).isEqualTo(ReportCommand.NO_DATA);
        assertThat(errors()).contains("no GOOD data from any of the 16 meters of site demo-aidc between 2025-03-01T00:00");
        assertNothingWritten();
    }

    @Test
    void aDataDirRecordedForAnotherSiteIsRefused() {
        DataDirSite.record(dataDir, "other-site", tmp.resolve("other.yaml"));

        assertThat(run("--data-dir", dataDir.toString(), "--site", siteFile.toString(), "--period", "2026-03",
                "--format", "csv", "--out", tmp.resolve("x.csv").toString())).isEqualTo(ReportCommand.BAD_DATA);
        assertThat(errors()).contains("holds data of site 'other-site'", "not of 'demo-aidc'");
        assertNothingWritten();
    }

    @Test
    void withoutSiteTheSiteTheDataDirRecordsIsUsed() {
        DataDirSite.record(dataDir, "demo-aidc", siteFile);

        assertThat(run("--data-dir", dataDir.toString(), "--from", "2026-03-10", "--to", "2026-03-10T01:00",
                "--format", "eed", "--out", tmp.resolve("hour.eed.json").toString())).as(errors()).isZero();
        assertThat(tmp.resolve("hour.eed.json")).isRegularFile();
    }

    @Test
    void aDataDirWithoutAnEmbeddedStoreIsRefused() {
        assertThat(run("--data-dir", tmp.resolve("empty").toString(), "--site", siteFile.toString(), "--period", "2026-03",
                "--format", "csv", "--out", tmp.resolve("x.csv").toString())).isEqualTo(ReportCommand.BAD_DATA);
        assertThat(errors()).contains("no embedded store in");
    }

    private void assertNothingWritten() {
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("x."));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
