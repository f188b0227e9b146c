package io.kelvin.reports.archive;

import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.reports.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The monthly reports kept under a folder ({@code DATA_DIR/reports}): one folder per month,
 * {@code YYYY-MM/}, holding the month's report in every {@link ReportFormat} ({@code YYYY-MM.csv},
 * {@code .xlsx}, {@code .pdf}, {@code .eed.json}) and their SHA-256 manifest {@code YYYY-MM.sha256}
 * (one line per file, as {@code sha256sum -c} reads it).
 *
 * <p>{@link #archivePreviousMonth} is given the time (it reads no clock) and writes the month before
 * it, in the site's time zone, unless that month's folder is there: a run is idempotent, and a run
 * after a stop catches up. A month is written into a hidden temporary folder and moved into place
 * whole, so a crash leaves no half month that would later count as present.
 */
public final class MonthlyArchive {

    /** Builds the report of a period; throws {@link NoDataException} when there is nothing to report. */
    @FunctionalInterface
    public interface Reporter {
        Report build(ReportPeriod period);
    }

    private final Path root;
    private final ZoneId zone;
    private final Reporter reporter;

    public MonthlyArchive(Path root, ZoneId zone, Reporter reporter) {
        this.root = root;
        this.zone = zone;
        this.reporter = reporter;
    }

    public Path root() {
        return root;
    }

    /** The month before the one {@code now} falls in, in the site's time zone. */
    public YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(zone)).minusMonths(1);
    }

    /** Writes the reports of the month before {@code now} unless they are there. */
    public synchronized ArchiveRun archivePreviousMonth(Instant now) {
        YearMonth month = previousMonth(now);
        Path target = root.resolve(month.toString());
        if (Files.isDirectory(target)) {
            return new ArchiveRun(month, ArchiveStatus.ALREADY_PRESENT, target + " is there; not rewritten");
        }
        Report report;
        try {
            report = reporter.build(ReportPeriod.month(month, zone));
        } catch (NoDataException e) {
            return new ArchiveRun(month, ArchiveStatus.NO_DATA, e.getMessage());
        }
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempDirectory(root, "." + month + "-");
            try {
                ByteArrayOutputStream manifest = new ByteArrayOutputStream();
                for (ReportFormat format : ReportFormat.values()) {
                    String name = month + "." + format.extension();
                    byte[] bytes = Exporter.export(report, format);
                    Files.write(temporary.resolve(name), bytes);
                    manifest.writeBytes(Manifest.line(bytes, name));
                }
                Files.write(temporary.resolve(manifestName(month)), manifest.toByteArray());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return new ArchiveRun(month, ArchiveStatus.WRITTEN, "written to " + target);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                return new ArchiveRun(month, ArchiveStatus.ALREADY_PRESENT, target + " appeared meanwhile; not rewritten");
            } finally {
                deleteTree(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports of " + month + " under " + root, e);
        }
    }

    /** The archived months, newest first, each with its files as its manifest lists them. */
    public List<ArchivedMonth> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ArchivedMonth> months = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                month(folder.getFileName().toString()).flatMap(m -> read(m, folder)).ifPresent(months::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        months.sort(Comparator.comparing(ArchivedMonth::month).reversed());
        return List.copyOf(months);
    }

    /** The file {@code name} of an archived {@code month}, if the archive holds it (names are checked, not resolved blindly). */
    public Optional<Path> file(YearMonth month, String name) {
        return list().stream().filter(m -> m.month().equals(month)).findFirst()
                .filter(m -> m.manifest().equals(name) || m.files().stream().anyMatch(f -> f.name().equals(name)))
                .map(m -> root.resolve(month.toString()).resolve(name));
    }

    public static String manifestName(YearMonth month) {
        return month + ".sha256";
    }

    private static Optional<YearMonth> month(String name) {
        if (!name.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(name));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<ArchivedMonth> read(YearMonth month, Path folder) {
        Path manifest = folder.resolve(manifestName(month));
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            List<ArchivedFile> files = new ArrayList<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int split = line.indexOf("  ");
                if (split != 64) {
                    continue;
                }
                String name = line.substring(split + 2);
                Path file = folder.resolve(name);
                if (name.contains("/") || !Files.isRegularFile(file)) {
                    continue;
                }
                files.add(new ArchivedFile(name, Files.size(file), line.substring(0, split)));
            }
            return Optional.of(new ArchivedMonth(month, manifest.getFileName().toString(), files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
