package io.kelvin.energyoptimizer.scenario;

import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.TextInput;
import io.kelvin.core.series.TimeFormat;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.SiteModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a job trace as a scenario's {@code jobs:} section maps it (CSV with a header line, or as {@link Layout}
 * describes: a file without one, another delimiter, comment lines, the Standard Workload Format, or Microsoft's Philly
 * trace, whose JSON jobs {@link PhillyTrace} makes rows): an arrival column, either
 * numbers on the trace's own clock ({@code unit}: us, ms, s, min, h, or hms for clocks such as Slurm's 1-02:03:04) or
 * time stamps ({@code format}: iso,
 * epoch-seconds, epoch-millis or a pattern, local stamps read in {@code zone}, default the scenario's); the length
 * as a duration column (a unit) or as an {@code end} column less a {@code start} column (or less the arrival), read
 * like the arrival unless they say otherwise; a resource column (a count, or found by a {@code pattern} in a
 * resource string) scaled to GPUs (fixed
 * {@code gpusPerUnit}, or scaled so the jobs ask for {@code loadShare} of the site's GPU-hours), or a GPU
 * column; power per GPU (the site's active power unless given); and either columns for deadline,
 * priority and preemptible or the rule: every {@code every}-th job (the first included) is deferrable
 * with {@code slackHours} of slack, the others urgent. Jobs arriving in {@code [fromHours, fromHours +
 * days x 24)} of the trace's clock are taken, their slots counted from {@code fromHours}; with time stamps, in
 * {@code [from, from + days)} ({@code from} an instant, default the scenario's start). A deadline column is read
 * like the arrival. With {@code only: { column, values }} only the rows whose column holds one of the values are read
 * (say the jobs a trace marks COMPLETED). Durations are rounded up to whole slots, releases down (a slot is 15
 * minutes).
 */
final class TraceReader {

    static final double SLOT_HOURS = 0.25;

    /** One row of the trace, times in hours on the trace's clock. */
    private record Row(long line, double arrivalH, double lengthH, double units, Optional<Double> deadlineH,
                       Optional<Integer> priority, Optional<Boolean> preemptible) {
    }

    private TraceReader() {
    }

    /** The jobs of the trace {@code n} maps; what it leaves out on purpose is said in {@code notes}. */
    static List<Job> read(ScenarioNode n, Path base, SiteModel site, int days, Instant start, ZoneId zone,
                          List<String> notes) {
        Path file = base.resolve(n.text("file"));
        TimeColumn arrival = TimeColumn.of(n.child("arrival"), null, start, zone, n);
        double fromH = arrival.stamped() ? 0 : n.optNumber("fromHours", 0, 1e7, 0);
        List<Row> rows = rows(n, file, arrival, fromH, days, notes);
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

    private static List<Row> rows(ScenarioNode n, Path file, TimeColumn arrival, double fromH, int days,
                                  List<String> notes) {
        Optional<CsvSeriesSpec.Only> only = n.only("only");
        Optional<String> onlyCol = only.map(CsvSeriesSpec.Only::column);
        String unitsCol = n.child("resources").optText("column").orElse(null);
        Pattern unitsPattern = resourcePattern(n.child("resources"));
        Optional<TimeColumn> deadline = n.has("deadline") && n.child("deadline").has("column")
                ? Optional.of(n.child("deadline").has("unit") || n.child("deadline").has("format") || arrival.stamped()
                        ? TimeColumn.of(n.child("deadline"), arrival, null, null, n)
                        : TimeColumn.numeric(n.child("deadline"), "s"))
                : Optional.empty();
        Optional<String> priorityCol = n.child("priority").optText("column");
        Optional<String> preemptCol = n.child("preemptible").optText("column");
        Length length = Length.of(n, arrival);
        if (length == null) {
            return new ArrayList<>();
        }
        Layout layout = Layout.of(n);
        List<Row> rows = new ArrayList<>();
        if (arrival.column().isEmpty() || length.columns().contains("") || layout == null) {
            return rows;
        }
        double toH = fromH + days * 24.0;
        try (Reader in = open(layout, file, notes);
             CSVParser parser = CSVParser.parse(in, layout.csv())) {
            // The columns a job is made of (a format's "not known" in one leaves the row out), then every other mapped one.
            List<String> known = new ArrayList<>(List.of(arrival.column()));
            known.addAll(length.columns());
            if (unitsCol != null) {
                known.add(unitsCol);
            }
            List<String> needed = new ArrayList<>(known);
            Stream.of(onlyCol, deadline.map(TimeColumn::column), priorityCol, preemptCol).flatMap(Optional::stream)
                    .forEach(needed::add);
            for (String col : needed) {
                if (!parser.getHeaderNames().contains(col)) {
                    n.problem("file", file.getFileName() + ": no column '" + col + "' (has " + parser.getHeaderNames() + ")");
                    return rows;
                }
            }
            long unknown = 0;
            long noResource = 0;
            long noLength = 0;
            long noUnits = 0;
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (only.isPresent() && !only.get().values().contains(rec.get(onlyCol.get()).trim())) {
                    continue; // not a row the scenario takes: its other cells (an empty end, say) are not read
                }
                if (layout.philly() && rec.get("run_seconds").isEmpty()) {
                    continue; // no attempt with a start and an end: counted when the trace was read
                }
                if (layout.unknown().isPresent() && known.stream().anyMatch(c -> rec.get(c).equals(layout.unknown().get()))) {
                    unknown++;
                    continue; // the format's "not known" in a cell the job needs: no job can be made of the row
                }
                double a = arrival.hours(n, file, rec, line);
                if (!(a >= fromH && a < toH)) {
                    continue;
                }
                double len = length.hours(n, file, rec, line, a);
                double units;
                if (unitsPattern != null) {
                    Matcher m = unitsPattern.matcher(rec.get(unitsCol));
                    if (!m.find()) {
                        noResource++;
                        continue; // no such resource in the cell (a job without GPUs, say): not a job of this site
                    }
                    String found = m.groupCount() > 0 ? m.group(1) : m.group();
                    units = finite(found);
                    if (Double.isNaN(units)) {
                        n.problem("file", file.getFileName() + ": line " + line + ": " + unitsCol + ": '" + found
                                + "' found by the pattern is not a number");
                        continue;
                    }
                } else {
                    units = unitsCol == null ? 1 : value(n, file, rec, line, unitsCol);
                }
                if (Double.isNaN(len) || Double.isNaN(units)) {
                    continue; // the cell's problem is reported
                }
                if (len < 0 || units < 0) {
                    String why = len >= 0 ? "resources must not be negative" : length.notPositive();
                    n.problem("file", file.getFileName() + ": line " + line + ": " + why);
                    continue;
                }
                if (len == 0) {
                    noLength++;
                    continue; // ended as it started (failed or cancelled at once): no work to plan
                }
                if (units == 0) {
                    noUnits++;
                    continue; // asks for none of the resource (a CPU job in a GPU cluster's trace)
                }
                Optional<Double> due = deadline.map(c -> c.hours(n, file, rec, line));
                Optional<Integer> priority = priorityCol.map(c -> priority(n, file, rec, line, c));
                Optional<Boolean> preemptible = preemptCol.flatMap(c -> flag(n, file, rec, line, c));
                if (due.filter(d -> Double.isNaN(d)).isPresent() || priority.filter(p -> p == 0).isPresent()
                        || preemptCol.isPresent() && preemptible.isEmpty()) {
                    continue; // the cell's problem is reported
                }
                rows.add(new Row(line, a, len, units, due, priority, preemptible));
            }
            if (noResource > 0) {
                notes.add(file.getFileName() + ": " + noResource + " rows left out: the resources pattern '"
                        + unitsPattern + "' found nothing in " + unitsCol);
            }
            if (noLength > 0) {
                notes.add(file.getFileName() + ": " + noLength + " rows left out: no length (" + length.zero() + ")");
            }
            if (noUnits > 0) {
                notes.add(file.getFileName() + ": " + noUnits + " rows left out: 0 in " + unitsCol + " (no GPU asked for)");
            }
            if (unknown > 0) {
                notes.add(file.getFileName() + ": " + unknown + " rows left out: '" + layout.unknown().get()
                        + "' (not known) in one of " + known);
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            n.problem("file", "cannot be read: " + e.getMessage());
        }
        return rows;
    }

    /** The trace's text as its layout reads it; a Philly trace's jobs made rows first, those without a run counted. */
    private static Reader open(Layout layout, Path file, List<String> notes) throws IOException {
        BufferedReader text = TextInput.withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        if (!layout.philly()) {
            return layout.reader(text);
        }
        try (text) {
            PhillyTrace.Rows rows = PhillyTrace.read(text);
            if (rows.withoutRun() > 0) {
                notes.add(file.getFileName() + ": " + rows.withoutRun() + " jobs of the trace left out: no attempt with both a start"
                        + " and an end time");
            }
            return new StringReader(rows.csv());
        }
    }

    private static final Pattern CLOCK =
            Pattern.compile("(?:(\\d+)-)?(?:(?:(\\d+):)?(\\d+):)?(\\d+(?:\\.\\d+)?)");

    /**
     * A length written as a clock, {@code [D-][HH:]MM:SS[.fff]} or seconds (Slurm's Elapsed and Timelimit, PBS's
     * walltime), in hours; NaN, with a problem naming the line and column, otherwise.
     */
    private static double clockHours(ScenarioNode n, Path file, CSVRecord rec, long line, String column) {
        String text = rec.get(column).trim();
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            n.problem("file", file.getFileName() + ": line " + line + ": " + column
                    + ": not a length such as 1-02:03:04, 02:03:04 or 03:04: " + text);
            return Double.NaN;
        }
        double days = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
        double h = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
        double min = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        return days * 24 + h + min / 60 + Double.parseDouble(m.group(4)) / 3600;
    }

    /**
     * The {@code pattern} of a resource column whose cells hold more than a count (Slurm's AllocTRES,
     * {@code billing=8,cpu=8,gres/gpu=2,mem=64G}): its first group, or the whole match, is the count; null without one.
     */
    private static Pattern resourcePattern(ScenarioNode r) {
        Optional<String> p = r.optText("pattern");
        if (p.isEmpty()) {
            return null;
        }
        if (!r.has("column")) {
            r.problem("pattern", "goes with a column");
        }
        try {
            return Pattern.compile(p.get());
        } catch (PatternSyntaxException e) {
            r.problem("pattern", "not a regular expression: " + e.getDescription() + ": " + p.get());
            return null;
        }
    }

    /** A priority cell: a whole number 1..10; 0, with a problem naming the line, otherwise. */
    private static int priority(ScenarioNode n, Path file, CSVRecord rec, long line, String column) {
        String text = rec.get(column);
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 1 && p <= 10) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        n.problem("file", file.getFileName() + ": line " + line + ": " + column + ": not a priority (1..10): " + text);
        return 0;
    }

    /** A yes/no cell (true/false, yes/no, y/n, 1/0, any case); empty, with a problem naming the line, otherwise. */
    private static Optional<Boolean> flag(ScenarioNode n, Path file, CSVRecord rec, long line, String column) {
        String text = rec.get(column);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Optional.of(true);
            case "false", "no", "n", "0" -> Optional.of(false);
            default -> {
                n.problem("file", file.getFileName() + ": line " + line + ": " + column
                        + ": not true or false (or yes/no, 1/0): " + text);
                yield Optional.empty();
            }
        };
    }

    /**
     * How the trace's text is laid out: CSV with a header line (default), or {@code header:} names for a file without
     * one, a {@code delimiter} (one character, {@code tab}, or {@code whitespace}: runs of spaces and tabs, leading ones
     * ignored) and a {@code comment} character starting lines to skip; or {@code format: swf}, the Standard Workload
     * Format of the Parallel Workloads Archive (its 18 fields by {@link #SWF_FIELDS}, whitespace, {@code ;} comments,
     * -1 for a value not known: a row with -1 in its arrival, length or resources is left out and counted); or
     * {@code format: philly}, Microsoft's Philly trace, its JSON jobs made rows of {@link PhillyTrace#FIELDS}
     * ({@code philly}).
     */
    private record Layout(List<String> header, Character delimiter, Character comment, Optional<String> unknown,
                          boolean philly) {

        private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

        /** The fields of the Standard Workload Format, in its order. */
        static final List<String> SWF_FIELDS = List.of("job", "submit", "wait", "run", "allocatedProcessors",
                "cpuTime", "usedMemory", "requestedProcessors", "requestedTime", "requestedMemory", "status", "user",
                "group", "executable", "queue", "partition", "precedingJob", "thinkTime");

        /** The layout {@code n} describes; null, with a problem, when it cannot be used. */
        static Layout of(ScenarioNode n) {
            String format = n.optText("format").orElse("csv").toLowerCase(Locale.ROOT);
            if (format.equals("swf") || format.equals("philly")) {
                for (String fixed : List.of("header", "delimiter", "comment")) {
                    if (n.has(fixed)) {
                        n.problem(fixed, "format " + format + " fixes the fields, delimiter and comments; leave " + fixed
                                + " out");
                    }
                }
            }
            if (format.equals("philly")) {
                return new Layout(PhillyTrace.FIELDS, ',', null, Optional.empty(), true);
            }
            if (format.equals("swf")) {
                return new Layout(SWF_FIELDS, null, ';', Optional.of("-1"), false);
            }
            if (!format.equals("csv")) {
                n.problem("format", "must be csv (with header, delimiter and comment as needed), swf (the Standard"
                        + " Workload Format) or philly (Microsoft's Philly trace, JSON), was " + format);
                return null;
            }
            List<String> header = new ArrayList<>();
            boolean usable = true;
            for (ScenarioNode h : n.list("header")) {
                String name = h.json().isValueNode() ? h.json().asText().trim() : "";
                if (name.isEmpty() || header.contains(name)) {
                    h.report(n.file() + ": " + h.path() + ": a column name, not empty and not repeated: " + h.json());
                    usable = false;
                }
                header.add(name);
            }
            if (n.has("header") && header.isEmpty()) {
                n.problem("header", "the names of the trace's columns in order (for a file without a header line)");
                usable = false;
            }
            Optional<String> d0 = n.optText("delimiter");
            Character delimiter = d0.equals(Optional.of("whitespace")) ? null : d0.map(d -> switch (d) {
                case "tab" -> '\t';
                default -> {
                    if (d.length() == 1 && !d.equals("\"")) {
                        yield d.charAt(0);
                    }
                    n.problem("delimiter", "one character (not a quote), tab or whitespace, was " + d);
                    yield ',';
                }
            }).orElse(',');
            Character comment = null;
            Optional<String> c = n.optText("comment");
            if (c.isPresent()) {
                if (c.get().length() == 1 && !c.get().equals(String.valueOf(delimiter)) && !c.get().equals("\"")) {
                    comment = c.get().charAt(0);
                } else {
                    n.problem("comment", "one character starting the lines to skip (not the delimiter), was " + c.get());
                }
            }
            return usable ? new Layout(header, delimiter, comment, Optional.empty(), false) : null;
        }

        CSVFormat csv() {
            CSVFormat.Builder b = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true)
                    .setDelimiter(delimiter == null ? ',' : delimiter);
            if (comment != null) {
                b.setCommentMarker(comment);
            }
            return (header.isEmpty() ? b.setHeader().setSkipHeaderRecord(true) : b.setHeader(header.toArray(String[]::new)))
                    .get();
        }

        /** The file's text as {@link #csv} reads it: with {@code whitespace}, each line's runs of blanks made commas. */
        Reader reader(BufferedReader in) {
            if (delimiter != null) {
                return in;
            }
            java.util.Iterator<String> lines = in.lines().iterator();
            return new Reader() {
                private String pending = "";
                private int at;

                @Override
                public int read(char[] buf, int off, int len) {
                    while (at == pending.length()) {
                        if (!lines.hasNext()) {
                            return -1;
                        }
                        String line = lines.next().strip();
                        pending = (comment != null && line.startsWith(String.valueOf(comment)) ? line
                                : BLANKS.matcher(line).replaceAll(",")) + "\n";
                        at = 0;
                    }
                    int k = Math.min(len, pending.length() - at);
                    pending.getChars(at, at + k, buf, off);
                    at += k;
                    return k;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }
    }

    /** The cell as a finite number; NaN, with a problem naming the line and column, otherwise. */
    private static double value(ScenarioNode n, Path file, CSVRecord rec, long line, String column) {
        double v = finite(rec.get(column));
        if (Double.isNaN(v)) {
            n.problem("file", file.getFileName() + ": line " + line + ": " + column + ": not a number: " + rec.get(column));
        }
        return v;
    }

    /** The text as a finite number; NaN when it is not one. */
    private static double finite(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * How a job's length is read: a {@code duration} column, or an {@code end} column less a {@code start} column or,
     * without one, less the arrival. {@code end} and {@code start} are read like the arrival unless they say otherwise.
     */
    private record Length(TimeColumn duration, TimeColumn end, TimeColumn start) {

        /** The length the {@code jobs} node gives; null, with a problem, when it gives both or neither. */
        static Length of(ScenarioNode n, TimeColumn arrival) {
            boolean byEnd = n.has("end");
            if (byEnd == n.has("duration")) {
                n.problem("duration", "give exactly one of duration (a length column) and end (an end column, less"
                        + " start or the arrival)");
                return null;
            }
            TimeColumn start = n.has("start") ? TimeColumn.of(n.child("start"), arrival, null, null, n) : null;
            if (!byEnd) {
                if (start != null) {
                    n.child("start").problem("column", "a start column goes with an end column, not with duration");
                }
                return new Length(TimeColumn.length(n.child("duration")), null, null);
            }
            return new Length(null, TimeColumn.of(n.child("end"), arrival, null, null, n), start);
        }

        List<String> columns() {
            return Stream.of(duration, end, start).filter(java.util.Objects::nonNull)
                    .map(TimeColumn::column).toList();
        }

        /** The row's length in hours ({@code arrivalH}: its arrival, for an end without a start). */
        double hours(ScenarioNode n, Path file, CSVRecord rec, long line, double arrivalH) {
            if (duration != null) {
                return duration.hours(n, file, rec, line);
            }
            return end.hours(n, file, rec, line) - (start != null ? start.hours(n, file, rec, line) : arrivalH);
        }

        /** What a row whose length is negative got wrong. */
        String notPositive() {
            return duration != null ? "duration must not be negative" : "end must not be before " + (start != null ? "start" : "arrival");
        }

        /** What a length of 0 is in the trace's own words. */
        String zero() {
            return duration != null ? "0 in " + duration.column() : "end equal to " + (start != null ? "start" : "arrival");
        }
    }

    /**
     * A time column of the trace, read as hours: numbers times their unit on the trace's own clock, or time stamps as
     * hours since {@code from}.
     */
    private record TimeColumn(String column, double hoursPerUnit, TimeFormat stamps, ZoneId zone,
                              Instant from, boolean clock) {

        boolean stamped() {
            return stamps != null;
        }

        /**
         * The column {@code c} describes: time stamps when it gives {@code format}, numbers when it gives {@code unit};
         * with neither, read like {@code like} (the arrival), or in seconds for the arrival itself. Stamps count from
         * {@code jobs.from} (default {@code start}); local ones are read in {@code c.zone} (default {@code zone}).
         */
        static TimeColumn of(ScenarioNode c, TimeColumn like, Instant start, ZoneId zone, ScenarioNode jobs) {
            String column = c.text("column");
            if (c.has("unit") && c.has("format")) {
                c.problem("format", "give unit (numbers on the trace's clock) or format (time stamps), not both");
            }
            boolean stamped = c.has("format") || (!c.has("unit") && like != null && like.stamped());
            if (!stamped) {
                if (like == null && jobs.has("from")) {
                    jobs.problem("from", "goes with time-stamped arrivals (arrival.format); numbers use fromHours");
                }
                return c.has("unit") || like == null ? numeric(c, "s")
                        : new TimeColumn(column, like.hoursPerUnit(), null, null, null, like.clock());
            }
            if (like != null && !like.stamped()) {
                c.problem("format", "time stamps here need time-stamped arrivals (arrival.format)");
                return numeric(c, "s");
            }
            if (like == null && jobs.has("fromHours")) {
                jobs.problem("fromHours", "goes with numeric arrivals; with time stamps give from (an ISO instant)");
            }
            TimeFormat format;
            String pattern = c.optText("format").orElse(null);
            if (pattern == null) {
                format = like.stamps();
            } else {
                try {
                    format = TimeFormat.parse(pattern, Instant.EPOCH);
                } catch (IllegalArgumentException e) {
                    c.problem("format", "not a time format (iso, epoch-seconds, epoch-millis or a pattern such as"
                            + " yyyy-MM-dd HH:mm:ss): " + pattern);
                    format = new TimeFormat.Iso();
                }
            }
            ZoneId in = c.has("zone") ? c.zone("zone") : like != null ? like.zone() : zone;
            Instant from = like != null ? like.from() : jobs.has("from") ? jobs.instant("from") : start;
            return new TimeColumn(column, 0, format, in, from, false);
        }

        /** A length column: numbers in a unit (default {@code fallbackUnit}); time stamps make no length. */
        static TimeColumn length(ScenarioNode c) {
            if (c.has("format")) {
                c.problem("format", "a duration is a number with a unit; for time stamps give end (and start) columns");
            }
            return numeric(c, "s");
        }

        static TimeColumn numeric(ScenarioNode c, String fallbackUnit) {
            boolean clock = c.optText("unit").map(u -> u.equalsIgnoreCase("hms")).orElse(false);
            return new TimeColumn(c.text("column"), clock ? 1 : TraceReader.hours(c, fallbackUnit), null, null, null,
                    clock);
        }

        /** The cell in hours; NaN, with a problem naming the line and column, when it cannot be read. */
        double hours(ScenarioNode n, Path file, CSVRecord rec, long line) {
            if (clock) {
                return clockHours(n, file, rec, line, column);
            }
            if (!stamped()) {
                return value(n, file, rec, line, column) * hoursPerUnit;
            }
            String text = rec.get(column);
            try {
                Object read = stamps.read(text);
                Instant at = read instanceof LocalDateTime local ? local.atZone(zone).toInstant() : (Instant) read;
                return Duration.between(from, at).toMillis() / 3_600_000.0;
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                n.problem("file", file.getFileName() + ": line " + line + ": " + column + ": not a time stamp ("
                        + describe(stamps) + "): " + text);
                return Double.NaN;
            }
        }

        private static String describe(TimeFormat f) {
            return switch (f) {
                case TimeFormat.Iso i -> "iso";
                case TimeFormat.EpochSeconds e -> "epoch-seconds";
                case TimeFormat.EpochMillis e -> "epoch-millis";
                case TimeFormat.OffsetSeconds o -> "offset-seconds";
                case TimeFormat.Pattern p -> p.pattern();
            };
        }
    }

    /** Hours per unit of a numeric time column: us, ms, s, min or h. */
    private static double hours(ScenarioNode column, String fallback) {
        String unit = column.optText("unit").orElse(fallback).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "us" -> 1 / 3.6e9;
            case "ms" -> 1 / 3.6e6;
            case "s" -> 1 / 3600.0;
            case "min" -> 1 / 60.0;
            case "h" -> 1;
            default -> {
                column.problem("unit", "must be us, ms, s, min, h or hms ([D-]HH:MM:SS), was " + unit);
                yield 1;
            }
        };
    }
}
