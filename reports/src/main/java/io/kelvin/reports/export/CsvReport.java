package io.kelvin.reports.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as one CSV file (RFC 4180, UTF-8): each table as a row holding its title, its header row,
 * its rows and an empty line. Commons CSV does the quoting.
 */
public final class CsvReport {

    private CsvReport() {
    }

    public static byte[] write(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (Table table : tables) {
                csv.printRecord(table.title());
                csv.printRecord(table.header());
                for (List<Cell> row : table.rows()) {
                    csv.printRecord(row.stream().map(Cell::shown).toList());
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return bytes.toByteArray();
    }

    /** SHA-256 (hex) of the tables written as CSV. */
    static String digest(List<Table> tables) {
        return Manifest.sha256(write(tables));
    }
}
