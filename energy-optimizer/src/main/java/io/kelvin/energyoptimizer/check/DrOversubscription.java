package io.kelvin.energyoptimizer.check;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Proves that a DR event's cap cannot hold every submitted job on time, whatever the plan: a bound, not a
 * search, so when it finds nothing the window may still be over-subscribed.
 *
 * <p>For an interval {@code [a, b)} inside the event, every job that is to finish by its deadline must run
 * some slots inside it: a job that may not pause at least its smallest overlap over all on-time starts
 * (the overlap is a trapezoid in the start, so the smallest is at the first or the last start), a pausable
 * one whatever of its run does not fit in its window outside the interval. Their IT power above idle over
 * those slots is the energy the interval must take. Each slot can take only what lifts the site from its
 * floor (idle, the IT load Kelvin does not schedule and the running jobs that cannot pause) to the cap, import limit included, with that slot's
 * cooling, ambient and renewables. When the energy needed is larger than the room over the interval, no
 * plan meets every deadline within the cap; a plan that finishes one of these jobs late is then making a
 * choice, not a mistake. Expected load (jobs not yet submitted) is left out: the finding is about jobs
 * that exist.
 */
public final class DrOversubscription {

    /** An over-subscribed interval {@code [fromSlot, toSlot)}: the jobs' least IT energy above idle in it and the room the cap leaves. */
    public record Finding(String eventId, int fromSlot, int toSlot, double neededKwh, double roomKwh,
                          List<String> jobIds) {

        public Finding {
            jobIds = List.copyOf(jobIds);
        }

        public double excessKwh() {
            return neededKwh - roomKwh;
        }

        /** One sentence for a plan's notes, slots counted from the problem's horizon start. */
        public String note() {
            String slots = toSlot - fromSlot == 1 ? "slot " + fromSlot : "slots " + fromSlot + "-" + (toSlot - 1);
            return String.format(Locale.ROOT, "DR event %s: jobs due in %s need at least %.0f kWh above idle"
                    + " there, the cap leaves %.0f kWh; no plan finishes all of %d jobs (%s) on time within it",
                    eventId, slots, neededKwh, roomKwh, jobIds.size(),
                    String.join(", ", jobIds.subList(0, Math.min(10, jobIds.size())))
                            + (jobIds.size() > 10 ? ", ..." : ""));
        }
    }

    private DrOversubscription() {
    }

    /** The most over-subscribed interval of each hard DR event in the horizon, for events that have one. */
    public static List<Finding> of(Problem p) {
        List<Finding> out = new ArrayList<>();
        for (DrEvent e : p.drEvents()) {
            if (e.hard()) {
                worst(p, e).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Finding> worst(Problem p, DrEvent e) {
        int from = Math.max(0, e.fromSlot());
        int to = Math.min(p.slots(), e.toSlot());
        if (from >= to) {
            return Optional.empty();
        }
        double[] room = new double[to - from];
        for (int t = from; t < to; t++) {
            room[t - from] = roomKw(p, t, Math.min(e.capKw(), p.site().importLimitKw()));
        }
        double h = p.horizon().slotHours();
        Finding worst = null;
        for (int a = from; a < to; a++) {
            double roomSum = 0;
            for (int b = a + 1; b <= to; b++) {
                roomSum += room[b - 1 - from];
                double need = 0;
                List<String> ids = new ArrayList<>();
                for (Job j : p.jobs()) {
                    int inside = leastInside(j, a, b);
                    if (inside > 0) {
                        need += inside * j.deltaKw(p.site().idleKwPerGpu());
                        ids.add(j.id());
                    }
                }
                if (need > roomSum + 0.5 && (worst == null || (need - roomSum) * h > worst.excessKwh())) {
                    worst = new Finding(e.id(), a, b, need * h, roomSum * h, ids);
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Slots of {@code [a, b)} a job must run in to finish by its deadline; 0 if it cannot finish on time anyway. */
    static int leastInside(Job j, int a, int b) {
        if (j.fixed()) {
            return 0;
        }
        int release = Math.max(0, j.releaseSlot());
        if (j.preemptible()) {
            int need = j.durationSlots() + (j.phase() == Job.Phase.PAUSED ? j.checkpointSlots() : 0);
            int window = j.deadlineSlot() - release;
            if (window < need) {
                return 0;
            }
            int inside = Math.max(0, Math.min(b, j.deadlineSlot()) - Math.max(a, release));
            return Math.max(0, need - (window - inside));
        }
        int lastStart = j.deadlineSlot() - j.durationSlots();
        if (lastStart < release) {
            return 0;
        }
        return Math.min(overlap(release, j.durationSlots(), a, b), overlap(lastStart, j.durationSlots(), a, b));
    }

    private static int overlap(int start, int duration, int a, int b) {
        return Math.max(0, Math.min(start + duration, b) - Math.max(start, a));
    }

    /**
     * IT kW above the slot's floor (idle, unscheduled load and fixed jobs) before import reaches {@code capKw}. Computed here, not
     * with the model's {@code PowerFlow}: the check package shares no physics code with the planner.
     */
    private static double roomKw(Problem p, int t, double capKw) {
        double floor = p.site().idleKw() + p.forecast().unscheduledItKw()[t];
        for (Job j : p.jobs()) {
            floor += j.fixed() && t < j.durationSlots() ? j.deltaKw(p.site().idleKwPerGpu()) : 0;
        }
        if (importKw(p, t, floor) > capKw) {
            return 0;
        }
        double lo = 0;
        double hi = p.site().gpus() * p.site().activeKwPerGpu() + 1;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            if (importKw(p, t, floor + mid) <= capKw) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double importKw(Problem p, int t, double itKw) {
        return itKw + p.cooling().coolingKw(itKw, p.forecast().ambientC()[t]) - p.forecast().renewableKw(t);
    }
}
