package io.kelvin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Site;
import io.kelvin.reports.archive.ArchiveRun;
import io.kelvin.reports.archive.ArchiveStatus;
import io.kelvin.reports.archive.ArchivedFile;
import io.kelvin.reports.archive.ArchivedMonth;
import io.kelvin.reports.archive.MonthlyArchive;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.DataSources;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly archive over the reference data (2026-03-02 in Asia/Shanghai) in a real rrd4j store,
 * driven by given instants as a scheduler with an injected clock would drive it.
 */
class MonthlyArchiveTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-04-01 00:30 in Shanghai, still 2026-03-31 in UTC. */
    private static final Instant APRIL_FIRST_SHANGHAI = Instant.parse("2026-03-31T16:30:00Z");

    @TempDir
    static Path tmp;
    private static RrdTelemetryStore store;
    private static Site site;

    @BeforeAll
    static void writeData() {
        site = ReferenceData.site(tmp);
        store = RrdTelemetryStore.open(tmp.resolve("rrd"));
        ReferenceData.write(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static MonthlyArchive archive(Path root) {
        ReportEngine engine = new ReportEngine(store);
        return new MonthlyArchive(root, SHANGHAI,
                period -> engine.build(site, period, ReportSettings.DEFAULTS, DataSources.RRD4J));
    }

    @Test
    void atTheStartOfAMonthInTheSiteZoneThePreviousMonthIsWrittenInEveryFormatWithAManifestSha256sumAccepts(
            @TempDir Path root) throws Exception {
        ArchiveRun run = archive(root).archivePreviousMonth(APRIL_FIRST_SHANGHAI);

        assertThat(run.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(run.status()).isEqualTo(ArchiveStatus.WRITTEN);
        Path month = root.resolve("2026-03");
        assertThat(month.resolve("2026-03.sha256")).exists();
        var report = new ReportEngine(store).build(site, ReportPeriod.month(YearMonth.of(2026, 3), SHANGHAI),
                ReportSettings.DEFAULTS, DataSources.RRD4J);
        StringBuilder manifest = new StringBuilder();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = month.resolve("2026-03." + format.extension());
            byte[] expected = Exporter.export(report, format);
            assertThat(Files.readAllBytes(file)).as(format.name()).isEqualTo(expected);
            manifest.append(new String(Manifest.line(expected, file.getFileName().toString()), StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(month.resolve("2026-03.sha256"))).isEqualTo(manifest.toString());
        Process check = new ProcessBuilder("sha256sum", "-c", "2026-03.sha256").directory(month.toFile())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("2026-03.pdf: OK");
        assertThat(check.exitValue()).isZero();
        try (var left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("2026-03");
        }
    }

    @Test
    void aMonthAlreadyArchivedIsNotRewrittenByLaterRuns(@TempDir Path root) throws IOException {
        MonthlyArchive archive = archive(root);
        archive.archivePreviousMonth(APRIL_FIRST_SHANGHAI);
        Path pdf = root.resolve("2026-03/2026-03.pdf");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(pdf, old);

        ArchiveRun again = archive.archivePreviousMonth(Instant.parse("2026-04-15T08:00:00Z"));

        assertThat(again.status()).isEqualTo(ArchiveStatus.ALREADY_PRESENT);
        assertThat(Files.getLastModifiedTime(pdf)).isEqualTo(old);
    }

    @Test
    void justBeforeMidnightInTheSiteZoneTheMonthBeforeIsDueAndWithoutDataNothingIsWritten(@TempDir Path root) {
        // 2026-03-31 23:30 in Shanghai: the previous month is February, which holds no data
        ArchiveRun run = archive(root).archivePreviousMonth(Instant.parse("2026-03-31T15:30:00Z"));

        assertThat(run.month()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(run.status()).isEqualTo(ArchiveStatus.NO_DATA);
        assertThat(root.resolve("2026-02")).doesNotExist();
        assertThat(archive(root).list()).isEmpty();
    }

    @Test
    void theListingNamesEachArchivedFileWithItsSizeAndTheDigestOfTheManifest(@TempDir Path root) throws IOException {
        MonthlyArchive archive = archive(root);
        archive.archivePreviousMonth(APRIL_FIRST_SHANGHAI);
        Files.createDirectories(root.resolve("2026-01"));   // a folder without a manifest is not a month of the archive

        List<ArchivedMonth> months = archive.list();

        assertThat(months).hasSize(1);
        ArchivedMonth march = months.get(0);
        assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(march.files()).extracting(ArchivedFile::name)
                .containsExactly("2026-03.csv", "2026-03.xlsx", "2026-03.pdf", "2026-03.eed.json");
        for (ArchivedFile file : march.files()) {
            byte[] bytes = Files.readAllBytes(root.resolve("2026-03").resolve(file.name()));
            assertThat(file.bytes()).isEqualTo(bytes.length);
            assertThat(file.sha256()).isEqualTo(Manifest.sha256(bytes));
        }
        assertThat(archive.file(YearMonth.of(2026, 3), "2026-03.pdf")).isPresent();
        assertThat(archive.file(YearMonth.of(2026, 3), "../2026-03.pdf")).isEmpty();
    }
}
