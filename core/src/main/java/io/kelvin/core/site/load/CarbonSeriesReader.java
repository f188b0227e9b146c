package io.kelvin.core.site.load;

import io.kelvin.core.site.GridConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an emission-factor series: a CSV file under the site-configs folder with an optional header
 * {@code time,kg_per_kwh}, then one row per interval, times strictly increasing, factors 0..2 kg
 * CO2e/kWh. Every bad row is reported as {@code file: line N: reason}.
 */
final class CarbonSeriesReader {

    private static final double MAX_KG_PER_KWH = 2.0;

    private CarbonSeriesReader() {
    }

    static List<GridConnection.Series.Factor> read(Path file, String name, Problems problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(name, "", "cannot be read: " + e.getMessage());
            return List.of();
        }
        List<GridConnection.Series.Factor> factors = new ArrayList<>();
        int problemsBefore = problems.size();
        Instant previous = Instant.MIN;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("time"))) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                problems.add(name, where, "must be 'time,kg_per_kwh', was '" + line + "'");
                continue;
            }
            try {
                Instant time = OffsetDateTime.parse(cells[0].trim()).toInstant();
                double kg = Double.parseDouble(cells[1].trim());
                if (!(kg >= 0 && kg <= MAX_KG_PER_KWH)) {
                    problems.add(name, where, "factor must be 0..2 kg CO2e/kWh, was " + cells[1].trim());
                } else if (!time.isAfter(previous)) {
                    problems.add(name, where, "time " + cells[0].trim() + " is not after the row before");
                } else {
                    factors.add(new GridConnection.Series.Factor(time, kg));
                    previous = time;
                }
            } catch (DateTimeParseException e) {
                problems.add(name, where, "time '" + cells[0].trim() + "' must look like 2026-03-01T00:00+08:00");
            } catch (NumberFormatException e) {
                problems.add(name, where, "factor '" + cells[1].trim() + "' is not a number");
            }
        }
        if (factors.isEmpty() && problems.size() == problemsBefore) {
            problems.add(name, "", "holds no factors");
        }
        return List.copyOf(factors);
    }
}
