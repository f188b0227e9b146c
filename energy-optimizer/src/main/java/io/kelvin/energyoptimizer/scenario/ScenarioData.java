package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scenario's inputs in absolute 15-minute slots from 2022-06-08T00:00Z: jobs from the GAIA PAI
 * trace, PV from the vessim solar shape, carbon from the vessim WattTime series (both averaged from
 * 5-minute rows, three per slot), the tariff, ambient, and one DR event per day. The rules are in
 * {@code scenario/reference.properties}.
 */
public record ScenarioData(Instant epoch, List<Job> jobs, Forecast forecast, List<DrEvent> drEvents, int slots) {

    public static final Instant EPOCH = Instant.parse("2022-06-08T00:00:00Z");
    private static final int SLOTS_PER_DAY = 96;
    /** Slots the runner may go on after the metered window so that late work still runs (and is charged). */
    public static final int TAIL_SLOTS = 96;

    public static ScenarioData load(ScenarioConfig c) {
        int slots = (c.integer("days") + c.integer("drainDays")) * SLOTS_PER_DAY + TAIL_SLOTS + c.integer("horizonSlots");
        double[] pv = scale(perSlot(column(csv("data/vessim/solar_example.csv"), c.text("solarColumn")), slots),
                c.number("pvKwp"));
        double[] carbon = perSlot(column(csv("data/vessim/watttime_example.csv"), "Caiso_North"), slots);
        return new ScenarioData(EPOCH, jobs(c), forecast(c, slots, pv, carbon), drEvents(c, slots), slots);
    }

    static List<Job> jobs(ScenarioConfig c) {
        List<String[]> rows = csv("data/gaia/pai_1k.csv");
        List<Job> jobs = new ArrayList<>();
        int limit = c.integer("days") * SLOTS_PER_DAY;
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int release = (int) Math.floor(Double.parseDouble(r[0]) / 900.0);
            int duration = Math.max(1, (int) Math.ceil(Double.parseDouble(r[1]) / 900.0));
            int gpus = Math.min(c.integer("gpus"), Integer.parseInt(r[2].trim()) * c.integer("gpusPerCpu"));
            if (release >= limit) {
                continue;
            }
            boolean flexible = (i - 1) % 2 == 0;
            int deadline = release + duration + c.integer(flexible ? "flexSlackSlots" : "urgentSlackSlots");
            Job job = new Job("j" + (i - 1), gpus, gpus * c.number("activeKwPerGpu"), duration, release, deadline,
                    flexible ? 1 : 3, false, 0, Job.Phase.PENDING);
            jobs.add(flexible && duration >= c.integer("preemptibleFromSlots")
                    ? job.asPreemptible(c.integer("checkpointSlots")) : job);
        }
        return jobs;
    }

    private static Forecast forecast(ScenarioConfig c, int slots, double[] pv, double[] carbon) {
        double[] tariff = c.tariff();
        double[] price = new double[slots];
        double[] ambient = new double[slots];
        for (int t = 0; t < slots; t++) {
            double localHour = localHour(c, t);
            price[t] = tariff[(int) Math.floor(localHour) % 24];
            ambient[t] = c.number("ambientMeanC") + c.number("ambientSwingC") * Math.cos(2 * Math.PI * (localHour - 15) / 24);
        }
        return new Forecast(pv, new double[slots], price, carbon, ambient, new double[slots]);
    }

    private static List<DrEvent> drEvents(ScenarioConfig c, int slots) {
        List<DrEvent> out = new ArrayList<>();
        for (int day = 0; day * SLOTS_PER_DAY < slots; day++) {
            int from = day * SLOTS_PER_DAY + (int) Math.round((c.number("drFromHour") - c.number("utcOffsetHours")) * 4);
            int to = from + (int) Math.round((c.number("drToHour") - c.number("drFromHour")) * 4);
            out.add(new DrEvent("dr-day" + day, from, to, c.number("drCapKw"), true));
        }
        return out;
    }

    static double localHour(ScenarioConfig c, int slot) {
        return ((slot / 4.0 + c.number("utcOffsetHours")) % 24 + 24) % 24;
    }

    /** Fraction of job GPU-hours in deferrable jobs (slack above the urgent slack). */
    public double deferrableShare() {
        double all = 0, flex = 0;
        for (Job j : jobs) {
            double gpuSlots = (double) j.gpus() * j.durationSlots();
            all += gpuSlots;
            flex += j.priority() == 1 ? gpuSlots : 0;
        }
        return all == 0 ? 0 : flex / all;
    }

    private static double[] perSlot(double[] fiveMinute, int slots) {
        double[] out = new double[slots];
        for (int t = 0; t < slots; t++) {
            int i = 3 * t;
            out[t] = (fiveMinute[i % fiveMinute.length] + fiveMinute[(i + 1) % fiveMinute.length]
                    + fiveMinute[(i + 2) % fiveMinute.length]) / 3.0;
        }
        return out;
    }

    private static double[] scale(double[] a, double factor) {
        return Arrays.stream(a).map(v -> v * factor).toArray();
    }

    private static double[] column(List<String[]> rows, String name) {
        int col = Arrays.asList(rows.get(0)).indexOf(name);
        if (col < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + Arrays.toString(rows.get(0)));
        }
        return rows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r[col])).toArray();
    }

    private static List<String[]> csv(String resource) {
        var in = ScenarioData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " not on the classpath");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
