package io.kelvin.web.api;

import io.kelvin.reports.archive.ArchivedMonth;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.web.reporting.KpiSummary;
import io.kelvin.web.reporting.ReportExports;
import io.kelvin.web.reporting.SiteReports;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Period reports for auditors and administrators (parameters: {@link ReportQuery}):
 * {@code GET /api/v1/reports/kpis} the report's figures with the coverage of every meter behind them;
 * {@code GET /api/v1/reports/export} the report file in a format, the same bytes {@code ./kelvin report}
 * writes for the same data, with {@code X-Content-SHA256} (the manifest's digest) and {@code Repr-Digest}
 * (RFC 9530), every export audited; {@code GET /api/v1/reports/archive} the monthly reports kept under
 * {@code DATA_DIR/reports} and {@code GET /api/v1/reports/archive/{month}/{file}} one of their files
 * (audited). A period without data is a 404.
 */
@Path("/api/v1/reports")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class ReportsResource {

    public static final String SHA256_HEADER = "X-Content-SHA256";

    private final SiteReports reports;
    private final ReportExports exports;
    private final Caller caller;

    public ReportsResource(SiteReports reports, ReportExports exports, Caller caller) {
        this.reports = reports;
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("/kpis")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public KpiSummary kpis(@QueryParam("period") String period, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("completeness") String completeness) {
        ReportPeriod p = ReportQuery.period(period, from, to, reports.site().info().timezone());
        return KpiSummary.of(reports.build(p, ReportQuery.settings(completeness, ReportSettings.of(reports.site()))));
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf",
            MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("period") String period, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("format") String format,
                           @QueryParam("completeness") String completeness) {
        ReportFormat f = ReportQuery.format(format);
        ReportPeriod p = ReportQuery.period(period, from, to, reports.site().info().timezone());
        ReportExports.Export export = exports.export(p, ReportQuery.settings(completeness, ReportSettings.of(reports.site())), f, caller.actor(),
                caller.address());
        return Response.ok(export.bytes(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header(SHA256_HEADER, export.sha256())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of()
                        .parseHex(export.sha256())) + ":")
                .build();
    }

    @GET
    @Path("/archive")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ArchivedMonth> archive() {
        return reports.archive().list();
    }

    /**
     * One file of the monthly archive ({@code GET /api/v1/reports/archive/2026-03/2026-03.pdf}), as the
     * listing names it, with its SHA-256; a month or name that is not one (a path, a hidden file) is a 400,
     * a file the archive does not hold a 404. Every download is audited.
     */
    @GET
    @Path("/archive/{month}/{file}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf",
            MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response archiveFile(@PathParam("month") String month, @PathParam("file") String file) {
        ReportExports.Export download = exports.archived(ReportQuery.archiveMonth(month), ReportQuery.archiveFile(file),
                caller.actor(), caller.address());
        return Response.ok(download.bytes(), download.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header(SHA256_HEADER, download.sha256())
                .build();
    }
}
