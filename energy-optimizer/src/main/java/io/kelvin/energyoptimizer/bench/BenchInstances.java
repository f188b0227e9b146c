package io.kelvin.energyoptimizer.bench;

import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.Weights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded benchmark instances on the demo site (10,240 GPUs, 0.25/0.95 kW): 96 slots, N jobs sized
 * so that they ask for about 70 % of the horizon's GPU-slots, 1-16 slots long, 0-12 h of slack,
 * a third preemptible; PV 10 MWp bell 06:00-18:00, TOU price, carbon higher at night.
 */
public final class BenchInstances {

    static final int SLOTS = 96;

    private BenchInstances() {
    }

    public static Problem instance(int jobs, double importLimitKw, long seed) {
        Random r = new Random(seed);
        SiteModel site = new SiteModel(10240, 0.25, 0.95, importLimitKw, true);
        double meanGpuSlots = 0.7 * site.gpus() * SLOTS / jobs;
        List<Job> list = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int duration = 1 + r.nextInt(16);
            int gpus = Math.max(8, Math.min(site.gpus() / 2, 8 * (int) Math.round(meanGpuSlots / 8.5 * (0.5 + r.nextDouble()) / 8)));
            int release = r.nextInt(SLOTS - duration);
            int deadline = Math.min(SLOTS, release + duration + r.nextInt(49));
            Job job = Job.of("b" + i, gpus, gpus * site.activeKwPerGpu(), duration, release, deadline);
            list.add(r.nextInt(3) == 0 ? job.asPreemptible(1) : job);
        }
        return new Problem(Horizon.quarterHours(Instant.parse("2026-06-01T00:00:00Z"), SLOTS), site,
                CoolingModel.liquidCooledDefault(), forecast(), List.of(), list, Weights.defaults(), 8);
    }

    private static Forecast forecast() {
        double[] pv = new double[SLOTS];
        double[] price = new double[SLOTS];
        double[] carbon = new double[SLOTS];
        double[] ambient = new double[SLOTS];
        for (int t = 0; t < SLOTS; t++) {
            double hour = t / 4.0;
            pv[t] = hour > 6 && hour < 18 ? 10_000 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
            price[t] = hour < 7 ? 0.14 : hour < 10 ? 0.20 : hour < 16 ? 0.10 : hour < 21 ? 0.35 : 0.20;
            carbon[t] = 450 - 250 * pv[t] / 10_000;
            ambient[t] = 20 + 6 * Math.cos(2 * Math.PI * (hour - 15) / 24);
        }
        return new Forecast(pv, new double[SLOTS], price, carbon, ambient, new double[SLOTS]);
    }
}
