package io.kelvin.reports.export;

import java.util.Locale;
import java.util.Optional;

/** The formats a report exports to, with the file extension and media type of each. */
public enum ReportFormat {
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    /** The EU Energy Efficiency Directive pack (Delegated Regulation (EU) 2024/1364), as JSON. */
    EED("eed.json", "application/json");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named {@code csv}, {@code xlsx}, {@code pdf} or {@code eed} (any case). */
    public static Optional<ReportFormat> named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
