package io.kelvin.energyoptimizer.app;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.MeteredImport;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DR cap guard on the meter, the fast loop ({@link #check} every second or so): while an import cap is in
 * force and the grid meter (mean over {@link Settings#meterWindow}) reads above the cap less
 * {@link Settings#marginShare} of it, it pauses preemptible jobs the dispatched plan runs in the current slot at
 * once ({@link PlanningService#pause}: the cluster draws less, the slot is recorded as not run by them, a re-plan
 * is asked for), instead of waiting for the next slot. Jobs are paused most slack first (the plan's end for the
 * job furthest before its deadline; then the largest), until their IT power above idle, scaled by the slot's
 * facility-to-IT ratio, covers the excess. After a pause it waits {@link Settings#settle} for the meter to show
 * it before pausing more.
 *
 * <p>Release, with hysteresis: when the meter has read below the cap less {@link Settings#releaseShare} of it for
 * {@link Settings#releaseAfter}, the job paused last is let run again if its power keeps the meter below the target;
 * when no cap is in force any more, every paused job runs again. Each pause and release is logged, kept in
 * {@link #actions()} (the newest {@link #KEPT}), named in the reason of the re-plan it asks for, and recorded as a
 * {@link GuardAction} in the {@link GuardLog} (the events in force, the jobs with their kW at the meter, the meter
 * and the cap); a log that fails is logged and the guard goes on.
 */
public final class CapGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CapGuard.class);
    /** How many actions {@link #actions()} keeps. */
    public static final int KEPT = 200;

    /**
     * {@code marginShare}: pause when the meter reads above cap x (1 - marginShare), enough to bring it to
     * cap x (1 - targetShare); {@code releaseShare}: release only below cap x (1 - releaseShare), and only a job
     * that keeps it below the target; {@code meterWindow}: the meter's mean over this; {@code settle}: the
     * time a pause needs to show on the meter; {@code releaseAfter}: how long the meter must stay low before a
     * release.
     */
    public record Settings(double marginShare, double targetShare, double releaseShare, Duration meterWindow,
                           Duration settle, Duration releaseAfter) {

        public Settings {
            if (!(marginShare >= 0 && marginShare <= targetShare && targetShare < releaseShare && releaseShare < 1)) {
                throw new IllegalArgumentException("marginShare, targetShare, releaseShare: must rise within 0..1, were "
                        + marginShare + ", " + targetShare + ", " + releaseShare);
            }
            if (meterWindow.isNegative() || meterWindow.isZero() || settle.isNegative() || releaseAfter.isNegative()) {
                throw new IllegalArgumentException("meterWindow: must be positive, was " + meterWindow);
            }
        }

        /**
         * Pause above 95 % of the cap, down to 88 %; release one job after 2 minutes below 80 %; a 3-second meter
         * mean, 3 s for a pause to show (the demo site's wind moves the meter by 5 % of a cap within seconds, and a
         * job let run again too early is paused again moments later).
         */
        public static Settings defaults() {
            return new Settings(0.05, 0.12, 0.20, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMinutes(2));
        }
    }

    private final PlanningService planning;
    private final MeteredImport meter;
    private final InstantSource clock;
    private final Cluster cluster;
    private final Settings settings;
    private final GuardLog log;
    private final Deque<GuardAction> actions = new ArrayDeque<>();
    /** Paused jobs in pause order, with the meter kW each is expected to save. */
    private final LinkedHashMap<String, Double> paused = new LinkedHashMap<>();
    /** The events the paused jobs were paused for (kept until none is paused). */
    private final Set<EventRef> pausedFor = new LinkedHashSet<>();
    private Instant pausedSlot;
    private Instant lastPause = Instant.MIN;
    private Instant lowSince;
    /** Whether the last pass found the meter above the cap with no preemptible job left to pause. */
    private boolean exhausted;

    public CapGuard(PlanningService planning, MeteredImport meter, InstantSource clock, Cluster cluster,
                    Settings settings, GuardLog log) {
        this.planning = planning;
        this.meter = meter;
        this.clock = clock;
        this.cluster = cluster;
        this.settings = settings;
        this.log = log;
    }

    /** The newest actions, oldest first. */
    public synchronized List<GuardAction> actions() {
        return List.copyOf(actions);
    }

    /** The import cap in force at {@code at}: the lowest of the directives' import limits covering it. */
    static OptionalDouble capAt(List<DrDirective> directives, Instant at) {
        return directives.stream().flatMap(d -> d.caps().stream())
                .filter(c -> c.direction() == DrSignal.Direction.IMPORT && !at.isBefore(c.start()) && at.isBefore(c.end()))
                .mapToDouble(DrSignal.CapLimit::kw).min();
    }

    /** The events whose import limits are in force at {@code at}, in the directives' order. */
    static List<EventRef> eventsAt(List<DrDirective> directives, Instant at) {
        return directives.stream().filter(d -> d.caps().stream().anyMatch(c -> c.direction() == DrSignal.Direction.IMPORT
                && !at.isBefore(c.start()) && at.isBefore(c.end()))).map(DrDirective::ref).distinct().toList();
    }

    /** Whether the last pass found the meter above the cap less the margin and no preemptible job left to pause. */
    public synchronized boolean exhausted() {
        return exhausted;
    }

    /** One pass of the fast loop: reads the meter and pauses or releases jobs; empty when it did nothing. */
    public synchronized Optional<GuardAction> check() {
        exhausted = false;
        Instant now = clock.instant();
        Optional<StoredPlan> dispatched = planning.dispatchedPlan();
        List<DrDirective> directives = planning.directives();
        OptionalDouble cap = capAt(directives, now);
        if (dispatched.isEmpty()) {
            return Optional.empty();
        }
        StoredPlan plan = dispatched.get();
        long slotSeconds = plan.slotMinutes() * 60L;
        long since = Duration.between(plan.horizonStart(), now).toSeconds();
        int slot = (int) Math.floorDiv(since, slotSeconds);
        Instant slotStart = plan.horizonStart().plusSeconds(slot * slotSeconds);
        if (!slotStart.equals(pausedSlot)) {
            pausedSlot = slotStart;
            if (!paused.isEmpty() && cap.isPresent()) {
                // Still paused in the new slot: recorded as not run in it too.
                planning.pause(itKw(List.copyOf(paused.keySet())), null);
            }
        }
        if (cap.isEmpty()) {
            lowSince = null;
            return paused.isEmpty() ? Optional.empty() : release(now, List.copyOf(paused.keySet()),
                    meter.meanKw(now.minus(settings.meterWindow()), now), cap, List.copyOf(pausedFor));
        }
        OptionalDouble read = meter.meanKw(now.minus(settings.meterWindow()), now);
        if (read.isEmpty() || slot < 0 || slot >= plan.slots().size()) {
            return Optional.empty();
        }
        double kw = read.getAsDouble();
        double capKw = cap.getAsDouble();
        double trip = capKw * (1 - settings.marginShare());
        double target = capKw * (1 - settings.targetShare());
        if (kw > trip) {
            lowSince = null;
            if (now.isBefore(lastPause.plus(settings.settle()))) {
                return Optional.empty();
            }
            return pause(now, plan, slot, kw, capKw, kw - target, eventsAt(directives, now));
        }
        if (paused.isEmpty() || kw >= capKw * (1 - settings.releaseShare())) {
            lowSince = null;
            return Optional.empty();
        }
        if (lowSince == null) {
            lowSince = now;
        }
        if (now.isBefore(lowSince.plus(settings.releaseAfter()))) {
            return Optional.empty();
        }
        String last = paused.lastEntry().getKey();
        if (kw + paused.lastEntry().getValue() >= target) {
            return Optional.empty();
        }
        lowSince = null;
        return release(now, List.of(last), read, cap, eventsAt(directives, now));
    }

    private Map<String, Double> itKw(List<String> ids) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                out.put(id, aboveIdleKw(planning.job(id).spec()));
            } catch (NoSuchEntryException e) {
                // cancelled and gone: nothing to pause
            }
        }
        return out;
    }

    private double aboveIdleKw(JobSpec spec) {
        double total = spec.totalPowerKw() != null ? spec.totalPowerKw()
                : spec.gpus() * (spec.powerKwPerGpu() != null ? spec.powerKwPerGpu() : cluster.activeKwPerGpu());
        return Math.max(0, total - spec.gpus() * cluster.idleKwPerGpu());
    }

    private Optional<GuardAction> pause(Instant now, StoredPlan plan, int slot, double kw, double capKw, double excessKw,
                                        List<EventRef> events) {
        PlannedSlot s = plan.slots().get(slot);
        double ratio = s.itKw() > 0 ? Math.max(1, s.facilityKw() / s.itKw()) : 1;
        List<Candidate> candidates = new ArrayList<>();
        for (PlannedJob j : plan.jobs()) {
            if (!j.runSlots().contains(slot) || paused.containsKey(j.jobId())) {
                continue;
            }
            JobSpec spec;
            try {
                spec = planning.job(j.jobId()).spec();
            } catch (NoSuchEntryException e) {
                continue;
            }
            if (!spec.preemptible()) {
                continue;
            }
            double aboveIdle = aboveIdleKw(spec);
            candidates.add(new Candidate(j.jobId(), slack(plan, j, spec, now), aboveIdle, aboveIdle * ratio));
        }
        candidates.sort(Comparator.comparing(Candidate::slack).reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::itKw).reversed())
                .thenComparing(Candidate::id));
        Map<String, Double> chosen = new LinkedHashMap<>();
        List<GuardAction.JobKw> jobs = new ArrayList<>();
        double saved = 0;
        for (Candidate c : candidates) {
            if (saved >= excessKw) {
                break;
            }
            chosen.put(c.id(), c.itKw());
            paused.put(c.id(), c.meterKw());
            jobs.add(new GuardAction.JobKw(c.id(), c.meterKw()));
            saved += c.meterKw();
        }
        if (chosen.isEmpty()) {
            exhausted = true;
            return Optional.empty();
        }
        lastPause = now;
        pausedFor.addAll(events);
        String text = String.format(Locale.ROOT, "cap guard: meter %.0f kW above DR cap %.0f kW less %.0f %%,"
                        + " paused %s (about %.0f kW)", kw, capKw, settings.marginShare() * 100, chosen.keySet(), saved);
        if (saved < excessKw) {
            text += String.format(Locale.ROOT, "; no more preemptible jobs to pause, %.0f kW still above", excessKw - saved);
        }
        LOG.warn(text);
        planning.pause(chosen, text);
        return Optional.of(record(new GuardAction(now, GuardAction.Kind.PAUSED, events, jobs, OptionalDouble.of(kw),
                OptionalDouble.of(capKw))));
    }

    private Optional<GuardAction> release(Instant now, List<String> ids, OptionalDouble kw, OptionalDouble capKw,
                                          List<EventRef> events) {
        List<GuardAction.JobKw> jobs = ids.stream().map(id -> new GuardAction.JobKw(id, paused.getOrDefault(id, 0.0)))
                .toList();
        double kwBack = jobs.stream().mapToDouble(GuardAction.JobKw::kw).sum();
        ids.forEach(paused::remove);
        if (paused.isEmpty()) {
            pausedFor.clear();
        }
        planning.resume(ids);
        String text = String.format(Locale.ROOT, "cap guard: meter %s, DR cap %s: released %s (about %.0f kW)",
                kw.isPresent() ? String.format(Locale.ROOT, "%.0f kW", kw.getAsDouble()) : "not read",
                capKw.isPresent() ? String.format(Locale.ROOT, "%.0f kW", capKw.getAsDouble()) : "no longer in force",
                ids, kwBack);
        LOG.info(text);
        planning.requestReplan(text);
        return Optional.of(record(new GuardAction(now, GuardAction.Kind.RELEASED, events, jobs, kw, capKw)));
    }

    private GuardAction record(GuardAction a) {
        actions.addLast(a);
        while (actions.size() > KEPT) {
            actions.removeFirst();
        }
        try {
            log.record(a);
        } catch (RuntimeException e) {
            LOG.error("Could not keep the cap guard's action in the guard log; the action stands", e);
        }
        return a;
    }

    /**
     * How far the plan's end for the job lies before its deadline; for a job with work past the horizon's end (planned
     * to run from that end, as a job planned by its due work is), also the time the plan leaves it idle between its
     * last run slot and the horizon's end, which it can still use.
     */
    private static Duration slack(StoredPlan plan, PlannedJob j, JobSpec spec, Instant now) {
        Instant end = j.end() != null ? j.end() : now;
        Duration slack = Duration.between(end, spec.deadline());
        Duration slot = Duration.ofMinutes(plan.slotMinutes());
        Instant horizonEnd = plan.horizonStart().plus(slot.multipliedBy(plan.slots().size()));
        if (end.isAfter(horizonEnd) && !j.runSlots().isEmpty()) {
            slack = slack.plus(Duration.between(plan.horizonStart().plus(slot.multipliedBy(j.runSlots().getLast() + 1L)),
                    horizonEnd));
        }
        return slack;
    }

    private record Candidate(String id, Duration slack, double itKw, double meterKw) {
    }
}
