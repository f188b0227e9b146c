package io.kelvin.reports.report;

import java.util.List;
import java.util.Optional;

/**
 * A report section fed by a source outside the telemetry store (demand response, optimizer savings).
 * Without a source it states why it is empty ({@code unavailable}); with one it is a table of
 * {@code header} and {@code rows}, values already as text.
 */
public record Section(String title, Optional<String> unavailable, List<String> header, List<List<String>> rows) {

    public Section {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static Section unavailable(String title, String reason) {
        return new Section(title, Optional.of(reason), List.of(), List.of());
    }
}
