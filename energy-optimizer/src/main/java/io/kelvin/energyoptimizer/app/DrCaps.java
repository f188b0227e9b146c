package io.kelvin.energyoptimizer.app;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Demand-response directives as the optimizer's DR caps, and back: what a plan cannot keep.
 *
 * <ul>
 *   <li>Each import capacity limit of a directive becomes one {@link DrEvent} over every slot it touches
 *       (a cap over part of a slot holds for the whole slot, never looser than asked), clipped to the
 *       horizon, id {@code eventId@version#n}. Export limits are not modelled and are left out. The cap is
 *       planned {@code biasKw} lower: how far the grid meter read above the dispatched plan lately (the
 *       planner's model of the site is not the meter), never below 0.</li>
 *   <li>A shortfall is an event whose caps the plan's grid import exceeds in some slot (peak excess kW and
 *       excess kWh; the planned import plus the bias against the cap asked for), or whose caps the over-subscription check ({@link DrOversubscription}) proves cannot
 *       hold every job on time (then {@code proven}, with the late or missed jobs among those it names). A slot
 *       above the cap in which the plan runs no job proves it too: that import is the site's floor (idle cluster,
 *       the IT load Kelvin does not schedule, cooling, less renewables), which no plan can lower.</li>
 * </ul>
 */
final class DrCaps {

    /** Import above a cap by less than this is rounding, not a shortfall. */
    private static final double TOLERANCE_KW = 1e-6;

    private DrCaps() {
    }

    static List<DrEvent> events(List<DrDirective> directives, Horizon h, double biasKw) {
        return List.copyOf(withRefs(directives, h, biasKw).keySet());
    }

    private static Map<DrEvent, EventRef> withRefs(List<DrDirective> directives, Horizon h, double biasKw) {
        Map<DrEvent, EventRef> out = new LinkedHashMap<>();
        long slotSeconds = h.slotLength().toSeconds();
        for (DrDirective d : directives) {
            int n = 0;
            for (DrSignal.CapLimit cap : d.caps()) {
                if (cap.direction() != DrSignal.Direction.IMPORT) {
                    continue;
                }
                int from = (int) Math.max(0, Math.floorDiv(Duration.between(h.start(), cap.start()).toSeconds(), slotSeconds));
                int to = (int) Math.min(h.slots(), Math.ceilDiv(Duration.between(h.start(), cap.end()).toSeconds(), slotSeconds));
                if (to > from) {
                    out.put(new DrEvent(d.ref().eventId() + "@" + d.ref().version() + "#" + n++, from, to,
                            Math.max(0, cap.kw() - Math.max(0, biasKw)), cap.hard()), d.ref());
                }
            }
        }
        return out;
    }

    static List<DrPlanOutcome.Shortfall> shortfalls(List<DrDirective> directives, Problem problem, StoredPlan plan,
                                                     double biasKw) {
        Map<DrEvent, EventRef> refs = withRefs(directives, problem.horizon(), biasKw);
        Map<String, DrOversubscription.Finding> proven = new LinkedHashMap<>();
        DrOversubscription.of(problem).forEach(f -> proven.put(f.eventId(), f));
        Set<String> lateOrMissed = new TreeSet<>();
        plan.jobs().stream().filter(j -> j.outcome().equals("LATE") || j.outcome().equals("MISSED"))
                .map(PlannedJob::jobId).forEach(lateOrMissed::add);
        double slotHours = plan.slotMinutes() / 60.0;
        Map<EventRef, Acc> byEvent = new LinkedHashMap<>();
        for (var e : refs.entrySet()) {
            DrEvent ev = e.getKey();
            Acc acc = byEvent.computeIfAbsent(e.getValue(), k -> new Acc());
            acc.from = acc.from == null || problem.horizon().slotStart(ev.fromSlot()).isBefore(acc.from)
                    ? problem.horizon().slotStart(ev.fromSlot()) : acc.from;
            Instant to = problem.horizon().slotStart(ev.toSlot());
            acc.to = acc.to == null || to.isAfter(acc.to) ? to : acc.to;
            for (PlannedSlot s : plan.slots()) {
                if (ev.covers(s.slot())) {
                    double excess = s.gridImportKw() - ev.capKw();
                    if (excess > TOLERANCE_KW) {
                        acc.peakKw = Math.max(acc.peakKw, excess);
                        acc.excessKwh += excess * slotHours;
                        // No job runs there: the import is the site's floor, and no plan can pause anything more.
                        acc.proven |= plan.jobs().stream().noneMatch(j -> j.runSlots().contains(s.slot()));
                    }
                }
            }
            DrOversubscription.Finding f = proven.get(ev.id());
            if (f != null) {
                acc.proven = true;
                f.jobIds().stream().filter(lateOrMissed::contains).forEach(acc.jobs::add);
            }
        }
        List<DrPlanOutcome.Shortfall> out = new ArrayList<>();
        for (var e : byEvent.entrySet()) {
            Acc a = e.getValue();
            if (a.peakKw > 0 || a.proven) {
                out.add(new DrPlanOutcome.Shortfall(e.getKey(), a.from, a.to, a.peakKw, a.excessKwh,
                        List.copyOf(a.jobs), a.proven));
            }
        }
        return out;
    }

    private static final class Acc {
        private Instant from;
        private Instant to;
        private double peakKw;
        private double excessKwh;
        private final Set<String> jobs = new TreeSet<>();
        private boolean proven;
    }
}
