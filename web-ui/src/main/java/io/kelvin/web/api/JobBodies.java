package io.kelvin.web.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kelvin.energyoptimizer.api.JobRequest;
import java.util.stream.Collectors;

/**
 * Reads a job body strictly: unknown fields are rejected (the application's mapper ignores them
 * elsewhere), and every read failure becomes an IllegalArgumentException naming the field, in
 * words, without Jackson's class names.
 */
final class JobBodies {

    static final String FIELDS = "id, gpus, powerKwPerGpu, totalPowerKw, duration, release, deadline, priority,"
            + " preemptible, checkpoint";

    private final ObjectReader reader;

    JobBodies(ObjectMapper mapper) {
        this.reader = mapper.readerFor(JobRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    JobRequest read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body: a JSON object with the job is required (fields: " + FIELDS + ")");
        }
        try {
            return reader.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(e.getPropertyName() + ": unknown field (known fields: " + FIELDS + ")");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            throw new IllegalArgumentException((field.isEmpty() ? "body" : field) + ": " + hint(field));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body: not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static String hint(String field) {
        return switch (field) {
            case "duration", "checkpoint" -> "must be an ISO-8601 duration such as \"PT2H\"";
            case "release", "deadline" -> "must be an ISO-8601 instant such as \"2026-01-01T08:00:00Z\"";
            case "gpus", "priority" -> "must be a whole number";
            case "powerKwPerGpu", "totalPowerKw" -> "must be a number";
            case "preemptible" -> "must be true or false";
            case "id" -> "must be a string";
            default -> "must be a JSON object with the job's fields";
        };
    }
}
