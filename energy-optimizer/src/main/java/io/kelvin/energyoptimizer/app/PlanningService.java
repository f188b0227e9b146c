package io.kelvin.energyoptimizer.app;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrPlanning;
import io.kelvin.core.plan.ClusterDispatch;
import io.kelvin.core.plan.JobRunStore;
import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.JobStore;
import io.kelvin.core.plan.MeteredImport;
import io.kelvin.core.plan.MeteredWind;
import io.kelvin.core.plan.Placement;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.plan.PlanOutcomeStore;
import io.kelvin.core.plan.PlanStore;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.api.JobRequestValidator;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.replan.UrgentArrivals;
import io.kelvin.energyoptimizer.solve.PlanBelowBoundException;
import io.kelvin.energyoptimizer.solve.Planner;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and keeps a plan for them. A submitted job is validated ({@link JobRequestValidator};
 * every problem in one message), stored, and triggers a re-plan in the background; the composition
 * root also calls {@link #replan} on a fixed interval. A re-plan builds the {@link Problem} for the
 * site (horizon of quarter hours from the current one, {@link SiteForecast}, the stored jobs whose
 * deadline is still ahead and whose release lies inside the horizon, room kept for urgent arrivals),
 * asks the planner, checks the plan with {@link PlanChecker} and stores it with its explanations.
 * The newest stored plan, moved into the new horizon, is the planner's warm start. A plan the checker
 * rejects is replaced by the fallback planner's; if that is rejected too, nothing is stored. With no open job a
 * plan is still made while a DR cap in force touches the horizon (when the caps change, else once per quarter
 * hour), so the caps are checked against the site's own load.
 *
 * <p>It is the one re-planning loop: the scenario replays ({@code scenario.ScenarioRunner}) drive it too, with
 * its stores in memory, a simulated clock and the scenario's forecast, so the benchmarks measure this code.
 *
 * <p>It is also the {@link ClusterDispatch}: the newest stored plan's IT power (idle plus the jobs it runs)
 * in the slot of the instant asked, held in memory (read from the store once, then replaced by each plan
 * stored here), so the cluster, or the twin standing in for it, can ask every second. When a re-plan finds
 * nothing to plan, nothing is dispatched any more. Jobs the {@link CapGuard} paused ({@link #pause}) are left out
 * of that power until resumed, and of the record of the slots they were paused in.
 */
public final class PlanningService implements DrPlanning, ClusterDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningService.class);
    /** The window over which the meter is compared with the dispatched plan. */
    public static final Duration BIAS_WINDOW = Duration.ofMinutes(5);
    /** While a DR cap is in force, its slots count on no more wind than the lowest minute over this window. */
    public static final Duration WIND_LOW_WINDOW = Duration.ofMinutes(30);

    private final SiteModel siteModel;
    /** The site's time zone, in which explanations state times. */
    private final java.time.ZoneId zone;
    /** The cooling plant every plan assumes: the reference hall's, sized to this site. */
    private final CoolingModel cooling;
    private final JobStore jobs;
    private final PlanStore plans;
    private final JobRunStore runs;
    private final Planner planner;
    private final Planner fallback;
    private final PlanningSettings settings;
    private final InstantSource clock;
    private final ForecastSource forecasts;
    private final Executor background;
    private final MeteredImport metered;
    private final MeteredWind meteredWind;
    private final PlanOutcomeStore outcomes;
    /** Jobs the cap guard paused until it resumes them, with the IT kW above idle each drew. */
    private final Map<String, Double> pausedNow = new java.util.concurrent.ConcurrentHashMap<>();
    /** Held while pausing; not the re-plan's lock, so a pause never waits for a solve. */
    private final Object pauseLock = new Object();
    /** Per slot start, the jobs the cap guard paused in it at any time: recorded as not run in that slot. */
    private final Map<Instant, java.util.Set<String>> notRun = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean replanQueued = new AtomicBoolean();
    private final PlanChecker checker = new PlanChecker();
    /** The DR directives in force (set by {@link #replanFor}), turned into the caps of every plan. */
    private volatile List<DrDirective> directives = List.of();
    /** How far the meter read above the dispatched plan's predicted import when the newest plan was made (kW, >= 0). */
    private volatile double importBiasKw;
    /** The plan the cluster follows; null until first read from the store. */
    private final java.util.concurrent.atomic.AtomicReference<Optional<StoredPlan>> dispatched =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<PlanLoad> dispatchedUnscheduled =
            new java.util.concurrent.atomic.AtomicReference<>();

    public PlanningService(Site site, JobStore jobs, PlanStore plans, JobRunStore runs, Planner planner,
                           Planner fallback,
                           PlanningSettings settings, InstantSource clock, ForecastSource forecasts,
                           Executor background) {
        this(site, jobs, plans, runs, planner, fallback, settings, clock, forecasts, background, MeteredImport.none());
    }

    /**
     * With the site's metered grid import: every plan's DR caps are tightened by how far the meter read above
     * what the dispatched plan predicted over the last {@link #BIAS_WINDOW} ({@link DrCaps}), so the caps are
     * kept on the meter even where the planner's model of cooling and conversion losses is off.
     */
    public PlanningService(Site site, JobStore jobs, PlanStore plans, JobRunStore runs, Planner planner,
                           Planner fallback, PlanningSettings settings, InstantSource clock, ForecastSource forecasts,
                           Executor background, MeteredImport metered) {
        this(site, jobs, plans, runs, planner, fallback, settings, clock, forecasts, background, metered,
                MeteredWind.none());
    }

    /**
     * With the site's metered wind too: while DR caps are in force, their slots count on no more wind than the
     * lowest minute the turbines gave over the last {@link #WIND_LOW_WINDOW}.
     */
    public PlanningService(Site site, JobStore jobs, PlanStore plans, JobRunStore runs, Planner planner,
                           Planner fallback, PlanningSettings settings, InstantSource clock, ForecastSource forecasts,
                           Executor background, MeteredImport metered, MeteredWind meteredWind) {
        this(site, jobs, plans, runs, planner, fallback, settings, clock, forecasts, background, metered, meteredWind,
                PlanOutcomeStore.none());
    }

    /**
     * Keeping, with every stored plan, each job's predicted energy, cost and CO2 and those of the same problem
     * planned run-immediately ({@link PlanOutcomes}), for the auditors' savings report.
     */
    public PlanningService(Site site, JobStore jobs, PlanStore plans, JobRunStore runs, Planner planner,
                           Planner fallback, PlanningSettings settings, InstantSource clock, ForecastSource forecasts,
                           Executor background, MeteredImport metered, MeteredWind meteredWind,
                           PlanOutcomeStore outcomes) {
        this(SiteModel.of(site), CoolingModel.liquidCooledFor(SiteModel.of(site)), site.info().timezone(), jobs, plans,
                runs, planner, fallback, settings, clock, forecasts, background, metered, meteredWind, outcomes);
    }

    /**
     * For a site given by its model ({@code siteModel}, {@code cooling}, {@code zone}) rather than a site file: the
     * scenario replays ({@code ScenarioRunner}) plan through here, so the benchmarks measure the app's planning.
     */
    public PlanningService(SiteModel siteModel, CoolingModel cooling, java.time.ZoneId zone, JobStore jobs,
                           PlanStore plans, JobRunStore runs, Planner planner, Planner fallback,
                           PlanningSettings settings, InstantSource clock, ForecastSource forecasts,
                           Executor background, MeteredImport metered, MeteredWind meteredWind,
                           PlanOutcomeStore outcomes) {
        this.outcomes = java.util.Objects.requireNonNull(outcomes, "outcomes");
        this.meteredWind = java.util.Objects.requireNonNull(meteredWind, "meteredWind");
        this.metered = java.util.Objects.requireNonNull(metered, "metered");
        this.siteModel = java.util.Objects.requireNonNull(siteModel, "siteModel");
        this.cooling = java.util.Objects.requireNonNull(cooling, "cooling");
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
        this.jobs = jobs;
        this.plans = plans;
        this.runs = runs;
        this.planner = planner;
        this.fallback = fallback;
        this.settings = settings;
        this.clock = clock;
        this.forecasts = forecasts;
        this.background = background;
    }

    /** Validates and stores a job, then asks for a re-plan; invalid input changes nothing. */
    public StoredJob submit(JobRequest request) {
        List<String> problems = new JobRequestValidator(siteModel).problems(request);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (jobs.find(request.id()).isPresent()) {
            throw new JobConflictException("id: a job '" + request.id() + "' already exists");
        }
        StoredJob stored = new StoredJob(spec(request), clock.instant());
        if (!jobs.insert(stored)) {
            throw new JobConflictException("id: a job '" + request.id() + "' already exists");
        }
        requestReplan("job submitted: " + request.id());
        return stored;
    }

    /**
     * Cancels a job so no plan places it again (a quarter hour already dispatched runs out); 409 when it
     * is cancelled, finished or expired already, 404 when unknown. Re-plans at once.
     */
    public StoredJob cancel(String id) {
        StoredJob job = job(id);
        if (job.cancelled()) {
            throw new JobConflictException("id: job '" + id + "' was cancelled at " + job.cancelledAt());
        }
        JobProgress.State state = progress(job).state();
        if (state == JobProgress.State.FINISHED || state == JobProgress.State.EXPIRED) {
            throw new JobConflictException("id: job '" + id + "' is " + state + " and cannot be cancelled");
        }
        if (!jobs.cancel(id, clock.instant())) {
            throw new JobConflictException("id: job '" + id + "' was cancelled meanwhile");
        }
        requestReplan("job cancelled: " + id);
        return job(id);
    }

    public StoredJob job(String id) {
        return jobs.find(id).orElseThrow(() -> new NoSuchEntryException("No job with id '" + id + "'."));
    }

    public List<StoredJob> jobs() {
        return jobs.all();
    }

    /** The job's place in the newest plan that has it, with that plan's id. */
    public Optional<Placement> latestPlacement(String jobId) {
        return plans.latestFor(jobId);
    }

    public StoredPlan latestPlan() {
        return plans.latest().orElseThrow(() -> new NoSuchEntryException("No plan yet: plans are made once a job"
                + " is submitted or a demand-response cap is in force."));
    }

    public StoredPlan plan(long id) {
        return plans.find(id).orElseThrow(() -> new NoSuchEntryException("No plan with id " + id + "."));
    }

    /**
     * The jobs' power and the DR caps of stored plan {@code plan} per slot, from the problem stored with it; empty
     * when it was stored without its inputs or they no longer read back.
     */
    public Optional<PlanHorizon> horizon(StoredPlan plan) {
        try {
            return plans.inputs(plan.id()).map(t -> PlanHorizon.of(plan, PlanInputs.read(t).problem()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Plan {}: stored inputs do not read back: {}", plan.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The newest plan's id, read without its slots or jobs; empty before the first plan. */
    public java.util.OptionalLong latestPlanId() {
        return plans.latestId();
    }

    public List<StoredPlan> history(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit: must be 1..1000, was " + limit);
        }
        return plans.history(limit);
    }

    /**
     * Re-plans at once with {@code directives} as the DR caps in force (replacing the earlier set) and
     * reports, per event, what the stored plan cannot keep ({@link DrCaps#shortfalls}). Plan id 0: there
     * was nothing to plan, or no plan passed the checker (the previous plan stays current).
     */
    @Override
    public DrPlanOutcome replanFor(List<DrDirective> newDirectives) {
        long started = System.nanoTime();
        this.directives = List.copyOf(newDirectives);
        String reason = "demand response: " + (newDirectives.isEmpty() ? "no event in force"
                : newDirectives.stream().map(d -> d.ref().toString()).collect(java.util.stream.Collectors.joining(", ")));
        Optional<StoredPlan> stored;
        Optional<Problem> solved;
        synchronized (this) {
            stored = replan(reason, true);
            solved = stored.flatMap(p -> plans.inputs(p.id())).map(t -> PlanInputs.read(t).problem());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (stored.isEmpty() || solved.isEmpty()) {
            return new DrPlanOutcome(0, took, List.of());
        }
        return new DrPlanOutcome(stored.get().id(), took, DrCaps.shortfalls(directives, solved.get(), stored.get(),
                importBiasKw));
    }

    /**
     * Metered import less the dispatched plan's predicted import over the last {@link #BIAS_WINDOW}, when both
     * are known and the meter read more; else 0.
     */
    private double importBias(Instant now) {
        Optional<StoredPlan> plan = dispatched.get();
        if (plan == null) {
            plan = plans.latest();
        }
        if (plan.isEmpty()) {
            return 0;
        }
        Instant from = now.minus(BIAS_WINDOW);
        OptionalDouble measured = metered.meanKw(from, now);
        OptionalDouble predicted = plannedImportKw(plan.get(), from, now);
        if (measured.isEmpty() || predicted.isEmpty()) {
            return 0;
        }
        double bias = measured.getAsDouble() - predicted.getAsDouble();
        if (bias > 0) {
            LOG.info(String.format(java.util.Locale.ROOT, "The grid meter read %.0f kW above plan %d over the last %s:"
                    + " DR caps are planned that much lower", bias, plan.get().id(), BIAS_WINDOW));
        }
        return Math.max(0, bias);
    }

    /** The plan's predicted grid import averaged over {@code [from, to)}, empty where the plan does not cover it all. */
    static OptionalDouble plannedImportKw(StoredPlan plan, Instant from, Instant to) {
        long slotSeconds = plan.slotMinutes() * 60L;
        double kwSeconds = 0;
        long covered = 0;
        for (var s : plan.slots()) {
            Instant a = s.start().isAfter(from) ? s.start() : from;
            Instant slotEnd = s.start().plusSeconds(slotSeconds);
            Instant b = slotEnd.isBefore(to) ? slotEnd : to;
            long seconds = Duration.between(a, b).toSeconds();
            if (seconds > 0) {
                kwSeconds += s.gridImportKw() * seconds;
                covered += seconds;
            }
        }
        long wanted = Duration.between(from, to).toSeconds();
        return wanted > 0 && covered == wanted ? OptionalDouble.of(kwSeconds / covered) : OptionalDouble.empty();
    }

    @Override
    public OptionalDouble itKwAt(Instant at) {
        Optional<StoredPlan> plan = dispatched.get();
        if (plan == null) {
            // First question: the store's newest plan, unless a re-plan stored a newer one meanwhile.
            dispatched.compareAndSet(null, plans.latest());
            plan = dispatched.get();
        }
        if (plan.isEmpty()) {
            return OptionalDouble.empty();
        }
        StoredPlan p = plan.get();
        long slotSeconds = p.slotMinutes() * 60L;
        long since = Duration.between(p.horizonStart(), at).toSeconds();
        if (since < 0 || slotSeconds <= 0) {
            return OptionalDouble.empty();
        }
        long slot = since / slotSeconds;
        if (slot >= p.slots().size()) {
            return OptionalDouble.empty();
        }
        // The plan's IT power counts the load Kelvin does not schedule; the cluster is told only its own part.
        double[] unscheduled = unscheduledKw(p);
        double kw = p.slots().get((int) slot).itKw() - (slot < unscheduled.length ? unscheduled[(int) slot] : 0);
        if (!pausedNow.isEmpty()) {
            for (PlannedJob j : p.jobs()) {
                Double shed = pausedNow.get(j.jobId());
                if (shed != null && j.runSlots().contains((int) slot)) {
                    kw -= shed;
                }
            }
        }
        return OptionalDouble.of(kw);
    }

    /** The plan the cluster follows now (the newest stored one), if any. */
    public Optional<StoredPlan> dispatchedPlan() {
        Optional<StoredPlan> plan = dispatched.get();
        if (plan == null) {
            dispatched.compareAndSet(null, plans.latest());
            plan = dispatched.get();
        }
        return plan;
    }

    /** The jobs paused by {@link #pause} and not resumed yet. */
    public java.util.Set<String> pausedNow() {
        return java.util.Set.copyOf(pausedNow.keySet());
    }

    /**
     * Pauses these jobs until {@link #resume}d (the cluster is told to draw their IT power above idle, given per job
     * in kW, less at once), records that they did not run in the current slot, and, given a reason, asks for a
     * re-plan. Used by {@link CapGuard} when the meter reads above a DR cap inside a slot, and at each new slot
     * for the jobs still paused (then without a reason).
     */
    public void pause(Map<String, Double> itKwAboveIdle, String reason) {
        synchronized (pauseLock) {
            Instant slot = slotOf(clock.instant());
            pausedNow.putAll(itKwAboveIdle);
            notRun.computeIfAbsent(slot, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                    .addAll(itKwAboveIdle.keySet());
            dispatchedPlan().ifPresent(p -> recordSlot(p, slot));
        }
        if (reason != null) {
            requestReplan(reason);
        }
    }

    /**
     * Lets paused jobs run again as the plan says. The current slot stays recorded as not run by them (their work
     * there is not counted: a job may do a little more than its record says, never less).
     */
    public void resume(java.util.Collection<String> jobIds) {
        jobIds.forEach(pausedNow::remove);
    }

    /** The jobs the plan runs in the slot starting at {@code slotStart}, less those paused in it, recorded as run by it. */
    private void recordSlot(StoredPlan plan, Instant slotStart) {
        long slotSeconds = plan.slotMinutes() * 60L;
        long since = Duration.between(plan.horizonStart(), slotStart).toSeconds();
        if (since < 0 || since % slotSeconds != 0) {
            return;
        }
        int t = (int) (since / slotSeconds);
        java.util.Set<String> paused = notRun.getOrDefault(slotStart, java.util.Set.of());
        List<String> ran = plan.jobs().stream().filter(j -> j.runSlots().contains(t) && !paused.contains(j.jobId()))
                .map(PlannedJob::jobId).toList();
        runs.dispatch(plan.id(), Map.of(slotStart, ran));
    }

    /** The unscheduled IT load a plan counted per slot, from its stored inputs, read once per dispatched plan. */
    private double[] unscheduledKw(StoredPlan p) {
        PlanLoad known = dispatchedUnscheduled.get();
        if (known != null && known.planId() == p.id()) {
            return known.kw();
        }
        double[] kw;
        try {
            kw = plans.inputs(p.id()).map(t -> PlanInputs.read(t).problem().forecast().unscheduledItKw())
                    .orElse(new double[0]);
        } catch (RuntimeException e) {
            LOG.warn("Plan {}: inputs unreadable, dispatched with its whole IT power: {}", p.id(), e.toString());
            kw = new double[0];
        }
        dispatchedUnscheduled.set(new PlanLoad(p.id(), kw));
        return kw;
    }

    /** A plan's unscheduled IT load per slot, kW. */
    private record PlanLoad(long planId, double[] kw) {
    }

    /** The DR directives the plans currently keep. */
    public List<DrDirective> directives() {
        return directives;
    }

    /** Queues one background re-plan; requests arriving while one is queued join it. */
    public void requestReplan(String reason) {
        if (replanQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                replanQueued.set(false);
                try {
                    replan(reason);
                } catch (RuntimeException e) {
                    LOG.error("Re-plan ({}) failed; the previous plan stays current", reason, e);
                }
            });
        }
    }

    /**
     * Plans the jobs still open and stores the plan; empty when there is nothing to plan (no open job and no DR cap
     * in the horizon, or no job and the caps already planned for in this quarter hour) or no valid plan.
     * First the slots that passed since the newest plan are recorded as run by it (the cluster follows
     * the newest plan), so each job's progress ({@link JobProgress}) is known: finished jobs drop out,
     * running jobs that may not pause are fixed, paused ones pay their checkpoint to resume.
     */
    public synchronized Optional<StoredPlan> replan(String reason) {
        return replan(reason, false);
    }

    /**
     * {@code capsChanged}: the DR directives were just set ({@link #replanFor}). With no open job a plan is still made
     * while a DR cap in force touches the horizon, so the caps are checked against the site's own load: when the
     * caps changed, and otherwise once per quarter hour (when the newest plan is from an earlier one); without a
     * cap in the horizon nothing is planned and nothing dispatched.
     */
    private synchronized Optional<StoredPlan> replan(String reason, boolean capsChanged) {
        Instant now = clock.instant();
        Instant currentSlot = slotOf(now);
        Horizon horizon = Horizon.quarterHours(currentSlot, settings.horizonSlots());
        Instant horizonEnd = horizon.slotStart(horizon.slots());
        plans.latest().filter(p -> p.horizonStart().isBefore(currentSlot)).ifPresent(p -> follow(p, currentSlot));
        List<Job> open = new java.util.ArrayList<>();
        Map<String, Integer> ownDeadlines = new java.util.TreeMap<>();
        long slotSeconds = horizon.slotLength().toSeconds();
        for (var e : openJobs(horizon, currentSlot).entrySet()) {
            if (e.getValue().state() == JobProgress.State.PENDING && !e.getKey().release().isBefore(horizonEnd)) {
                continue;
            }
            try {
                Job job = e.getValue().toJob(inHorizon(e.getKey(), horizon));
                open.add(settings.jobFit() == PlanningSettings.JobFit.DUE_WORK ? job.dueWorkIn(horizon.slots())
                        : job.fittedTo(horizon.slots()));
                // Rounded down, as JobRequest.toJob rounds a deadline.
                int own = (int) Math.floorDiv(Duration.between(horizon.start(), e.getKey().deadline()).toSeconds(),
                        slotSeconds);
                if (job.deadlineSlot() != own) {
                    ownDeadlines.put(job.id(), own);
                }
            } catch (RuntimeException ex) {
                // A stored job that cannot be put into this horizon must never stop planning the others.
                LOG.error("Job {} left out of this plan: {}", e.getKey().id(), ex.toString());
            }
        }
        if (open.isEmpty()) {
            if (DrCaps.events(directives, horizon, 0).isEmpty()) {
                dispatched.set(Optional.empty());
                LOG.debug("Nothing to plan ({})", reason);
                return Optional.empty();
            }
            if (!capsChanged && plans.history(1).stream().anyMatch(p -> p.jobs().isEmpty()
                    && !p.horizonStart().isBefore(currentSlot))) {
                LOG.debug("No job and the caps unchanged since this quarter hour's plan ({})", reason);
                return Optional.empty();
            }
        }
        ForecastSource.PlanForecast forecast = lowWindDuringCaps(forecasts.forecast(horizon), horizon, now);
        double biasKw = directives.isEmpty() ? 0 : importBias(now);
        importBiasKw = biasKw;
        Problem problem = keepingRoomForUrgentArrivals(new Problem(horizon, siteModel,
                cooling, forecast.forecast(), DrCaps.events(directives, horizon, biasKw),
                open, settings.weights(), settings.maxLateSlots()).withZone(zone));
        PlanInputs inputs = new PlanInputs(problem, JobRuns.of(previousRunSlots(horizon)), ownDeadlines);
        String text = inputs.write();
        String hash = PlanInputs.sha256(text);
        Optional<StoredPlan> stored = checked(inputs, planner, reason, now, hash, forecast)
                .or(() -> checked(inputs, fallback, reason, now, hash, forecast))
                .map(p -> plans.save(p, text));
        stored.ifPresent(p -> dispatched.set(Optional.of(p)));
        if (outcomes.keeps()) {
            stored.ifPresent(p -> keepOutcomes(problem, p));
        }
        if (notRun.containsKey(currentSlot)) {
            stored.ifPresent(p -> recordSlot(p, currentSlot));
        }
        notRun.keySet().removeIf(slot -> slot.isBefore(currentSlot));
        stored.ifPresent(p -> LOG.info(String.format(java.util.Locale.ROOT,
                "Plan %d (%s): %d jobs, %s%s, predicted %.0f EUR, PUE %.3f, inputs %s", p.id(), reason,
                p.jobs().size(), p.planner(), p.fallback() ? " (fallback)" : "", p.predicted().costEur(),
                p.predicted().pue(), p.inputHash())));
        return stored;
    }

    /** Stores the plan's per-job figures against run-immediately; a failure there never undoes the plan. */
    private void keepOutcomes(Problem problem, StoredPlan plan) {
        try {
            outcomes.save(plan.id(), PlanOutcomes.of(problem, plan));
        } catch (RuntimeException e) {
            LOG.error("Plan {}: per-job savings figures not kept", plan.id(), e);
        }
    }

    /**
     * While DR caps are in force, every slot a cap touches counts on no more wind than the lowest minute the
     * turbines gave over the last {@link #WIND_LOW_WINDOW} (the forecast's value when lower, or when there is no
     * meter data): a low quantile of the wind as measured, so a drop inside the slot finds room left in the plan.
     */
    private ForecastSource.PlanForecast lowWindDuringCaps(ForecastSource.PlanForecast f, Horizon horizon, Instant now) {
        if (directives.isEmpty()) {
            return f;
        }
        OptionalDouble low = meteredWind.lowestKw(now.minus(WIND_LOW_WINDOW), now, Duration.ofMinutes(1));
        if (low.isEmpty()) {
            return f;
        }
        double[] wind = f.forecast().windKw().clone();
        for (var e : DrCaps.events(directives, horizon, 0)) {
            for (int t = e.fromSlot(); t < e.toSlot(); t++) {
                wind[t] = Math.min(wind[t], Math.max(0, low.getAsDouble()));
            }
        }
        var g = f.forecast();
        return f.withForecast(new io.kelvin.energyoptimizer.model.Forecast(g.pvKw(), wind,
                g.priceEurPerKwh(), g.carbonGPerKwh(), g.ambientC(), g.heatDemandKw(), g.unscheduledItKw()));
    }

    /**
     * The problem keeping room for urgent jobs like those submitted over the last
     * {@code urgentArrivalWindow} ({@link UrgentArrivals}), from their submission times, in slots of
     * the problem's horizon.
     */
    private Problem keepingRoomForUrgentArrivals(Problem problem) {
        Duration window = settings.urgentArrivalWindow();
        Horizon horizon = problem.horizon();
        long slotSeconds = horizon.slotLength().toSeconds();
        int windowSlots = (int) (window.toSeconds() / slotSeconds);
        if (windowSlots < 1) {
            return problem;
        }
        int slackSlots = (int) (settings.urgentSlack().toSeconds() / slotSeconds);
        UrgentArrivals arrivals = new UrgentArrivals(windowSlots, slackSlots);
        for (StoredJob j : jobs.submittedSince(horizon.start().minus(window))) {
            long sinceStart = Duration.between(horizon.start(), j.submittedAt()).toSeconds();
            int arrived = (int) Math.floorDiv(sinceStart, slotSeconds);
            arrivals.record(arrived, request(j.spec()).toJob(horizon, siteModel));
        }
        return arrivals.keepingRoomIn(problem, 0);
    }

    /** What has happened to a job so far, as of now. */
    public JobProgress progress(StoredJob job) {
        return JobProgress.of(job.spec(), runs.runsOf(List.of(job.id())).getOrDefault(job.id(), List.of()),
                slotOf(clock.instant()), settings.maxLateSlots(), settings.weights());
    }

    /** Open jobs (not finished, not expired) with their progress, oldest submission first. */
    private Map<JobSpec, JobProgress> openJobs(Horizon horizon, Instant currentSlot) {
        Duration slot = horizon.slotLength();
        List<StoredJob> candidates = jobs.candidates(currentSlot.minus(JobProgress.lookback(settings.maxLateSlots())),
                currentSlot.minus(slot.multipliedBy(horizon.slots())));
        Map<String, List<Instant>> ran = runs.runsOf(candidates.stream().map(StoredJob::id).toList());
        Map<JobSpec, JobProgress> out = new LinkedHashMap<>();
        for (StoredJob j : candidates) {
            JobProgress p = JobProgress.of(j.spec(), ran.getOrDefault(j.id(), List.of()), currentSlot,
                    settings.maxLateSlots(), settings.weights());
            if (p.open()) {
                out.put(j.spec(), p);
            }
        }
        return out;
    }

    /**
     * Records that the cluster followed {@code plan} from the slot after its first up to and including
     * {@code currentSlot}, because no newer plan was made in between (its first slot was dispatched when
     * it was stored).
     */
    private void follow(StoredPlan plan, Instant currentSlot) {
        long slotSeconds = plan.slotMinutes() * 60L;
        long through = Duration.between(plan.horizonStart(), currentSlot).toSeconds() / slotSeconds;
        Map<Instant, List<String>> bySlot = new java.util.TreeMap<>();
        for (PlannedJob j : plan.jobs()) {
            for (int t : j.runSlots()) {
                Instant at = plan.horizonStart().plusSeconds(t * slotSeconds);
                if (t >= 1 && t <= through && !notRun.getOrDefault(at, java.util.Set.of()).contains(j.jobId())) {
                    bySlot.computeIfAbsent(plan.horizonStart().plusSeconds(t * slotSeconds),
                            k -> new java.util.ArrayList<>()).add(j.jobId());
                }
            }
        }
        runs.dispatch(plan.id(), bySlot);
    }

    /** The stored form of an accepted request. */
    static JobSpec spec(JobRequest r) {
        return new JobSpec(r.id(), r.gpus(), r.powerKwPerGpu(), r.totalPowerKw(), r.duration(), r.release(),
                r.deadline(), r.priority(), r.preemptible(), r.checkpoint(), r.project());
    }

    /** A stored job as the optimizer's request. */
    static JobRequest request(JobSpec s) {
        return new JobRequest(s.id(), s.gpus(), s.powerKwPerGpu(), s.totalPowerKw(), s.duration(), s.release(),
                s.deadline(), s.priority(), s.preemptible(), s.checkpoint(), s.project());
    }

    private static Instant slotOf(Instant t) {
        long slotSeconds = Horizon.QUARTER_HOUR.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), slotSeconds) * slotSeconds);
    }

    /**
     * The newest plan's run slots moved into this horizon's slots (slots already past dropped): the warm
     * start, so a re-plan keeps what is still good about the last plan instead of starting afresh.
     */
    private Map<String, List<Integer>> previousRunSlots(Horizon horizon) {
        Optional<StoredPlan> last = plans.latest();
        if (last.isEmpty() || last.get().slotMinutes() * 60L != horizon.slotLength().toSeconds()) {
            return Map.of();
        }
        long shift = java.time.Duration.between(last.get().horizonStart(), horizon.start()).toSeconds()
                / horizon.slotLength().toSeconds();
        Map<String, List<Integer>> out = new java.util.HashMap<>();
        for (PlannedJob j : last.get().jobs()) {
            List<Integer> moved = j.runSlots().stream().map(t -> (int) (t - shift)).filter(t -> t >= 0 && t < horizon.slots())
                    .toList();
            if (!moved.isEmpty()) {
                out.put(j.jobId(), moved);
            }
        }
        return out;
    }

    /** The plan {@code by} makes of the inputs, if the checker accepts it, as stored. */
    private Optional<StoredPlan> checked(PlanInputs inputs, Planner by, String reason,
                                         Instant now, String hash, ForecastSource.PlanForecast forecast) {
        Problem problem = inputs.problem();
        Plan plan;
        try {
            plan = by.plan(problem, inputs.previous());
        } catch (PlanBelowBoundException e) {
            LOG.error("Plan by {} not used: {}", by.name(), e.getMessage());
            return Optional.empty();
        }
        CheckReport report = checker.check(problem, plan);
        if (!report.ok()) {
            LOG.warn("Plan by {} rejected by the plan checker: {}", by.name(), report.violations());
            return Optional.empty();
        }
        return Optional.of(PlanRecords.of(inputs, plan, reason, now,
                report.notes(), hash, forecast));
    }

    /**
     * A job released before the horizon may start at its first slot; a release inside a slot moves to
     * the next slot start (as {@link JobRequest#toJob} also does), so a job never starts before its release.
     */
    private Job inHorizon(JobSpec r, Horizon horizon) {
        long slotSeconds = horizon.slotLength().toSeconds();
        long sinceStart = java.time.Duration.between(horizon.start(), r.release()).toSeconds();
        Instant release = sinceStart <= 0 ? horizon.start()
                : horizon.start().plusSeconds(Math.ceilDiv(sinceStart, slotSeconds) * slotSeconds);
        JobRequest clamped = new JobRequest(r.id(), r.gpus(), r.powerKwPerGpu(), r.totalPowerKw(), r.duration(),
                release, r.deadline(), r.priority(), r.preemptible(), r.checkpoint());
        return clamped.toJob(horizon, siteModel);
    }
}
