package io.kelvin.core.series;

import io.kelvin.core.site.load.ConfigProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a {@link TimeSeries} from a CSV file as a {@link CsvSeriesSpec} describes it. Every problem is
 * collected and reported together as {@code file: line N: reason} ({@link SeriesFormatException}); a
 * file with any problem gives no series. Values are converted to the canonical unit of their measure.
 */
public final class CsvSeriesReader {

    /** At most this many problems are listed; the rest are counted. */
    static final int MAX_PROBLEMS = SeriesProblems.MAX;
    private static final Set<String> GAP_WORDS = Set.of("", "na", "n/a", "nan", "null", "-", "n/e");
    /** A number with a decimal comma whose points group thousands: {@code -1.234,5}. */
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+(,\\d*)?");
    /** Between the two stamps of an interval cell. */
    private static final Pattern INTERVAL_DASH = Pattern.compile("\\s+-\\s+");
    /** A zone abbreviation after a stamp of an interval cell: {@code (CET)}, {@code (CEST)}. */
    private static final Pattern ZONE_NOTE = Pattern.compile("\\s*\\([^()]*\\)$");

    private CsvSeriesReader() {
    }

    public static TimeSeries read(Path file, CsvSeriesSpec spec) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString(), spec);
        } catch (IOException e) {
            throw new SeriesFormatException(List.of(new ConfigProblem(file.toString(), "", "cannot be read: "
                    + e.getMessage())));
        }
    }

    /** Reads from {@code in}; {@code source} names it in messages. A byte order mark at its start is skipped. */
    public static TimeSeries read(Reader in, String source, CsvSeriesSpec spec) {
        SeriesProblems problems = new SeriesProblems(source);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(spec.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Cell> cells = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (spec.label() == CsvSeriesSpec.Label.INTERVAL && spec.resolution().isPresent()) {
            problems.add(at(0), "resolution: each row's interval is written in its time cell; leave resolution out");
            throw problems.failure();
        }
        try (CSVParser parser = CSVParser.parse(TextInput.withoutByteOrderMark(in), format)) {
            List<String> header = parser.getHeaderNames();
            int timeCol = column(header, spec.timeColumn(), "timeColumn", problems);
            int valueCol = column(header, spec.valueColumn(), "valueColumn", problems);
            int onlyCol = spec.only().isEmpty() ? -1 : column(header, spec.only().get().column(), "only.column", problems);
            if (timeCol < 0 || valueCol < 0 || (spec.only().isPresent() && onlyCol < 0)) {
                throw problems.failure();
            }
            int needed = Math.max(onlyCol, Math.max(timeCol, valueCol));
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.size() <= needed) {
                    problems.add(at(line), "has " + record.size() + " fields, needs column " + (needed + 1));
                    continue;
                }
                if (onlyCol >= 0 && !spec.only().get().values().contains(record.get(onlyCol).trim())) {
                    continue;
                }
                cells.add(new Cell(line, record.get(timeCol), value(record.get(valueCol), spec, line, problems)));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(at(0), "is not valid CSV: " + e.getMessage());
        }
        if (newestFirst(cells, spec)) {
            Collections.reverse(cells);
        }
        for (Cell c : cells) {
            if (spec.label() == CsvSeriesSpec.Label.INTERVAL) {
                interval(c.time(), spec, c.line(), rows, problems)
                        .ifPresent(span -> rows.add(new Row(c.line(), span[0], span[1], c.value())));
            } else {
                Instant at = time(c.time(), spec, c.line(), rows, problems);
                if (at != null) {
                    rows.add(new Row(c.line(), at, null, c.value()));
                }
            }
        }
        TimeSeries series = build(rows, spec, problems);
        if (problems.any()) {
            throw problems.failure();
        }
        return series;
    }

    /** One row as written: its line, its time cell, its value (null: a gap). */
    private record Cell(long line, String time, Double value) {
    }

    /**
     * Whether the file lists its rows newest first (as data downloaded from an API often is): its first row's time
     * is later than its last's. Such a file is read from its end, so that a local hour repeated at the autumn
     * change is still told apart by order; a file in no order is refused row by row.
     */
    private static boolean newestFirst(List<Cell> cells, CsvSeriesSpec spec) {
        if (cells.size() < 2) {
            return false;
        }
        try {
            Object first = spec.timeFormat().read(startOf(cells.getFirst().time(), spec));
            Object last = spec.timeFormat().read(startOf(cells.getLast().time(), spec));
            if (first instanceof Instant a && last instanceof Instant b) {
                return a.isAfter(b);
            }
            return first instanceof LocalDateTime a && last instanceof LocalDateTime b && a.isAfter(b);
        } catch (DateTimeParseException | NumberFormatException e) {
            return false; // the cell's problem is reported when it is placed
        }
    }

    /** The stamp a row's time cell starts with: an interval cell's first, else the whole cell. */
    private static String startOf(String cell, CsvSeriesSpec spec) {
        return spec.label() != CsvSeriesSpec.Label.INTERVAL ? cell : intervalStamps(cell)[0];
    }

    /** The stamps of an interval cell, {@code start - end}, without their zone notes; one element when it has no dash. */
    private static String[] intervalStamps(String cell) {
        String[] parts = INTERVAL_DASH.split(cell.trim());
        for (int i = 0; i < parts.length; i++) {
            parts[i] = ZONE_NOTE.matcher(parts[i]).replaceFirst("");
        }
        return parts;
    }

    /** One row: its stamp (an interval cell's start), an interval cell's end (else null), its value (null: a gap). */
    private record Row(long line, Instant at, Instant end, Double value) {
    }

    private static int column(List<String> header, String wanted, String field, SeriesProblems problems) {
        int byName = header.indexOf(wanted);
        if (byName >= 0) {
            return byName;
        }
        if (wanted.chars().allMatch(Character::isDigit) && !wanted.isEmpty()) {
            int n = Integer.parseInt(wanted);
            if (n >= 1 && n <= header.size()) {
                return n - 1;
            }
        }
        problems.add(at(1), field + " '" + wanted + "' is not a column; the header has " + header);
        return -1;
    }

    private static Instant time(String text, CsvSeriesSpec spec, long line, List<Row> rows, SeriesProblems problems) {
        try {
            return start(spec.timeFormat().read(text), spec, rows);
        } catch (DateTimeParseException | NumberFormatException | ClassCastException e) {
            problems.add(at(line), "'" + text + "' is not a time in format " + describe(spec.timeFormat()));
            return null;
        }
    }

    /** A stamp read as the start of a row: a local time placed in the zone. */
    private static Instant start(Object read, CsvSeriesSpec spec, List<Row> rows) {
        if (read instanceof Instant instant) {
            return instant;
        }
        LocalDateTime local = (LocalDateTime) read;
        Instant earlier = TimeFormat.place(local, spec.zone(), false);
        // The second of two equal local times at the autumn DST change takes the later offset.
        boolean repeated = !rows.isEmpty() && !earlier.isAfter(rows.get(rows.size() - 1).at());
        return repeated ? TimeFormat.place(local, spec.zone(), true) : earlier;
    }

    /**
     * An interval cell, {@code start - end}: the start placed as a row's stamp is, the end at the first of its
     * offsets that lies after the start (at the autumn change, {@code 02:00 (CEST) - 02:00 (CET)} is an hour).
     */
    private static Optional<Instant[]> interval(String text, CsvSeriesSpec spec, long line, List<Row> rows,
                                                SeriesProblems problems) {
        String[] parts = intervalStamps(text);
        if (parts.length != 2) {
            problems.add(at(line), "'" + text + "' is not an interval 'start - end' of times in format "
                    + describe(spec.timeFormat()));
            return Optional.empty();
        }
        try {
            Instant start = start(spec.timeFormat().read(parts[0]), spec, rows);
            Object end = spec.timeFormat().read(parts[1]);
            Instant until = end instanceof Instant instant ? instant : TimeFormat.place((LocalDateTime) end, spec.zone(), false);
            if (!until.isAfter(start) && end instanceof LocalDateTime local) {
                until = TimeFormat.place(local, spec.zone(), true);
            }
            if (!until.isAfter(start)) {
                problems.add(at(line), "interval '" + text + "' does not end after it starts");
                return Optional.empty();
            }
            return Optional.of(new Instant[] {start, until});
        } catch (DateTimeParseException | NumberFormatException | ClassCastException e) {
            problems.add(at(line), "'" + text + "' is not an interval 'start - end' of times in format "
                    + describe(spec.timeFormat()));
            return Optional.empty();
        }
    }

    private static Double value(String text, CsvSeriesSpec spec, long line, SeriesProblems problems) {
        if (GAP_WORDS.contains(text.trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            String number = text.trim();
            if (spec.decimal() == ',') {
                if (number.contains(".") && !THOUSANDS.matcher(number).matches()) {
                    throw new NumberFormatException(number);
                }
                number = number.replace(".", "").replace(',', '.');
            }
            double v = Double.parseDouble(number);
            if (!Double.isFinite(v)) {
                problems.add(at(line), "value '" + text + "' is not finite");
                return null;
            }
            return spec.unit().toCanonical(v);
        } catch (NumberFormatException e) {
            problems.add(at(line), "value '" + text + "' is not a number"
                    + (spec.decimal() == ',' ? " with a decimal comma (points may group thousands: 1.234,5)" : ""));
            return null;
        }
    }

    private static TimeSeries build(List<Row> rows, CsvSeriesSpec spec, SeriesProblems problems) {
        Duration smallest = null;
        for (int i = 1; i < rows.size(); i++) {
            Duration d = Duration.between(rows.get(i - 1).at(), rows.get(i).at());
            if (!d.isPositive()) {
                problems.add(at(rows.get(i).line()), "time " + rows.get(i).at() + " is not after the row before ("
                        + rows.get(i - 1).at() + ")");
            } else if (smallest == null || d.compareTo(smallest) < 0) {
                smallest = d;
            }
        }
        boolean cells = spec.label() == CsvSeriesSpec.Label.INTERVAL;
        for (int i = 1; cells && i < rows.size(); i++) {
            if (rows.get(i).at().isBefore(rows.get(i - 1).end())) {
                problems.add(at(rows.get(i).line()), "its interval starts at " + rows.get(i).at()
                        + ", before the row before ends (" + rows.get(i - 1).end() + ")");
            }
        }
        Duration resolution = spec.resolution().orElse(smallest);
        if (resolution == null && !rows.isEmpty() && !cells) {
            problems.add(at(rows.get(0).line()), "one row and no resolution: say how long each row lasts");
        }
        List<TimeSeries.Interval> intervals = new ArrayList<>();
        if (!problems.any()) {
            for (Row r : rows) {
                if (r.value() != null) {
                    Instant start = spec.label() == CsvSeriesSpec.Label.END ? r.at().minus(resolution) : r.at();
                    Instant end = cells ? r.end() : start.plus(resolution);
                    intervals.add(new TimeSeries.Interval(start, end, r.value()));
                }
            }
        }
        try {
            return new TimeSeries(spec.name(), spec.unit().measure(), spec.currency(), intervals);
        } catch (IllegalArgumentException e) {
            problems.add(at(0), "rows overlap: the resolution " + resolution + " is longer than their spacing");
            return new TimeSeries(spec.name(), spec.unit().measure(), spec.currency(), List.of());
        }
    }

    private static String describe(TimeFormat format) {
        return switch (format) {
            case TimeFormat.Iso i -> "iso (ISO-8601)";
            case TimeFormat.EpochSeconds e -> "epoch-seconds";
            case TimeFormat.EpochMillis e -> "epoch-millis";
            case TimeFormat.OffsetSeconds o -> "offset-seconds from " + o.origin();
            case TimeFormat.Pattern p -> "'" + p.pattern() + "'";
        };
    }

    /** Where a problem is: {@code line N}, or the whole file for line 0. */
    private static String at(long line) {
        return line > 0 ? "line " + line : "";
    }
}
