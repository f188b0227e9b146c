package io.kelvin.web.reporting;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.NoDataException;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/**
 * A report export on someone's request, from the REST API or the reports view: the report built,
 * written in the format, and put on the audit trail (who, from where, period, format, SHA-256 and
 * size, or why nothing could be exported).
 */
@ApplicationScoped
public class ReportExports {

    private final SiteReports reports;
    private final AuditLog audit;

    ReportExports(SiteReports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    /** The exported file: its bytes, their SHA-256 (as the manifest states it), a file name and the media type. */
    public record Export(byte[] bytes, String sha256, String fileName, String mediaType) {
    }

    /** @throws NoDataException when the period holds no GOOD data (recorded as a failed export) */
    public Export export(ReportPeriod period, ReportSettings settings, ReportFormat format, Actor actor, String address) {
        String target = reports.site().info().id() + " " + period.label();
        String what = "format=" + format.name().toLowerCase(Locale.ROOT) + " from=" + period.from().toOffsetDateTime()
                + " to=" + period.to().toOffsetDateTime() + " completeness=" + settings.completenessThreshold();
        Report report;
        try {
            report = reports.build(period, settings);
        } catch (NoDataException e) {
            audit.record(new AuditEntry(actor, AuditKind.REPORT_EXPORTED, target, address, Outcome.FAILED,
                    what + " no data: " + e.getMessage()));
            throw e;
        }
        byte[] bytes = Exporter.export(report, format);
        String sha256 = Manifest.sha256(bytes);
        audit.record(new AuditEntry(actor, AuditKind.REPORT_EXPORTED, target, address, Outcome.SUCCESS,
                what + " sha256=" + sha256 + " bytes=" + bytes.length));
        return new Export(bytes, sha256, fileName(period, format), format.mediaType());
    }

    /**
     * A file of the monthly archive on someone's request, put on the audit trail as an export (file,
     * SHA-256, size), or as a failed one when the archive does not hold it.
     *
     * @throws NoSuchEntryException when the archive has no such file in that month
     */
    public Export archived(YearMonth month, String name, Actor actor, String address) {
        String target = reports.site().info().id() + " " + month;
        Optional<java.nio.file.Path> file = reports.archive().file(month, name);
        if (file.isEmpty()) {
            audit.record(new AuditEntry(actor, AuditKind.REPORT_EXPORTED, target, address, Outcome.FAILED,
                    "archive file=" + month + "/" + name + " not in the archive"));
            throw new NoSuchEntryException("the report archive has no file " + name + " for " + month);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get(), e);
        }
        String sha256 = Manifest.sha256(bytes);
        audit.record(new AuditEntry(actor, AuditKind.REPORT_EXPORTED, target, address, Outcome.SUCCESS,
                "archive file=" + month + "/" + name + " sha256=" + sha256 + " bytes=" + bytes.length));
        String mediaType = java.util.Arrays.stream(ReportFormat.values()).filter(f -> name.endsWith("." + f.extension()))
                .map(ReportFormat::mediaType).findFirst().orElse("text/plain");
        return new Export(bytes, sha256, name, mediaType);
    }

    /** {@code <site>-<period>.<ext>}, e.g. {@code demo-aidc-2026-03.pdf} or {@code demo-aidc-2026-03-05_2026-03-06T0600.csv}. */
    String fileName(ReportPeriod period, ReportFormat format) {
        String label = period.label().replace(" .. ", "_").replace(' ', 'T').replace(":", "");
        return (reports.site().info().id() + "-" + label).replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    }
}
