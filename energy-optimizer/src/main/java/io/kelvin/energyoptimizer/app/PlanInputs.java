package io.kelvin.energyoptimizer.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.ProblemCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a stored plan was made from, so it can be made again: the {@link Problem}, the warm start
 * (the previous plan's run slots in this problem's slots) and, for each job the problem plans against a later
 * deadline than its own (one it can no longer meet: planned against the earliest end it can reach), its own
 * deadline in the problem's slots, against which the stored plan states the job's outcome. Stored as canonical JSON,
 * {@code {"format":"kelvin-plan-inputs","version":1,"problem":{...ProblemCodec...},"previous":{"job":[slots]},
 * "deadlines":{"job":slot}}} (jobs by id; {@code deadlines} only when there is one), whose SHA-256 is the plan's
 * {@code inputHash}: the same inputs always give the same text.
 */
public record PlanInputs(Problem problem, JobRuns previous, Map<String, Integer> ownDeadlines) {

    /** Inputs in which every job is planned against its own deadline. */
    public PlanInputs(Problem problem, JobRuns previous) {
        this(problem, previous, Map.of());
    }

    public static final String FORMAT = "kelvin-plan-inputs";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public PlanInputs {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(previous, "previous");
        ownDeadlines = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ownDeadlines));
    }

    public String write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        try {
            root.set("problem", JSON.readTree(ProblemCodec.write(problem)));
            ObjectNode prev = root.putObject("previous");
            previous.forEach((id, slots) -> slots.forEach(prev.putArray(id)::add));
            if (!ownDeadlines.isEmpty()) {
                ObjectNode own = root.putObject("deadlines");
                ownDeadlines.forEach(own::put);
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan inputs: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of {@link #write()}'s UTF-8 bytes, lower-case hex. */
    public String sha256() {
        return sha256(write());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Reads stored inputs back; a wrong format or version names what was found. */
    public static PlanInputs read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan inputs: not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("plan inputs: format/version: expected " + FORMAT + " " + VERSION
                    + ", was " + (root == null ? "nothing" : root.path("format") + " " + root.path("version")));
        }
        Problem problem;
        try {
            problem = ProblemCodec.read(JSON.writeValueAsString(root.path("problem")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan inputs: problem: " + e.getOriginalMessage(), e);
        }
        Map<String, List<Integer>> runs = new LinkedHashMap<>();
        root.path("previous").properties().forEach(e -> {
            List<Integer> slots = new ArrayList<>();
            e.getValue().forEach(n -> slots.add(n.asInt()));
            runs.put(e.getKey(), slots);
        });
        Map<String, Integer> own = new LinkedHashMap<>();
        root.path("deadlines").properties().forEach(e -> own.put(e.getKey(), e.getValue().asInt()));
        return new PlanInputs(problem, JobRuns.of(runs), own);
    }
}
