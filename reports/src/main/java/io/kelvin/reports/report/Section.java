package io.kelvin.reports.report;

import java.util.List;
import java.util.Optional;

/**
 * A report section fed by a source outside the telemetry store (demand response, optimizer savings).
 * Without a source it states why it is empty ({@code unavailable}); with one it is a table of
 * {@code header} and {@code rows}, values already as text, and the {@code notes} that state its method (printed
 * with the report's method).
 */
public record Section(String title, Optional<String> unavailable, List<String> header, List<List<String>> rows,
                      List<String> notes) {

    public Section {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /** A section whose method is stated in its rows. */
    public Section(String title, Optional<String> unavailable, List<String> header, List<List<String>> rows) {
        this(title, unavailable, header, rows, List.of());
    }

    public static Section unavailable(String title, String reason) {
        return new Section(title, Optional.of(reason), List.of(), List.of(), List.of());
    }
}
