package io.kelvin.energyoptimizer.replan;

import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Forecasts the load of urgent jobs that have not arrived yet from those that did over the last
 * {@code windowSlots}: a job is urgent when it arrives with at most {@code urgentSlackSlots} of slack
 * (deadline - arrival - duration), so it cannot wait for capacity a flexible job took first.
 *
 * <p>If the last window's urgent jobs keep arriving at the same rate, each one as likely in any slot,
 * a job of {@code g} GPUs and {@code d} slots that arrived in that window adds, {@code q} slots from
 * now, {@code g * min(d, q) / windowSlots} expected busy GPUs (the chance that a copy of it started
 * in the next {@code q} slots and still runs). Only the past is used: no arrival is known ahead.
 */
public final class UrgentArrivals {

    private record Arrival(int slot, Job job) {
    }

    private final int windowSlots;
    private final int urgentSlackSlots;
    private final Deque<Arrival> arrivals = new ArrayDeque<>();

    public UrgentArrivals(int windowSlots, int urgentSlackSlots) {
        if (windowSlots < 1 || urgentSlackSlots < 0) {
            throw new IllegalArgumentException("urgent arrivals: window " + windowSlots + " slots must be >= 1, slack "
                    + urgentSlackSlots + " slots must be >= 0");
        }
        this.windowSlots = windowSlots;
        this.urgentSlackSlots = urgentSlackSlots;
    }

    /** The problem (its horizon starting at absolute slot {@code now}) keeping room for the expected urgent load. */
    public Problem keepingRoomIn(Problem problem, int now) {
        return problem.withExpectedLoad(expectedAfter(now, problem.slots(), problem.site().idleKwPerGpu()),
                urgentSlackSlots);
    }

    /** A job submitted at absolute {@code slot} (its slots absolute too); kept if it is urgent. */
    public void record(int slot, Job job) {
        int slack = job.deadlineSlot() - Math.max(slot, job.releaseSlot()) - job.durationSlots();
        if (slack <= urgentSlackSlots) {
            arrivals.addLast(new Arrival(slot, job));
        }
    }

    /** The expected urgent load over the {@code horizonSlots} after absolute {@code now}. */
    public ExpectedLoad expectedAfter(int now, int horizonSlots, double idleKwPerGpu) {
        while (!arrivals.isEmpty() && arrivals.peekFirst().slot() <= now - windowSlots) {
            arrivals.removeFirst();
        }
        double[] gpus = new double[horizonSlots];
        double[] kw = new double[horizonSlots];
        for (Arrival a : arrivals) {
            if (a.slot() > now) {
                continue;
            }
            Job j = a.job();
            for (int q = 1; q < horizonSlots; q++) {
                double share = Math.min(j.durationSlots(), q) / (double) windowSlots;
                gpus[q] += j.gpus() * share;
                kw[q] += j.deltaKw(idleKwPerGpu) * share;
            }
        }
        int[] whole = new int[horizonSlots];
        for (int q = 0; q < horizonSlots; q++) {
            whole[q] = (int) Math.floor(gpus[q]);
            kw[q] = Math.max(0, kw[q]);
        }
        return new ExpectedLoad(whole, kw);
    }
}
