package io.kelvin.reports.export;

import io.kelvin.reports.report.Report;

/**
 * Writes a {@link Report} in a {@link ReportFormat}. The same report gives the same bytes every
 * time: nothing written depends on the clock, the machine or a random id.
 */
public final class Exporter {

    private Exporter() {
    }

    public static byte[] export(Report report, ReportFormat format) {
        return switch (format) {
            case CSV -> CsvReport.write(ReportTables.of(report));
            case XLSX -> XlsxReport.write(ReportTables.of(report));
            case PDF -> PdfReport.write(report, ReportTables.of(report));
            case EED -> EedPack.write(report);
        };
    }
}
