package io.kelvin.energyoptimizer.decompose;

import io.kelvin.energyoptimizer.model.Schedules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Makes room for missed and late jobs, which local search cannot: such a job (if it would fit an
 * empty cluster) is placed at a start where it clashes with the fewest GPU-slots of other jobs (for a
 * late job, only starts that finish earlier than it does now: on time, or less late when no plan can
 * finish it on time, e.g. an urgent job arriving at a full cluster, which may start sooner once jobs with
 * slack are paused or moved for it). Jobs in its way are first moved to their cheapest choice
 * outside its run where they have one; what still does not fit is taken out and put back at its
 * cheapest choice afterwards. The move is kept only if the objective falls. On small problems each attempt
 * ends with a local-search pass so that the jobs around the moved ones can follow (the reference scenario misses 17 jobs without it, 14 with);
 * on large ones with many jobs to place, a pass per attempt used up a DR re-plan's 5 s at 800-1,600 jobs with
 * 8-31 jobs still missed, against 0-1 without. Missing or being late costs far more than
 * moving others, so this is where most of a bad plan's cost is; local search moves one job at a time
 * and cannot take room from one job to give it to another.
 */
final class Repair {

    private static final int CANDIDATE_STARTS = 8;
    private static final int MOVE_TRIES = 24;
    private static final long SETTLE_WORK = 20_000;

    private Repair() {
    }

    /**
     * Tries every missed job, then every late one, once; returns how many were placed (earlier if late).
     * When the jobs times the jobs to try are at most {@link #SETTLE_WORK} (about a second of passes on 2
     * cores), each attempt that evicted jobs ends with one local-search pass, so that the jobs around the
     * evicted ones can follow.
     */
    static int placeMissed(Assignment a, Effort effort) {
        int toTry = 0;
        for (int j = 0; j < a.jobs.size(); j++) {
            toTry += a.choice[j] != null && (a.choice[j].missed() || late(a.jobs.get(j), a.choice[j])) ? 1 : 0;
        }
        boolean settle = (long) toTry * a.jobs.size() <= SETTLE_WORK;
        int placed = 0;
        List<List<Integer>> occupants = null;
        for (int pass = 0; pass < 2; pass++) {
            boolean late = pass == 1;
            for (int j = 0; j < a.jobs.size() && !effort.exhausted(); j++) {
                if (a.choice[j] == null || (late ? !late(a.jobs.get(j), a.choice[j]) : !a.choice[j].missed())) {
                    continue;
                }
                occupants = occupants == null ? occupants(a) : occupants;
                if (tryPlace(a, j, occupants, late, effort, settle)) {
                    placed++;
                    occupants = null;
                }
            }
        }
        return placed;
    }

    /** Whether this choice finishes after the job's deadline. */
    private static boolean late(JobOptions o, JobOptions.Choice c) {
        int[] run = c.runSlots();
        return run.length > 0 && end(o, run) > o.job.deadlineSlot();
    }

    /** The slot after the job's last slot of work in this run (exclusive end). */
    private static int end(JobOptions o, int[] run) {
        return o.job.preemptible() ? run[run.length - 1] + 1 : run[0] + o.job.durationSlots();
    }

    /** The jobs running in each slot. */
    private static List<List<Integer>> occupants(Assignment a) {
        List<List<Integer>> out = new ArrayList<>();
        for (int t = 0; t < a.slots.n; t++) {
            out.add(new ArrayList<>());
        }
        for (int k = 0; k < a.jobs.size(); k++) {
            if (a.choice[k] != null) {
                for (int t : a.choice[k].runSlots()) {
                    out.get(t).add(k);
                }
            }
        }
        return out;
    }

    private static boolean tryPlace(Assignment a, int j, List<List<Integer>> occupants, boolean late,
                                    Effort effort, boolean settle) {
        double before = a.objectiveEur();
        Assignment snapshot = a.copy();
        for (int[] run : candidates(a, j, occupants, late)) {
            if (effort.exhausted()) {
                break;
            }
            a.remove(j);
            List<Integer> evicted = new ArrayList<>();
            boolean[] inRun = new boolean[a.slots.n];
            for (int t : run) {
                inRun[t] = true;
            }
            for (int t : run) {
                while (!a.fits(j, t)) {
                    if (moveOneAway(a, j, t, occupants.get(t), inRun, effort)) {
                        continue;
                    }
                    int k = largestAt(a, occupants.get(t));
                    if (k < 0) {
                        break;
                    }
                    a.remove(k);
                    evicted.add(k);
                }
            }
            if (a.fits(j, run)) {
                a.place(j, new JobOptions.Choice(run, 0));
                double[] cost = new double[a.slots.n];
                boolean[] blocked = new boolean[a.slots.n];
                for (int k : evicted) {
                    BestResponse.exactCosts(a, k, cost, blocked);
                    a.place(k, a.jobs.get(k).best(cost, blocked, false));
                    effort.spend(1);
                }
                if (settle) {
                    BestResponse.improve(a, effort, 1);
                }
                if (a.objectiveEur() < before - 1e-6) {
                    return true;
                }
            }
            a.restore(snapshot);
        }
        return false;
    }

