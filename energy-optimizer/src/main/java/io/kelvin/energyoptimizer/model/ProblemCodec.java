package io.kelvin.energyoptimizer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of a {@link Problem}: compact JSON, fields in a fixed order, numbers as Java
 * prints them (the shortest decimal that reads back to the same double), tagged
 * {@code "format":"kelvin-problem","version":1}. The same problem always gives the same bytes, so
 * {@link #sha256} identifies a plan's inputs, and {@link #read} gives back a problem equal in every
 * value, which a planner turns into the same plan. A later version adds a new number and keeps reading
 * the old ones. The forecast's {@code unscheduledItKw} is written only when some slot has unscheduled IT load
 * and read as none when absent, so problems without it keep their text and hash.
 */
public final class ProblemCodec {

    public static final String FORMAT = "kelvin-problem";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemCodec() {
    }

    /** The canonical JSON text. */
    public static String write(Problem p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        root.putObject("horizon").put("start", p.horizon().start().toString()).put("slots", p.slots())
                .put("slotSeconds", p.horizon().slotLength().toSeconds());
        root.put("zone", p.zone().getId());
        SiteModel s = p.site();
        root.putObject("site").put("gpus", s.gpus()).put("idleKwPerGpu", s.idleKwPerGpu())
                .put("activeKwPerGpu", s.activeKwPerGpu()).put("importLimitKw", s.importLimitKw())
                .put("exportAllowed", s.exportAllowed());
        CoolingModel c = p.cooling();
        root.putObject("cooling").put("fixedKw", c.fixedKw()).put("freeCoolingBelowC", c.freeCoolingBelowC())
                .put("baseFraction", c.baseFraction()).put("fractionPerDegree", c.fractionPerDegree())
                .put("kneeKw", c.kneeKw()).put("highLoadExtraFraction", c.highLoadExtraFraction());
        Forecast f = p.forecast();
        ObjectNode fn = root.putObject("forecast");
        numbers(fn.putArray("pvKw"), f.pvKw());
        numbers(fn.putArray("windKw"), f.windKw());
        numbers(fn.putArray("priceEurPerKwh"), f.priceEurPerKwh());
        numbers(fn.putArray("carbonGPerKwh"), f.carbonGPerKwh());
        numbers(fn.putArray("ambientC"), f.ambientC());
        numbers(fn.putArray("heatDemandKw"), f.heatDemandKw());
        if (f.hasUnscheduledLoad()) {
            numbers(fn.putArray("unscheduledItKw"), f.unscheduledItKw());
        }
        ArrayNode dr = root.putArray("drEvents");
        p.drEvents().forEach(e -> dr.addObject().put("id", e.id()).put("fromSlot", e.fromSlot())
                .put("toSlot", e.toSlot()).put("capKw", e.capKw()).put("hard", e.hard()));
        ArrayNode jobs = root.putArray("jobs");
        p.jobs().forEach(j -> jobs.addObject().put("id", j.id()).put("gpus", j.gpus()).put("powerKw", j.powerKw())
                .put("durationSlots", j.durationSlots()).put("releaseSlot", j.releaseSlot())
                .put("deadlineSlot", j.deadlineSlot()).put("priority", j.priority()).put("preemptible", j.preemptible())
                .put("checkpointSlots", j.checkpointSlots()).put("phase", j.phase().name()));
        Weights w = p.weights();
        root.putObject("weights").put("carbonEurPerTonne", w.carbonEurPerTonne()).put("feedInEurPerKwh", w.feedInEurPerKwh())
                .put("latenessEurPerGpuHour", w.latenessEurPerGpuHour()).put("missedEurPerGpuHour", w.missedEurPerGpuHour())
                .put("missedJobEur", w.missedJobEur()).put("drShortfallEurPerKwh", w.drShortfallEurPerKwh())
                .put("switchEurPerSegment", w.switchEurPerSegment()).put("heatCreditEurPerKwh", w.heatCreditEurPerKwh())
                .put("heatRecoveryFraction", w.heatRecoveryFraction());
        root.put("maxLateSlots", p.maxLateSlots());
        ObjectNode load = root.putObject("expectedLoad");
        ArrayNode gpus = load.putArray("gpus");
        for (int t = 0; t < p.expectedLoad().gpus().length; t++) {
            gpus.add(p.expectedLoad().gpus()[t]);
        }
        numbers(load.putArray("deltaKw"), p.expectedLoad().deltaKw());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of the canonical form's UTF-8 bytes, in lower-case hex. */
    public static String sha256(Problem p) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(p).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Reads a canonical form back; a wrong format or version, or a missing field, names what and where. */
    public static Problem read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("problem: not JSON: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(text(root, "format")) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("problem: format/version: expected " + FORMAT + " " + VERSION + ", was "
                    + root.path("format") + " " + root.path("version"));
        }
        JsonNode h = need(root, "horizon");
        Horizon horizon = new Horizon(Instant.parse(text(h, "start")), need(h, "slots").asInt(),
                Duration.ofSeconds(need(h, "slotSeconds").asLong()));
        JsonNode s = need(root, "site");
        SiteModel site = new SiteModel(need(s, "gpus").asInt(), num(s, "idleKwPerGpu"), num(s, "activeKwPerGpu"),
                num(s, "importLimitKw"), need(s, "exportAllowed").asBoolean());
        JsonNode c = need(root, "cooling");
        CoolingModel cooling = new CoolingModel(num(c, "fixedKw"), num(c, "freeCoolingBelowC"), num(c, "baseFraction"),
                num(c, "fractionPerDegree"), num(c, "kneeKw"), num(c, "highLoadExtraFraction"));
        JsonNode f = need(root, "forecast");
        Forecast forecast = new Forecast(numbers(f, "pvKw"), numbers(f, "windKw"), numbers(f, "priceEurPerKwh"),
                numbers(f, "carbonGPerKwh"), numbers(f, "ambientC"), numbers(f, "heatDemandKw"),
                f.has("unscheduledItKw") ? numbers(f, "unscheduledItKw") : null);
        List<DrEvent> dr = new ArrayList<>();
        need(root, "drEvents").forEach(e -> dr.add(new DrEvent(text(e, "id"), need(e, "fromSlot").asInt(),
                need(e, "toSlot").asInt(), num(e, "capKw"), need(e, "hard").asBoolean())));
        List<Job> jobs = new ArrayList<>();
        need(root, "jobs").forEach(j -> jobs.add(new Job(text(j, "id"), need(j, "gpus").asInt(), num(j, "powerKw"),
                need(j, "durationSlots").asInt(), need(j, "releaseSlot").asInt(), need(j, "deadlineSlot").asInt(),
                need(j, "priority").asInt(), need(j, "preemptible").asBoolean(), need(j, "checkpointSlots").asInt(),
                Job.Phase.valueOf(text(j, "phase")))));
        JsonNode w = need(root, "weights");
        Weights weights = new Weights(num(w, "carbonEurPerTonne"), num(w, "feedInEurPerKwh"),
                num(w, "latenessEurPerGpuHour"), num(w, "missedEurPerGpuHour"), num(w, "missedJobEur"),
                num(w, "drShortfallEurPerKwh"), num(w, "switchEurPerSegment"), num(w, "heatCreditEurPerKwh"),
                num(w, "heatRecoveryFraction"));
        JsonNode load = need(root, "expectedLoad");
        int[] gpus = new int[need(load, "gpus").size()];
        for (int t = 0; t < gpus.length; t++) {
            gpus[t] = load.get("gpus").get(t).asInt();
        }
        return new Problem(horizon, site, cooling, forecast, dr, jobs, weights, need(root, "maxLateSlots").asInt(),
                new ExpectedLoad(gpus, numbers(load, "deltaKw")), ZoneId.of(text(root, "zone")));
    }

    private static void numbers(ArrayNode out, double[] values) {
        for (double v : values) {
            out.add(v);
        }
    }

    private static double[] numbers(JsonNode parent, String field) {
        JsonNode a = need(parent, field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode need(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("problem: " + field + ": missing");
        }
        return n;
    }

    private static String text(JsonNode parent, String field) {
        return need(parent, field).asText();
    }

    private static double num(JsonNode parent, String field) {
        return need(parent, field).asDouble();
    }
}
