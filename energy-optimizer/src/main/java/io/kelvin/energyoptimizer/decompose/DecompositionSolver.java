package io.kelvin.energyoptimizer.decompose;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Schedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Lagrangian decomposition of the scheduling problem, for a lower bound and good plans fast when the
 * MILP is too big to solve in time. Relaxing the two couplings between jobs (each slot's IT power is
 * the sum of the jobs running in it, and their GPUs fit the cluster) with prices per slot splits the
 * problem into one small problem per job (its cheapest choice at those prices, solved exactly) and
 * one per slot (the best IT power at that price on the slot's convex cost curve). Every price vector
 * gives a lower bound on the optimum; subgradient steps raise it. Plans come from placing the jobs
 * at the prices, largest first, each where it still fits, then {@link BestResponse} local search, and
 * from improving the start plan the caller gives. The same model as {@code milp.ScheduleModel}: the
 * independent checker verifies the plans either way.
 */
public final class DecompositionSolver {

    /**
     * The best plan found (run slots per job id, missed jobs absent), its objective and the best lower
     * bound, and the objective of running no job at all (idle GPUs and running jobs only), EUR.
     */
    public record Result(JobRuns runSlots, double objectiveEur, double boundEur, double noJobsEur,
                         int iterations, long millis, long workUsed, boolean cutByWallClock) {

        /** The usual relative gap: (objective - bound) / max(1, |objective|). */
        public double gap() {
            return Math.max(0, objectiveEur - boundEur) / Math.max(1.0, Math.abs(objectiveEur));
        }

        /**
         * The gap on the part of the objective the plan controls: (objective - bound) / (objective - no-jobs
         * objective). The idle site's energy is most of the objective, so the usual gap flatters a plan.
         */
        public double controllableGap() {
            return DecompositionSolver.controllableGap(objectiveEur, boundEur, noJobsEur);
        }
    }

    private static final int PRIMAL_EVERY = 20;
    private static final int PATIENCE = 30;
    private static final int QUICK_PASSES = 2;
    private static final double MIN_THETA = 1e-6;
    private static final int MAX_RESTARTS = 3;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecompositionSolver.class);
    private static final double DUAL_SHARE = 0.7;

    private final Problem p;
    private final SlotCurves slots;
    private final List<JobOptions> jobs = new ArrayList<>();

    public DecompositionSolver(Problem p, boolean hardDr) {
        this.p = p;
        this.slots = new SlotCurves(p, hardDr);
        for (Job job : p.jobs()) {
            if (!job.fixed()) {
                jobs.add(new JobOptions(p, job));
            }
        }
    }

    /**
     * Runs until the controllable gap is at most {@code targetGap} or {@code jobSolves} job sub-problems have
     * been solved (the wall-clock {@code cap} only as a safety net), from the best of the start plans, each
     * improved and repaired first: a previous plan that a new DR event partly breaks may still be a better
     * start than a heuristic plan made afresh, or not. Choices of a start plan that no longer fit are dropped.
     */
    public Result solve(List<JobRuns> starts, long jobSolves, Duration cap, double targetGap) {
        Effort effort = new Effort(jobSolves, cap);
        Assignment best = null;
        for (JobRuns start : starts.isEmpty() ? List.of(JobRuns.none()) : starts) {
            Assignment a = fromStart(start);
            BestResponse.improve(a, effort, QUICK_PASSES);
            Repair.placeMissed(a, effort);
            if (best == null || a.objectiveEur() < best.objectiveEur()) {
                best = a;
            }
        }
        double ub = best.objectiveEur();
        int n = slots.n;
        double[] lambda = new double[n];
        double[] mu = new double[n];
        for (int t = 0; t < n; t++) {
            lambda[t] = (slots.eur(t, best.itKw[t] + 10) - slots.eur(t, best.itKw[t])) / 10;
        }
        double lb = Double.NEGATIVE_INFINITY;
        double theta = 1.0;
        int stale = 0;
        int iterations = 0;
        double[] cost = new double[n];
        double[] itStar = new double[n];
        double[] load = new double[n];
        double[] gpus = new double[n];
        // Slots a job cannot use even alone: the same for every price vector, so worked out once.
        boolean[][] neverFits = new boolean[jobs.size()][n];
        for (int j = 0; j < jobs.size(); j++) {
            for (int t = 0; t < n; t++) {
                neverFits[j][t] = !slots.fitsAlone(jobs.get(j), t);
            }
        }
        double[] bestLambda = lambda.clone();
        double[] bestMu = mu.clone();
        double noJobs = 0;
        for (int t = 0; t < n; t++) {
            noJobs += slots.eur(t, slots.baseItKw[t]);
        }
        int restarts = 0;
        while (!effort.exhausted(DUAL_SHARE) && controllableGap(ub, lb, noJobs) > targetGap) {
            if (theta < MIN_THETA) {
                // Steps have shrunk to nothing: start again from the best prices with long steps, a few times.
                if (++restarts > MAX_RESTARTS) {
                    break;
                }
                theta = 0.5;
                System.arraycopy(bestLambda, 0, lambda, 0, n);
                System.arraycopy(bestMu, 0, mu, 0, n);
            }
            iterations++;
            double value = 0;
            for (int t = 0; t < n; t++) {
                double[] m = slots.minimizeLessPrice(t, lambda[t]);
                value += m[0] - mu[t] * slots.freeGpus[t];
                itStar[t] = m[1];
                load[t] = 0;
                gpus[t] = 0;
            }
            for (int j = 0; j < jobs.size(); j++) {
                JobOptions o = jobs.get(j);
                for (int t = 0; t < n; t++) {
                    cost[t] = lambda[t] * o.deltaKw + mu[t] * o.job.gpus();
                }
                JobOptions.Choice c = o.best(cost, neverFits[j], true);
                effort.spend(1);
                value += c.cost();
                for (int t : c.runSlots()) {
                    load[t] += o.deltaKw;
                    gpus[t] += o.job.gpus();
                }
            }
            if (iterations % 50 == 0) {
                LOG.debug("iteration {}: dual value {} bound {} best plan {} step {}", iterations, value, lb, ub, theta);
            }
            if (value > lb + 1e-9) {
                lb = value;
                stale = 0;
                System.arraycopy(lambda, 0, bestLambda, 0, n);
                System.arraycopy(mu, 0, bestMu, 0, n);
            } else if (++stale >= PATIENCE) {
                // Steps too long: shorten them and go back to the best prices so far.
                theta /= 2;
                stale = 0;
                System.arraycopy(bestLambda, 0, lambda, 0, n);
                System.arraycopy(bestMu, 0, mu, 0, n);
                continue;
            }
            if (iterations % PRIMAL_EVERY == 0) {
                Assignment a = priced(lambda, mu, effort);
                if (a.objectiveEur() < ub - 1e-6) {
                    best = a;
                    ub = a.objectiveEur();
                }
            }
            // Polyak step, split evenly between the two price vectors, each scaled to its own subgradient.
            double normL = 0;
            double normM = 0;
            for (int t = 0; t < n; t++) {
                double gl = slots.baseItKw[t] + load[t] - itStar[t];
                double gm = mu[t] == 0 && gpus[t] < slots.freeGpus[t] ? 0 : gpus[t] - slots.freeGpus[t];
                normL += gl * gl;
                normM += gm * gm;
            }
            if (normL + normM < 1e-12) {
                break;
            }
            double target = theta * Math.max(ub - value, 1e-6 * Math.abs(ub));
            double stepL = normL > 1e-12 ? target / (normM > 1e-12 ? 2 : 1) / normL : 0;
            double stepM = normM > 1e-12 ? target / (normL > 1e-12 ? 2 : 1) / normM : 0;
            for (int t = 0; t < n; t++) {
                lambda[t] += stepL * (slots.baseItKw[t] + load[t] - itStar[t]);
                mu[t] = Math.max(0, mu[t] + stepM * (gpus[t] - slots.freeGpus[t]));
            }
        }
        if (iterations % PRIMAL_EVERY != 0 && !effort.exhausted()) {
            Assignment a = priced(lambda, mu, effort);
            if (a.objectiveEur() < ub - 1e-6) {
                best = a;
            }
        }
        BestResponse.improve(best, effort);
        if (Repair.placeMissed(best, effort) > 0) {
            BestResponse.improve(best, effort);
        }
        ub = best.objectiveEur();
        return new Result(best.runSlots(), ub, lb, noJobs, iterations, effort.millis(), effort.used(),
                effort.cutByWallClock());
    }

    private static double controllableGap(double ub, double lb, double noJobs) {
        return Double.isInfinite(lb) ? Double.POSITIVE_INFINITY : Math.max(0, ub - lb) / Math.max(1.0, Math.abs(ub - noJobs));
    }

    /** The start plan's still-valid choices, everything else missed until local search places it. */
    private Assignment fromStart(JobRuns start) {
        Assignment a = new Assignment(slots, jobs);
        for (int j = 0; j < jobs.size(); j++) {
            JobOptions o = jobs.get(j);
            int[] run = start.slots(o.job.id()).stream().mapToInt(Integer::intValue).toArray();
            boolean valid = run.length > 0 && validChoice(o, run) && a.fits(j, run);
            a.place(j, valid ? new JobOptions.Choice(run, 0) : o.missed());
        }
        return a;
    }

    private boolean validChoice(JobOptions o, int[] run) {
        if (run[0] < o.lo || run[run.length - 1] >= slots.n) {
            return false;
        }
        List<Integer> list = IntStream.of(run).boxed().toList();
        if (!o.job.preemptible()) {
            return run[0] <= o.hi && list.equals(Schedules.contiguous(run[0], o.job.durationSlots(), slots.n));
        }
        return run[run.length - 1] <= o.hi && Schedules.enoughWork(o.job, list, slots.n);
    }

    /** The better of two placements at the prices: least slack first, and largest first. */
    private Assignment priced(double[] lambda, double[] mu, Effort effort) {
        Comparator<Integer> leastSlack = Comparator.comparingInt((Integer j) -> jobs.get(j).hi - jobs.get(j).lo
                - (jobs.get(j).job.preemptible() ? jobs.get(j).job.durationSlots() : 0));
        Comparator<Integer> largest = Comparator.comparingDouble(
                (Integer j) -> -jobs.get(j).job.gpus() * (double) jobs.get(j).job.durationSlots());
        Assignment a = priced(lambda, mu, effort, leastSlack.thenComparing(largest));
        Assignment b = priced(lambda, mu, effort, largest.thenComparing(leastSlack));
        return a.objectiveEur() <= b.objectiveEur() ? a : b;
    }

    /** Places the jobs in this order at the prices where they still fit, then local search. */
    private Assignment priced(double[] lambda, double[] mu, Effort effort, Comparator<Integer> byOrder) {
        Assignment a = new Assignment(slots, jobs);
        int n = slots.n;
        double[] cost = new double[n];
        boolean[] blocked = new boolean[n];
        List<Integer> order = IntStream.range(0, jobs.size()).boxed().sorted(byOrder).toList();
        for (int j : order) {
            JobOptions o = jobs.get(j);
            for (int t = 0; t < n; t++) {
                blocked[t] = !a.fits(j, t);
                cost[t] = lambda[t] * o.deltaKw + mu[t] * o.job.gpus();
            }
            a.place(j, o.best(cost, blocked, false));
            effort.spend(1);
        }
        BestResponse.improve(a, effort, QUICK_PASSES);
        Repair.placeMissed(a, effort);
        return a;
    }
}
