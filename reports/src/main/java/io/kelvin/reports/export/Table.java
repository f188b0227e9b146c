package io.kelvin.reports.export;

import java.util.List;

/** A titled table of a report: one header row and rows of cells; every export format writes the same tables. */
public record Table(String title, List<String> header, List<List<Cell>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