    /**
     * Run slots of the job's starts (if {@code earlier}, those that finish before its present choice does:
     * it is late) that clash with the fewest GPU-slots of placed jobs (contiguous runs).
     */
    private static List<int[]> candidates(Assignment a, int j, List<List<Integer>> occupants, boolean earlier) {
        JobOptions o = a.jobs.get(j);
        boolean resumes = o.job.preemptible() && o.job.phase() != io.kelvin.energyoptimizer.model.Job.Phase.PENDING;
        int length = o.job.durationSlots() + (resumes ? o.job.checkpointSlots() : 0);
        // A job that may leave work past the horizon's end may start as late as its due work still fits.
        int least = Schedules.open(o.job, a.slots.n)
                ? Schedules.minWorkIn(o.job, a.slots.n) + (resumes ? o.job.checkpointSlots() : 0) : length;
        int last = o.job.preemptible() ? o.hi - least + 1 : o.hi;
        if (earlier) {
            last = Math.min(last, end(o, a.choice[j].runSlots()) - 1 - length);
        }
        List<int[]> runs = new ArrayList<>();
        List<Double> clashes = new ArrayList<>();
        boolean[] seen = new boolean[a.jobs.size()];
        for (int s = o.lo; s <= last; s++) {
            int[] run = IntStream.range(s, Math.min(a.slots.n, s + length)).toArray();
            boolean possible = run.length > 0;
            for (int t : run) {
                possible &= a.slots.fitsAlone(o, t);
            }
            if (possible) {
                runs.add(run);
                clashes.add(clash(a, j, run, occupants, seen));
            }
        }
        List<Integer> order = IntStream.range(0, runs.size()).boxed().sorted(Comparator.comparingDouble(clashes::get)).toList();
        return order.subList(0, Math.min(CANDIDATE_STARTS, order.size())).stream().map(runs::get).toList();
    }

    /** GPU-slots of the placed jobs running where job j does not fit in this run. */
    private static double clash(Assignment a, int j, int[] run, List<List<Integer>> occupants, boolean[] seen) {
        double sum = 0;
        List<Integer> marked = new ArrayList<>();
        for (int t : run) {
            if (!a.fits(j, t)) {
                for (int k : occupants.get(t)) {
                    if (k != j && !seen[k]) {
                        seen[k] = true;
                        marked.add(k);
                        sum += a.jobs.get(k).job.gpus() * (double) a.choice[k].runSlots().length;
                    }
                }
            }
        }
        marked.forEach(k -> seen[k] = false);
        return sum;
    }

    /**
     * Moves one job running at {@code t} to its cheapest choice outside the run being cleared for job j,
     * if one has such a choice: the first link of an ejection chain, which keeps the moved job placed where
     * evicting it would miss it. Jobs big enough to make room for j alone are tried first, smallest first,
     * then the others, largest first; at most {@link #MOVE_TRIES} are tried. Returns whether one moved.
     */
    private static boolean moveOneAway(Assignment a, int j, int t, List<Integer> occupantsAtT, boolean[] inRun,
                                       Effort effort) {
        JobOptions o = a.jobs.get(j);
        int gpuShort = a.busy[t] + o.job.gpus() - a.slots.freeGpus[t];
        double kwShort = a.itKw[t] + o.deltaKw - a.slots.maxItKw[t];
        List<Integer> here = new ArrayList<>();
        for (int k : occupantsAtT) {
            if (k != j && a.choice[k] != null && Arrays.stream(a.choice[k].runSlots()).anyMatch(s -> s == t)) {
                here.add(k);
            }
        }
        IntPredicate enough = k -> a.jobs.get(k).job.gpus() >= gpuShort && a.jobs.get(k).deltaKw >= kwShort;
        here.sort(Comparator.comparing((Integer k) -> !enough.test(k))
                .thenComparingInt(k -> enough.test(k) ? a.jobs.get(k).job.gpus() : -a.jobs.get(k).job.gpus()));
        double[] cost = new double[a.slots.n];
        boolean[] blocked = new boolean[a.slots.n];
        for (int k : here.subList(0, Math.min(MOVE_TRIES, here.size()))) {
            JobOptions.Choice current = a.choice[k];
            a.remove(k);
            BestResponse.exactCosts(a, k, cost, blocked);
            for (int s = 0; s < blocked.length; s++) {
                blocked[s] |= inRun[s];
            }
            JobOptions.Choice elsewhere = a.jobs.get(k).best(cost, blocked, false);
            effort.spend(1);
            if (!elsewhere.missed()) {
                a.place(k, elsewhere);
                return true;
            }
            a.place(k, current);
        }
        return false;
    }

    /** Of the jobs that ran in a slot when the search began, the placed one still there with the most GPUs, or -1. */
    private static int largestAt(Assignment a, List<Integer> occupantsAtT) {
        int best = -1;
        for (int k : occupantsAtT) {
            if (a.choice[k] != null && !a.choice[k].missed()
                    && (best < 0 || a.jobs.get(k).job.gpus() > a.jobs.get(best).job.gpus())) {
                best = k;
            }
        }
        return best;
    }
}
