package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.SiteModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a job trace (CSV with a header) as a scenario's {@code jobs:} section maps it: arrival and
 * duration columns with their units (s, min, h), a resource column scaled to GPUs (fixed
 * {@code gpusPerUnit}, or scaled so the jobs ask for {@code loadShare} of the site's GPU-hours), or a GPU
 * column; power per GPU (the site's active power unless given); and either columns for deadline,
 * priority and preemptible or the rule: every {@code every}-th job (the first included) is deferrable
 * with {@code slackHours} of slack, the others urgent. Jobs arriving in {@code [fromHours, fromHours +
 * days x 24)} of the trace's clock are taken, their slots counted from {@code fromHours}. Durations are
 * rounded up to whole slots, releases down (a slot is 15 minutes).
 */
final class TraceReader {

    static final double SLOT_HOURS = 0.25;

    /** One row of the trace, times in hours on the trace's clock. */
    private record Row(long line, double arrivalH, double lengthH, double units, Optional<Double> deadlineH,
                       Optional<Integer> priority, Optional<Boolean> preemptible) {
    }

    private TraceReader() {
    }

    static List<Job> read(ScenarioNode n, Path base, SiteModel site, int days) {
        Path file = base.resolve(n.text("file"));
        double fromH = n.optNumber("fromHours", 0, 1e7, 0);
        List<Row> rows = rows(n, file, fromH, days);
        double perUnit = gpusPerUnit(n, rows, site, days);
        ScenarioNode flex = n.child("deferrable");
        int every = flex.optInteger("every", 1, 1_000_000, 2);
        double flexSlackH = flex.optNumber("slackHours", 0, 24 * 365, 12);
        int flexPriority = flex.optInteger("priority", 1, 10, 1);
        double preemptFromH = flex.optNumber("preemptibleFromHours", 0, 1e6, Double.POSITIVE_INFINITY);
        int checkpointSlots = (int) Math.ceil(flex.optNumber("checkpointMinutes", 0, 24 * 60, 15) / 15.0 - 1e-9);
        ScenarioNode urgent = n.child("urgent");
        double urgentSlackH = urgent.optNumber("slackHours", 0, 24 * 365, 1);
        int urgentPriority = urgent.optInteger("priority", 1, 10, 3);
        double kwPerGpu = n.optNumber("powerKwPerGpu", 0, 5, site.activeKwPerGpu());
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int release = (int) Math.floor((r.arrivalH() - fromH) / SLOT_HOURS);
            int duration = Math.max(1, (int) Math.ceil(r.lengthH() / SLOT_HOURS - 1e-9));
            int gpus = (int) Math.max(1, Math.min(site.gpus(), Math.round(r.units() * perUnit)));
            boolean deferrable = i % every == 0;
            int deadline = r.deadlineH().map(d -> (int) Math.floor((d - fromH) / SLOT_HOURS))
                    .orElse(release + duration + (int) Math.round((deferrable ? flexSlackH : urgentSlackH) / SLOT_HOURS));
            int priority = r.priority().orElse(deferrable ? flexPriority : urgentPriority);
            boolean preemptible = r.preemptible().orElse(deferrable && r.lengthH() >= preemptFromH);
            if (deadline < release + duration) {
                n.problem("deadline", file.getFileName() + ": line " + r.line() + ": deadline before release + duration");
                continue;
            }
            jobs.add(new Job("j" + i, gpus, gpus * kwPerGpu, duration, release, deadline, priority, preemptible,
                    preemptible ? checkpointSlots : 0, Job.Phase.PENDING));
        }
        return jobs;
    }

    /** GPUs per resource unit: given, or what makes the jobs ask for {@code loadShare} of the site's GPU-hours. */
    private static double gpusPerUnit(ScenarioNode n, List<Row> rows, SiteModel site, int days) {
        if (n.has("gpusPerUnit") == n.has("loadShare")) {
            n.problem("gpusPerUnit", "give exactly one of gpusPerUnit and loadShare");
            return 1;
        }
        if (n.has("gpusPerUnit")) {
            return n.optNumber("gpusPerUnit", 1e-6, 1e6, 1);
        }
        double share = n.optNumber("loadShare", 0.01, 2, 0.5);
        double unitHours = rows.stream().mapToDouble(r -> r.units() * r.lengthH()).sum();
        return unitHours == 0 ? 1 : share * site.gpus() * days * 24 / unitHours;
    }

    private static List<Row> rows(ScenarioNode n, Path file, double fromH, int days) {
        ScenarioNode arrival = n.child("arrival");
        ScenarioNode length = n.child("duration");
        String arrivalCol = arrival.text("column");
        String lengthCol = length.text("column");
        double arrivalUnit = hours(arrival);
        double lengthUnit = hours(length);
        String unitsCol = n.child("resources").optText("column").orElse(null);
        Optional<String> deadlineCol = n.child("deadline").optText("column");
        double deadlineUnit = deadlineCol.isPresent() ? hours(n.child("deadline")) : 1;
        Optional<String> priorityCol = n.child("priority").optText("column");
        Optional<String> preemptCol = n.child("preemptible").optText("column");
        List<Row> rows = new ArrayList<>();
        if (arrivalCol.isEmpty() || lengthCol.isEmpty()) {
            return rows;
        }
        double toH = fromH + days * 24.0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            for (String col : List.of(arrivalCol, lengthCol)) {
                if (!parser.getHeaderNames().contains(col)) {
                    n.problem("file", file.getFileName() + ": no column '" + col + "' (has " + parser.getHeaderNames() + ")");
                    return rows;
                }
            }
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                double a = value(n, file, rec, line, arrivalCol) * arrivalUnit;
                if (!(a >= fromH && a < toH)) {
                    continue;
                }
                double len = value(n, file, rec, line, lengthCol) * lengthUnit;
                double units = unitsCol == null ? 1 : value(n, file, rec, line, unitsCol);
                if (!(len > 0) || !(units > 0)) {
                    n.problem("file", file.getFileName() + ": line " + line + ": duration and resources must be > 0");
                    continue;
                }
                rows.add(new Row(line, a, len, units,
                        deadlineCol.map(c -> value(n, file, rec, line, c) * deadlineUnit),
                        priorityCol.map(c -> (int) value(n, file, rec, line, c)),
                        preemptCol.map(c -> Boolean.parseBoolean(rec.get(c)))));
            }
        } catch (IOException | IllegalArgumentException e) {
            n.problem("file", "cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private static double value(ScenarioNode n, Path file, CSVRecord rec, long line, String column) {
        try {
            return Double.parseDouble(rec.get(column));
        } catch (NumberFormatException e) {
            n.problem("file", file.getFileName() + ": line " + line + ": " + column + ": not a number: " + rec.get(column));
            return Double.NaN;
        }
    }

    /** Hours per unit of a time column: s, min or h. */
    private static double hours(ScenarioNode column) {
        String unit = column.optText("unit").orElse("s").toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "s" -> 1 / 3600.0;
            case "min" -> 1 / 60.0;
            case "h" -> 1;
            default -> {
                column.problem("unit", "must be s, min or h, was " + unit);
                yield 1;
            }
        };
    }
}
