package io.kelvin.energyoptimizer.milp;

import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import io.kelvin.energyoptimizer.model.JobRuns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time-indexed scheduling MILP, one constraint family per method. Power variables are kW
 * (slot averages), the objective is EUR over the horizon (see {@link ScheduleObjective}).
 * Build with {@link #build(Problem, boolean)}; {@code hardDr = false} turns hard DR caps into
 * penalised soft caps.
 */
public final class ScheduleModel {

    static final double KW_RESOLUTION = 0.01;

    final Problem p;
    final LinearModel m = new LinearModel();
    final List<JobVariables> jobs = new ArrayList<>();
    final int[] it;
    final int[] cooling;
    final int[] grid;
    final int[] export;
    final int[] heat;
    final Map<Integer, Integer> drShortfall = new HashMap<>();
    final int[] fixedGpus;
    final double[] fixedDeltaKw;
    private final boolean hardDr;

    private ScheduleModel(Problem p, boolean hardDr) {
        this.p = p;
        this.hardDr = hardDr;
        int n = p.slots();
        double unscheduled = java.util.Arrays.stream(p.forecast().unscheduledItKw()).max().orElse(0);
        double maxKw = p.site().gpus() * Math.max(p.site().activeKwPerGpu(), 2.0) * 3 + 10_000 + 2 * unscheduled;
        it = vars("it", n, maxKw);
        cooling = vars("cooling", n, maxKw);
        grid = vars("import", n, maxKw);
        export = vars("export", n, maxKw);
        heat = vars("heat", n, maxKw);
        fixedGpus = new int[n];
        fixedDeltaKw = new double[n];
        for (int t = 0; t < n; t++) {
            fixedGpus[t] = p.unmovableGpus(t);
            fixedDeltaKw[t] = p.unmovableDeltaKw(t);
        }
    }

    public static ScheduleModel build(Problem p, boolean hardDr) {
        ScheduleModel s = new ScheduleModel(p, hardDr);
        s.addJobs();
        s.addOneStartPerJob();
        s.addPreemptibleCoverage();
        s.addPreemptibleSegments();
        s.addGpuCapacity();
        s.addItPower();
        s.addCoolingOverhead();
        s.addGridBalance();
        s.addImportLimit();
        s.addDemandResponseCaps();
        s.addExportRule();
        s.addHeatRecovery();
        ScheduleObjective.add(s);
        return s;
    }

    /** How many binaries {@link #build} would make for this problem, without building it. */
    public static long binaries(Problem p) {
        long count = 0;
        for (Job job : p.jobs()) {
            if (!job.fixed()) {
                int[] w = io.kelvin.energyoptimizer.model.Schedules.window(job, p.slots(), p.maxLateSlots());
                count += 1 + Math.max(0, w[1] - w[0] + 1) * (job.preemptible() ? 2L : 1L);
            }
        }
        return count;
    }

    public LinearModel model() {
        return m;
    }

    private int[] vars(String name, int n, double ub) {
        int[] v = new int[n];
        for (int t = 0; t < n; t++) {
            v[t] = m.continuous(name + "[" + t + "]", 0, ub, KW_RESOLUTION);
        }
        return v;
    }

    private void addJobs() {
        for (Job job : p.jobs()) {
            if (!job.fixed()) {
                jobs.add(JobVariables.create(m, job, p.slots(), p.maxLateSlots()));
            }
        }
    }

    // Each non-preemptible job starts exactly once inside its window, or is reported missed.
    void addOneStartPerJob() {
        for (JobVariables j : jobs) {
            if (!j.job.preemptible()) {
                LinearModel.RowBuilder row = m.row("one-start[" + j.job.id() + "]").add(j.missed, 1);
                Arrays.stream(j.vars).forEach(v -> row.add(v, 1));
                row.equalTo(1);
            }
        }
    }

    // A preemptible job runs its work plus one checkpoint per resume inside its window, or is missed; one due after the
    // horizon's end may leave work past it (at most all but its due work), which the objective charges.
    void addPreemptibleCoverage() {
        for (JobVariables j : jobs) {
            if (j.job.preemptible()) {
                int ovh = j.job.checkpointSlots();
                int need = j.job.durationSlots() - (j.job.phase() == Job.Phase.PENDING ? ovh : 0);
                LinearModel.RowBuilder cover = m.row("coverage[" + j.job.id() + "]").add(j.missed, need);
                LinearModel.RowBuilder none = m.row("missed-runs-nothing[" + j.job.id() + "]")
                        .add(j.missed, j.slots.length);
                for (int i = 0; i < j.vars.length; i++) {
                    cover.add(j.vars[i], 1).add(j.segmentVars[i], -ovh);
                    none.add(j.vars[i], 1);
                }
                if (j.past >= 0) {
                    cover.add(j.past, 1);
                }
                cover.equalTo(need);
                none.atMost(j.slots.length);
            }
        }
    }

    // A run segment starts exactly where a preemptible job runs and did not run the slot before.
    void addPreemptibleSegments() {
        for (JobVariables j : jobs) {
            if (!j.job.preemptible()) {
                continue;
            }
            for (int i = 0; i < j.vars.length; i++) {
                boolean continuesRun = j.slots[i] == 0 && j.job.phase() == Job.Phase.RUNNING;
                LinearModel.RowBuilder row = m.row("segment-start[" + j.job.id() + "," + j.slots[i] + "]")
                        .add(j.segmentVars[i], 1).add(j.vars[i], -1);
                if (i > 0 && j.slots[i - 1] == j.slots[i] - 1) {
                    row.add(j.vars[i - 1], 1);
                }
                row.atLeast(continuesRun ? -1 : 0);
                m.row("segment-runs[" + j.job.id() + "," + j.slots[i] + "]").add(j.segmentVars[i], 1)
                        .add(j.vars[i], -1).atMost(0);
                LinearModel.RowBuilder fresh = m.row("segment-fresh[" + j.job.id() + "," + j.slots[i] + "]")
                        .add(j.segmentVars[i], 1);
                if (i > 0 && j.slots[i - 1] == j.slots[i] - 1) {
                    fresh.add(j.vars[i - 1], 1);
                }
                fresh.atMost(continuesRun ? 0 : 1);
            }
            if (j.job.phase() == Job.Phase.PENDING) {
                LinearModel.RowBuilder once = m.row("starts-once[" + j.job.id() + "]").add(j.missed, 1);
                Arrays.stream(j.segmentVars).forEach(v -> once.add(v, 1));
                once.atLeast(1);
            }
        }
    }

    // Busy GPUs of running and planned jobs never exceed the cluster's GPUs in any slot.
    void addGpuCapacity() {
        for (int t = 0; t < p.slots(); t++) {
            LinearModel.RowBuilder row = m.row("gpu-capacity[" + t + "]");
            for (JobVariables j : jobs) {
                for (int v : j.coveringVars(t)) {
                    row.add(v, j.job.gpus());
                }
            }
            row.atMost(p.site().gpus() - fixedGpus[t]);
        }
    }

    // IT power = cluster idle kW + each running job's power above the idle draw of its GPUs.
    void addItPower() {
        double idle = p.site().idleKwPerGpu();
        for (int t = 0; t < p.slots(); t++) {
            LinearModel.RowBuilder row = m.row("it-power[" + t + "]").add(it[t], 1);
            for (JobVariables j : jobs) {
                for (int v : j.coveringVars(t)) {
                    row.add(v, -j.job.deltaKw(idle));
                }
            }
            row.equalTo(p.site().idleKw() + fixedDeltaKw[t]);
        }
    }

    // Cooling power lies on or above every piece of the convex cooling curve at the slot's ambient.
    void addCoolingOverhead() {
        for (int t = 0; t < p.slots(); t++) {
            List<CoolingModel.Segment> pieces = p.cooling().segments(p.forecast().ambientC()[t]);
            for (int k = 0; k < pieces.size(); k++) {
                m.row("cooling[" + t + "," + k + "]").add(cooling[t], 1).add(it[t], -pieces.get(k).slope())
                        .atLeast(pieces.get(k).interceptKw());
            }
        }
    }

    // Grid import covers facility power (IT + cooling) less PV and wind, plus any export.
    void addGridBalance() {
        for (int t = 0; t < p.slots(); t++) {
            m.row("grid-balance[" + t + "]").add(grid[t], 1).add(export[t], -1).add(it[t], -1).add(cooling[t], -1)
                    .atLeast(-p.forecast().renewableKw(t));
        }
    }

    // Grid import stays within the site's contracted import limit.
    void addImportLimit() {
        for (int t = 0; t < p.slots(); t++) {
            m.row("import-limit[" + t + "]").add(grid[t], 1).atMost(p.site().importLimitKw());
        }
    }

    // During a DR event import stays under the cap: hard, or with a penalised shortfall when soft.
    void addDemandResponseCaps() {
        for (DrEvent e : p.drEvents()) {
            for (int t = Math.max(0, e.fromSlot()); t < Math.min(p.slots(), e.toSlot()); t++) {
                LinearModel.RowBuilder row = m.row("dr-cap[" + e.id() + "," + t + "]").add(grid[t], 1);
                if (!(hardDr && e.hard())) {
                    int shortfall = drShortfall.computeIfAbsent(t,
                            slot -> m.continuous("dr-shortfall[" + slot + "]", 0, 1e7, KW_RESOLUTION));
                    row.add(shortfall, -1);
                }
                row.atMost(e.capKw());
            }
        }
    }

    // Export only where the site allows it, and never more than the renewables produce.
    void addExportRule() {
        for (int t = 0; t < p.slots(); t++) {
            m.row("export[" + t + "]").add(export[t], 1)
                    .atMost(p.site().exportAllowed() ? p.forecast().renewableKw(t) : 0);
        }
    }

    // Recovered heat is at most what the offtake wants and the recoverable share of IT power.
    void addHeatRecovery() {
        for (int t = 0; t < p.slots(); t++) {
            m.row("heat-demand[" + t + "]").add(heat[t], 1).atMost(p.forecast().heatDemandKw()[t]);
            m.row("heat-source[" + t + "]").add(heat[t], 1).add(it[t], -p.weights().heatRecoveryFraction())
                    .atMost(0);
        }
    }

    /** Run slots per job id from a solution (absent = missed). */
    public JobRuns runSlots(double[] values) {
        Map<String, List<Integer>> out = new java.util.TreeMap<>();
        for (JobVariables j : jobs) {
            if (values[j.missed] < 0.5) {
                out.put(j.job.id(), j.runSlots(values, p.slots()));
            }
        }
        return JobRuns.of(out);
    }

    /** A hint vector (NaN = no hint) from previous run slots per job id, in this problem's slots. */
    public double[] hint(JobRuns previous) {
        double[] h = new double[m.vars().size()];
        Arrays.fill(h, Double.NaN);
        for (JobVariables j : jobs) {
            j.hint(h, previous.slots(j.job.id()));
        }
        return h;
    }
}
