package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanBound;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.model.Costs;
import io.kelvin.energyoptimizer.model.Explanation;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SlotFlow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an optimizer plan, the problem it solved, the hash of its inputs and the forecast it was given (inputs'
 * provenance, PV and wind bands) into the record that is stored and shown.
 */
final class PlanRecords {

    private PlanRecords() {
    }

    static StoredPlan of(PlanInputs inputs, Plan plan, String reason, Instant createdAt, List<String> checkNotes,
                         String inputHash, ForecastSource.PlanForecast forecast) {
        Problem problem = inputs.problem();
        return new StoredPlan(0, createdAt, reason, plan.info().planner(), plan.info().status(),
                plan.info().fallbackReason().isPresent(), plan.info().fallbackReason().orElse(null),
                plan.info().drRelaxed(), plan.info().millis(), problem.horizon().start(),
                (int) problem.horizon().slotLength().toMinutes(), costs(problem, plan), checkNotes,
                slots(problem, plan, forecast), jobs(problem, plan, inputs.ownDeadlines()), inputHash, plan.info().workUsed(),
                plan.info().cutByWallClock(), forecast.inputs(), PlanBound.ofNullable(plan.info().bound(), plan.info().gap()));
    }

    private static PlanCosts costs(Problem problem, Plan plan) {
        Costs c = plan.costs();
        double itKwh = plan.slots().stream().mapToDouble(SlotFlow::itKw).sum();
        double facilityKwh = plan.slots().stream().mapToDouble(SlotFlow::facilityKw).sum();
        double pue = itKwh > 0 ? facilityKwh / itKwh : 0;
        return new PlanCosts(c.totalEur(), c.energyEur() - c.exportCreditEur(), c.energyEur(), c.exportCreditEur(),
                c.carbonEur(), c.latenessEur(), c.missedEur(), c.drPenaltyEur(), c.switchingEur(), c.heatCreditEur(),
                c.importKwh(), c.co2Kg(), pue);
    }

    private static List<PlannedSlot> slots(Problem problem, Plan plan, ForecastSource.PlanForecast forecast) {
        Forecast f = problem.forecast();
        double[] p10 = forecast.pvP10Kw();
        double[] p90 = forecast.pvP90Kw();
        double[] windP10 = forecast.windP10Kw();
        double[] windP90 = forecast.windP90Kw();
        List<PlannedSlot> out = new ArrayList<>();
        for (int t = 0; t < plan.slots().size(); t++) {
            SlotFlow s = plan.slots().get(t);
            out.add(new PlannedSlot(t, problem.horizon().slotStart(t), s.busyGpus(), s.itKw(), s.facilityKw(),
                    f.pvKw()[t], f.windKw()[t], s.importKw(), s.exportKw(), f.priceEurPerKwh()[t],
                    f.carbonGPerKwh()[t], band(p10, t, f.pvKw()[t]), band(p90, t, f.pvKw()[t]),
                    band(windP10, t, f.windKw()[t]), band(windP90, t, f.windKw()[t])));
        }
        return out;
    }

    /** The band's value in slot {@code t}, the value planned with where the band has none. */
    private static Double band(double[] values, int t, double plannedKw) {
        return t < values.length && Double.isFinite(values[t]) ? values[t] : plannedKw;
    }

    private static List<PlannedJob> jobs(Problem problem, Plan plan, Map<String, Integer> ownDeadlines) {
        return plan.jobs().stream().map(j -> job(problem, j, ownDeadlines.get(j.jobId()))).toList();
    }

    /**
     * The job as stored; a job planned against a later deadline than its own ({@code ownDeadline}, in the problem's
     * slots, else null) is stated against its own: LATE (a running job that may not pause stays FIXED) by the slots it
     * ends after it, and its explanation says so.
     */
    private static PlannedJob job(Problem problem, JobSchedule j, Integer ownDeadline) {
        Explanation e = j.explanation() != null ? j.explanation()
                : new Explanation("no explanation given", 0, 0, 0, Explanation.Driver.NO_ROOM);
        Instant start = j.runSlots().isEmpty() ? null : problem.horizon().slotStart(j.firstSlot());
        Instant end = j.runSlots().isEmpty() ? null : problem.horizon().slotStart(j.endSlot());
        String outcome = j.outcome().name();
        int lateSlots = j.lateSlots();
        String text = e.text();
        if (ownDeadline != null && j.outcome() != JobSchedule.Outcome.MISSED && j.endSlot() > ownDeadline) {
            if (j.outcome() == JobSchedule.Outcome.LATE) {
                // The explainer stated it late against the deadline it was planned with: that note goes.
                int planned = problem.jobs().stream().filter(x -> x.id().equals(j.jobId())).findFirst().orElseThrow()
                        .deadlineSlot();
                String note = Explanation.lateNote(problem, j.lateSlots(), planned);
                text = text.endsWith(note) ? text.substring(0, text.length() - note.length()) : text;
            }
            // A running job that may not pause stays FIXED, with its lateness.
            outcome = j.outcome() == JobSchedule.Outcome.FIXED ? outcome : JobSchedule.Outcome.LATE.name();
            lateSlots = j.endSlot() - ownDeadline;
            text += Explanation.lateNote(problem, lateSlots, ownDeadline);
        }
        return new PlannedJob(j.jobId(), start, end, j.runSlots(), outcome, lateSlots, text,
                e.savedKwh(), e.savedEur(), e.savedKgCo2(), e.driver().name());
    }

}
