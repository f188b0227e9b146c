package io.kelvin.web.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kelvin.energyoptimizer.api.JobRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a job body strictly: unknown fields, a key given twice, anything after the object, a fraction
 * where a whole number belongs and a {@code null} body are rejected (the application's mapper is lenient
 * elsewhere), and every read failure becomes an IllegalArgumentException naming the field, in
 * words, without Jackson's class names.
 */
final class JobBodies {

    static final String FIELDS = "id, gpus, powerKwPerGpu, totalPowerKw, duration, release, deadline, priority,"
            + " preemptible, checkpoint, project";

    /** Jackson's words for a key given twice (strict duplicate detection). */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([A-Za-z]{1,40})'");

    private final ObjectReader reader;

    JobBodies(ObjectMapper mapper) {
        this.reader = mapper.readerFor(JobRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    JobRequest read(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body: a JSON object with the job is required (fields: " + FIELDS + ")");
        }
        JobRequest request;
        try {
            request = reader.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(e.getPropertyName() + ": unknown field (known fields: " + FIELDS + ")");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            throw new IllegalArgumentException((field.isEmpty() ? "body" : field) + ": " + hint(field));
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) {
                throw new IllegalArgumentException(duplicate.group(1) + ": given more than once");
            }
            if (e instanceof StreamConstraintsException) {
                throw new IllegalArgumentException("body: not valid JSON (nested or sized beyond what a job can be)");
            }
            throw new IllegalArgumentException("body: not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (request == null) {
            throw new IllegalArgumentException("body: a JSON object with the job is required, was null (fields: "
                    + FIELDS + ")");
        }
        return request;
    }

    private static String hint(String field) {
        return switch (field) {
            case "duration", "checkpoint" -> "must be an ISO-8601 duration such as \"PT2H\"";
            case "release", "deadline" -> "must be an ISO-8601 instant such as \"2026-01-01T08:00:00Z\"";
            case "gpus", "priority" -> "must be a whole number";
            case "powerKwPerGpu", "totalPowerKw" -> "must be a number";
            case "preemptible" -> "must be true or false";
            case "id", "project" -> "must be a string";
            default -> "must be a JSON object with the job's fields";
        };
    }
}
