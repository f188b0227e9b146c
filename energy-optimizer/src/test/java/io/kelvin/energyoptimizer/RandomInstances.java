package io.kelvin.energyoptimizer;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random tiny instances: 4-8 slots, 2-3 jobs on the {@link Tiny} site, some preemptible, some
 * already running, random prices and PV, sometimes a DR event (hard or soft), a random import limit,
 * sometimes expected load from jobs not yet submitted.
 */
final class RandomInstances {

    private RandomInstances() {
    }

    static Problem problem(Random r) {
        int slots = 4 + r.nextInt(5);
        double[] price = new double[slots];
        double[] pv = new double[slots];
        for (int t = 0; t < slots; t++) {
            price[t] = 0.05 + 0.3 * r.nextDouble();
            pv[t] = r.nextDouble() < 0.3 ? 15 * r.nextDouble() : 0;
        }
        Forecast f = new Forecast(pv, new double[slots], price, Tiny.flat(slots).carbonGPerKwh(),
                Tiny.flat(slots).ambientC(), new double[slots]);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
            int duration = 1 + r.nextInt(3);
            int release = r.nextInt(slots - 1);
            Job job = Job.of("j" + i, 2 + 2 * r.nextInt(4), 2 + 8 * r.nextDouble(), duration, release,
                    release + duration + r.nextInt(3));
            job = r.nextBoolean() ? job.asPreemptible(r.nextInt(2)) : job;
            jobs.add(i == 0 && r.nextInt(4) == 0 ? job.withPhase(Job.Phase.RUNNING) : job);
        }
        List<DrEvent> dr = r.nextBoolean() ? List.of(new DrEvent("dr", 1, 3, 6 + 6 * r.nextDouble(), r.nextBoolean()))
                : List.of();
        Problem p = new Problem(io.kelvin.energyoptimizer.model.Horizon.quarterHours(Tiny.T0, slots),
                Tiny.SITE.withImportLimit(12 + 8 * r.nextDouble()), Tiny.FLAT_10_PERCENT, f, dr, jobs,
                io.kelvin.energyoptimizer.model.Weights.defaults(), r.nextInt(3));
        if (r.nextInt(3) == 0) {
            int[] gpus = new int[slots];
            double[] kw = new double[slots];
            for (int t = 1; t < slots; t++) {
                gpus[t] = r.nextInt(5);
                kw[t] = gpus[t] * (0.5 + r.nextDouble());
            }
            p = p.withExpectedLoad(new io.kelvin.energyoptimizer.model.ExpectedLoad(gpus, kw));
        }
        return p;
    }
}
