package io.kelvin.energyoptimizer.app;

import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.plan.JobRunStore;
import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.JobStore;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.Site;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Kelvin's own jobs drew in the past, as the load forecast needs it ({@link ScheduledLoadHistory}): for each
 * quarter hour in which jobs were dispatched ({@link JobRunStore}), the sum of their IT power above the GPUs' idle
 * draw. The meters see the idle draw of every GPU, which the planner counts already, so only the jobs' part is
 * taken off the metered IT load. A quarter hour with nothing dispatched is left out (nothing is taken off there);
 * a job the store no longer knows counts 0.
 */
public final class DispatchedJobsDraw implements ScheduledLoadHistory {

    private static final Duration SLOT = Horizon.QUARTER_HOUR;

    private final JobRunStore runs;
    private final JobStore jobs;
    private final SiteModel site;
    /** Job specs never change once accepted; their draw is read once. */
    private final Map<String, Double> deltaKw = new ConcurrentHashMap<>();

    public DispatchedJobsDraw(Site site, JobStore jobs, JobRunStore runs) {
        this.site = SiteModel.of(site);
        this.jobs = jobs;
        this.runs = runs;
    }

    @Override
    public TimeSeries drawnKw(Instant from, Instant to) {
        List<TimeSeries.Interval> out = new ArrayList<>();
        // The slot that began before {@code from} still overlaps it.
        for (var slot : runs.runsBetween(from.minus(SLOT).plusNanos(1), to).entrySet()) {
            double kw = slot.getValue().stream().mapToDouble(this::deltaKw).sum();
            out.add(new TimeSeries.Interval(slot.getKey(), slot.getKey().plus(SLOT), kw));
        }
        return new TimeSeries("kelvin-jobs-it-kw", Measure.POWER, Optional.empty(), out);
    }

    /** The jobs' draw above idle in the quarter hour holding {@code at}, kW (0 when nothing was dispatched). */
    public double kwAt(Instant at) {
        long s = SLOT.toSeconds();
        Instant slot = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
        return runs.runsBetween(slot, slot.plus(SLOT)).getOrDefault(slot, List.of()).stream()
                .mapToDouble(this::deltaKw).sum();
    }

    private double deltaKw(String jobId) {
        return deltaKw.computeIfAbsent(jobId, id -> jobs.find(id)
                .map(j -> Math.max(0, power(j.spec()) - j.spec().gpus() * site.idleKwPerGpu()))
                .orElse(0.0));
    }

    private double power(JobSpec s) {
        return PlanningService.request(s).powerKw(site);
    }
}
