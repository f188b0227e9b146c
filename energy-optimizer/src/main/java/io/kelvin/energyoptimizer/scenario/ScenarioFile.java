package io.kelvin.energyoptimizer.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kelvin.core.series.Measure;
import io.kelvin.core.site.load.SiteConfigException;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import io.kelvin.energyoptimizer.solve.WorkBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a YAML scenario file (the keys are documented in {@code scenarios/README.md}); paths
 * in it are relative to the file. Every problem is reported together as {@code file: path: reason}
 * ({@link ScenarioException}), a key that nothing reads among them; a file with any problem gives no scenario. {@code overrides} replace
 * values by dotted path before checking ({@code days=2}, {@code solver.jobSolves=100000}).
 */
public final class ScenarioFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioFile() {
    }

    public static Scenario load(Path file, Map<String, String> overrides) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of(file + ": must be a YAML mapping"));
        }
        List<String> problems = new ArrayList<>();
        overrides.forEach((path, value) -> override((ObjectNode) root, path, value, file, problems));
        ScenarioNode top = new ScenarioNode(root, file.toString(), problems);
        Scenario s = read(top, file.toAbsolutePath().getParent());
        for (String key : top.unread()) {
            problems.add(file + ": " + key + ": not a key read here (misspelt, or not used with the keys beside it;"
                    + " the keys are in scenarios/README.md)");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return s;
    }

    private static Scenario read(ScenarioNode n, Path base) {
        String name = n.optText("name").orElse(Path.of(n.file()).getFileName().toString());
        n.optText("description"); // free text for people
        Instant start = n.instant("start");
        ZoneId zone = n.zone("zone");
        int days = n.integer("days", 1, 366, 1);
        int drainDays = n.optInteger("drainDays", 0, 30, 1);
        int horizon = n.optInteger("horizonSlots", 4, 4 * 96, 96);
        int every = n.optInteger("replanEverySlots", 1, 96, 4);
        SiteModel site = site(n.child("site"), base);
        CoolingModel cooling = cooling(n.child("cooling"), site);
        List<String> notes = new ArrayList<>();
        List<Job> jobs = TraceReader.read(n.child("jobs"), base, site, days, start, zone, notes);
        int maxLate = n.child("jobs").optInteger("maxLateSlots", 0, 4 * 96, 16);
        int slots = Scenario.replaySlots(days, drainDays, jobs) + horizon;
        Forecast forecast = forecast(n.child("series"), base, start, zone, slots);
        List<DrEvent> dr = drEvents(n.child("dr"), start, zone, slots);
        ScenarioNode w = n.child("weights");
        Weights d = Weights.defaults();
        Weights weights = new Weights(w.optNumber("carbonEurPerTonne", 0, 10_000, d.carbonEurPerTonne()),
                w.optNumber("feedInEurPerKwh", 0, 10, d.feedInEurPerKwh()), d.latenessEurPerGpuHour(),
                d.missedEurPerGpuHour(), d.missedJobEur(), d.drShortfallEurPerKwh(), d.switchEurPerSegment(),
                d.heatCreditEurPerKwh(), d.heatRecoveryFraction());
        ScenarioNode urgent = n.child("urgentArrivals");
        return new Scenario(name, start, zone, days, drainDays, horizon, every, site, cooling,
                jobs, forecast, dr, weights, maxLate, urgent.optInteger("windowSlots", 0, 96 * 14, 0),
                urgent.optInteger("slackSlots", 0, 96, 8), solver(n.child("solver")), notes);
    }

    /** A site file's cluster and grid, or capacities given here (which also override the file's). */
    private static SiteModel site(ScenarioNode n, Path base) {
        SiteModel fromFile = new SiteModel(1, 0, 0, 0, true);
        if (n.has("file")) {
            try {
                fromFile = SiteModel.of(SiteLoader.load(base.resolve(n.text("file"))));
            } catch (SiteConfigException e) {
                e.problems().forEach(p -> n.problem("file", p.toString()));
            }
        }
        boolean given = n.has("file");
        return new SiteModel(
                given ? n.optInteger("gpus", 1, 1_000_000, fromFile.gpus()) : n.integer("gpus", 1, 1_000_000, 1),
                given ? n.optNumber("idleKwPerGpu", 0, 5, fromFile.idleKwPerGpu()) : n.number("idleKwPerGpu", 0, 5, 0),
                given ? n.optNumber("activeKwPerGpu", 0, 5, fromFile.activeKwPerGpu()) : n.number("activeKwPerGpu", 0, 5, 0),
                given ? n.optNumber("importLimitKw", 1, 1e7, fromFile.importLimitKw()) : n.number("importLimitKw", 1, 1e7, 1),
                n.optBoolean("exportAllowed", fromFile.exportAllowed()));
    }

    /**
     * The cooling plant: the liquid-cooled hall's model sized for the site ({@link CoolingModel#liquidCooledFor}), any
     * of its values given here instead. The site at idle, with no PV or wind, must fit under its import limit.
     */
    private static CoolingModel cooling(ScenarioNode n, SiteModel site) {
        CoolingModel d = CoolingModel.liquidCooledFor(site);
        CoolingModel c = new CoolingModel(n.optNumber("fixedKw", 0, 1e7, d.fixedKw()),
                n.optNumber("freeCoolingBelowC", -60, 60, d.freeCoolingBelowC()),
                n.optNumber("baseFraction", 0, 2, d.baseFraction()),
                n.optNumber("fractionPerDegree", 0, 0.5, d.fractionPerDegree()),
                n.optNumber("kneeKw", 0, 1e7, d.kneeKw()),
                n.optNumber("highLoadExtraFraction", 0, 2, d.highLoadExtraFraction()));
        double idleKw = site.idleKw() + c.coolingKw(site.idleKw(), c.freeCoolingBelowC());
        if (idleKw > site.importLimitKw()) {
            n.report(n.file() + ": site.importLimitKw: " + kw(site.importLimitKw()) + " kW is below what the idle site"
                    + " draws with no PV or wind (" + kw(site.idleKw()) + " kW of idle GPUs and "
                    + kw(idleKw - site.idleKw()) + " kW of cooling at least): no plan can keep it; raise it, or give"
                    + " the cooling plant (cooling.fixedKw)");
        }
        return c;
    }

    private static String kw(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static Forecast forecast(ScenarioNode n, Path base, Instant start, ZoneId zone, int slots) {
        double[] carbon = SeriesInput.read(n.child("carbon"), base, Measure.CARBON_INTENSITY, start, zone, slots);
        double[] price = SeriesInput.read(n.child("price"), base, Measure.PRICE, start, zone, slots);
        double[] pv = n.has("pv") ? renewable(n.child("pv"), base, start, zone, slots) : new double[slots];
        double[] wind = n.has("wind") ? renewable(n.child("wind"), base, start, zone, slots) : new double[slots];
        double[] ambient = ambient(n.child("ambient"), base, start, zone, slots);
        return new Forecast(pv, wind, price, carbon, ambient, new double[slots]);
    }

    /** Measured kW, or a normalised shape (fraction) times {@code kwp}. */
    private static double[] renewable(ScenarioNode n, Path base, Instant start, ZoneId zone, int slots) {
        return SeriesInput.read(n, base, n.has("kwp") ? Measure.FRACTION : Measure.POWER, start, zone, slots);
    }

    /** A file, or a daily swing: {@code meanC + swingC x cos(2 pi (localHour - warmestHour) / 24)}. */
    private static double[] ambient(ScenarioNode n, Path base, Instant start, ZoneId zone, int slots) {
        if (!n.has("meanC")) {
            return SeriesInput.read(n, base, Measure.TEMPERATURE, start, zone, slots);
        }
        double mean = n.optNumber("meanC", -60, 60, 20);
        double swing = n.optNumber("swingC", 0, 40, 0);
        double warmest = n.optNumber("warmestHour", 0, 24, 15);
        double[] out = new double[slots];
        for (int t = 0; t < slots; t++) {
            var local = start.plus(Duration.ofMinutes(15L * t)).atZone(zone);
            double hour = local.getHour() + local.getMinute() / 60.0;
            out[t] = mean + swing * Math.cos(2 * Math.PI * (hour - warmest) / 24);
        }
        return out;
    }

    /** Listed events and a daily rule (local times), as hard import caps. */
    private static List<DrEvent> drEvents(ScenarioNode n, Instant start, ZoneId zone, int slots) {
        List<DrEvent> out = new ArrayList<>();
        for (ScenarioNode e : n.list("events")) {
            int from = slotOf(start, e.instant("start"));
            int to = slotOf(start, e.instant("end"));
            if (to <= from) {
                e.problem("end", "must be after start");
            }
            out.add(new DrEvent(e.optText("id").orElse("dr-" + out.size()), from, to,
                    e.number("capKw", 0, 1e7, 0), e.optBoolean("hard", true)));
        }
        if (n.has("daily")) {
            ScenarioNode d = n.child("daily");
            LocalTime from = LocalTime.of(d.integer("fromHour", 0, 23, 18), 0);
            LocalTime to = LocalTime.of(d.integer("toHour", 1, 24, 20) % 24, 0);
            double cap = d.number("capKw", 0, 1e7, 0);
            LocalDate day = start.atZone(zone).toLocalDate();
            for (int k = 0; slotOf(start, day.plusDays(k).atStartOfDay(zone).toInstant()) < slots; k++) {
                Instant a = day.plusDays(k).atTime(from).atZone(zone).toInstant();
                Instant b = day.plusDays(to.isAfter(from) ? k : k + 1).atTime(to).atZone(zone).toInstant();
                out.add(new DrEvent("dr-" + day.plusDays(k), slotOf(start, a), slotOf(start, b), cap, d.optBoolean("hard", true)));
            }
        }
        return out;
    }

    private static int slotOf(Instant start, Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).toSeconds(), 900);
    }

    private static SolverSettings solver(ScenarioNode n) {
        SolverSettings.Backend backend = n.choice("backend", SolverSettings.Backend.class, SolverSettings.Backend.CBC);
        Duration cap = Duration.ofMillis((long) (1000 * n.optNumber("wallClockCapSeconds", 0.1, 3600, 60)));
        WorkBudget standard = WorkBudget.standard(cap);
        WorkBudget work = new WorkBudget((long) n.optNumber("jobSolves", 1, 1e12, standard.jobSolves()),
                (long) n.optNumber("milpNodes", 0, 1e9, standard.milpNodes()),
                n.optNumber("milpDeterministicSeconds", 0, 1e5, standard.milpDeterministicSeconds()), cap);
        return new SolverSettings(backend, work, n.optNumber("relativeGap", 0, 1, 0.01), n.optInteger("workers", 1, 64, 2));
    }

    /** Sets a dotted path's value (a number when it reads as one) before the file is checked. */
    private static void override(ObjectNode root, String path, String value, Path file, List<String> problems) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(parts[i]);
            }
            if (!next.isObject()) {
                problems.add(file + ": " + path + ": cannot override inside a value");
                return;
            }
            node = (ObjectNode) next;
        }
        String leaf = parts[parts.length - 1];
        try {
            node.put(leaf, new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            if (value.equals("true") || value.equals("false")) {
                node.put(leaf, Boolean.parseBoolean(value));
            } else {
                node.put(leaf, value);
            }
        }
    }
}
