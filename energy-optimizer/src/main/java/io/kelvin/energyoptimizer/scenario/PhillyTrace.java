package io.kelvin.energyoptimizer.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Microsoft's Philly trace ({@code cluster_job_log}, github.com/msr-fiddle/philly-traces): a JSON list of jobs, each
 * with {@code jobid}, {@code user}, {@code vc}, {@code status} ({@code Pass}, {@code Killed}, {@code Failed}),
 * {@code submitted_time} and the scheduling {@code attempts} it ran in ({@code start_time}, {@code end_time}, and per
 * server the {@code gpus} it held). Each job becomes one row of the fields {@link #FIELDS}, which a scenario maps like
 * the columns of a CSV trace: {@code gpus} is the most GPUs an attempt held, {@code run_seconds} the time its attempts
 * ran (the waits between them left out), {@code first_start} and {@code last_end} its first attempt's start and its last
 * attempt's end as written. Times are the trace's local {@code yyyy-MM-dd HH:mm:ss}. A job with no attempt that has both
 * a start and an end (the trace's notes: a logging error, or still running when the snapshot was taken) cannot be
 * replayed: its {@code run_seconds} is blank, and the caller leaves it out and counts it.
 */
final class PhillyTrace {

    static final List<String> FIELDS = List.of("jobid", "user", "vc", "status", "submitted_time", "gpus", "run_seconds",
            "attempts", "first_start", "last_end");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The trace's jobs as CSV rows of {@link #FIELDS} (no header line; row N is the N-th job), and how many jobs had
     * no run to replay (their {@code run_seconds} blank).
     */
    record Rows(String csv, long withoutRun) {
    }

    private PhillyTrace() {
    }

    /** Reads the whole list, a job at a time; a file that is not a JSON list of objects is an {@link IOException}. */
    static Rows read(Reader in) throws IOException {
        StringWriter out = new StringWriter();
        long withoutRun = 0;
        try (JsonParser parser = new JsonFactory(JSON).createParser(in);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON list of jobs (the Philly trace's cluster_job_log)");
            }
            long index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                index++;
                JsonNode job = parser.readValueAsTree();
                List<Object> row = row(job, index);
                withoutRun += row.get(FIELDS.indexOf("run_seconds")).equals("") ? 1 : 0;
                csv.printRecord(row);
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("job " + (index + 1) + " is not a JSON object");
            }
        }
        return new Rows(out.toString(), withoutRun);
    }

    /** The job's row; its run fields blank when none of its attempts has both a start and an end. */
    private static List<Object> row(JsonNode job, long index) throws IOException {
        long seconds = 0;
        int gpus = 0;
        int ran = 0;
        String firstStart = "";
        String lastEnd = "";
        for (JsonNode attempt : job.path("attempts")) {
            Optional<LocalDateTime> start = stamp(attempt.path("start_time"), index);
            Optional<LocalDateTime> end = stamp(attempt.path("end_time"), index);
            int held = 0;
            for (JsonNode server : attempt.path("detail")) {
                held += server.path("gpus").size();
            }
            gpus = Math.max(gpus, held);
            if (start.isPresent() && end.isPresent()) {
                seconds += Math.max(0, Duration.between(start.get(), end.get()).toSeconds());
                firstStart = ran == 0 ? attempt.path("start_time").asText() : firstStart;
                lastEnd = attempt.path("end_time").asText();
                ran++;
            }
        }
        return List.of(job.path("jobid").asText(""), job.path("user").asText(""), job.path("vc").asText(""),
                job.path("status").asText(""), job.path("submitted_time").asText(""), gpus, ran == 0 ? "" : seconds, ran,
                firstStart, lastEnd);
    }

    /** A time stamp of an attempt; empty where the trace has none ({@code null}, {@code None} or blank). */
    private static Optional<LocalDateTime> stamp(JsonNode value, long index) throws IOException {
        String text = value.isNull() || value.isMissingNode() ? "" : value.asText().trim();
        if (text.isEmpty() || text.equals("None")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, STAMP));
        } catch (DateTimeParseException e) {
            throw new IOException("job " + index + ": '" + text + "' is not a time yyyy-MM-dd HH:mm:ss");
        }
    }
}
