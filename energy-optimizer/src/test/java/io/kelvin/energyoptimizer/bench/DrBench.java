package io.kelvin.energyoptimizer.bench;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.AppPlanners;
import io.kelvin.energyoptimizer.app.CapGuard;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.app.SiteForecast;
import io.kelvin.simulator.physics.PlantModel;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Demand-response benchmark on the digital twin ({@code ./kelvin bench dr}): N DR events of different caps,
 * lead times and lengths, each on a fresh site (the demo site file, its jobs, an H2 database migrated as the
 * app does) with the app's one planning path ({@link PlanningService} with CBC and the greedy fallback) and
 * the twin's physics ({@link PlantModel}) whose IT load follows the dispatched plan. Time is simulated: a
 * settable clock is stepped one second at a time and the physics with it, so nothing waits on the wall
 * clock; the re-plans are real solver work and their wall and CPU time are measured.
 *
 * <p>Per event: the jobs are submitted and planned without DR; the event arrives {@code lead} before its
 * start (the DR re-plan, {@link PlanningService#replanFor}, timed), then the app's 15-minute re-plans go on;
 * the grid meter's active power is read every second of the event against the cap. Measured: time to cap
 * (from the event's start to the first second after which the meter stays at or below cap + tolerance),
 * maximum overshoot (kW above the cap), energy above the cap (kWh), and compliance (time to cap at most
 * {@link #CAP_WITHIN}). An event whose cap the over-subscription check proves cannot hold every job on time
 * (a proven shortfall) is reported and left out of the compliance figures.
 */
public final class DrBench {

    /** The meter is judged at or below the cap when within this share of it (meter accuracy class 1). */
    public static final double TOLERANCE = 0.01;
    /** The goal: the cap is met within this time of the event's start. */
    public static final Duration CAP_WITHIN = Duration.ofSeconds(60);
    static final Duration SLOT = Duration.ofMinutes(15);
    private static final List<Double> TARIFF = List.of(0.14, 0.14, 0.14, 0.14, 0.14, 0.14, 0.14, 0.20, 0.20, 0.20,
            0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.35, 0.35, 0.35, 0.35, 0.35, 0.20, 0.20, 0.20);
    private static final Duration[] LEADS = {Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofHours(1), Duration.ofHours(2)};

    /**
     * How the bench runs. {@code unscheduledKw}: the twin's own load Kelvin does not plan (mean kW); {@code only}:
     * run only that event of the {@code events} (the same event as in the full run), 0 for all.
     */
    public record Options(int events, long seed, Path siteFile, double unscheduledKw, Duration solverLimit,
                          boolean withoutWind, int only) {

        public Options(int events, long seed, Path siteFile, double unscheduledKw, Duration solverLimit,
                       boolean withoutWind) {
            this(events, seed, siteFile, unscheduledKw, solverLimit, withoutWind, 0);
        }

        public static Options defaults() {
            return new Options(6, 1, Path.of("site-configs/sites/demo-aidc.yaml"), 0.0, Duration.ofSeconds(5), false);
        }
    }

    /** One event as planned: start, lead time, length, cap; {@code pinned}: a job that must run through it. */
    record EventSpec(int index, Instant start, Duration lead, Duration length, double capKw, boolean pinned) {

        Instant end() {
            return start.plus(length);
        }
    }

    /** What one event measured. */
    public record EventResult(int index, Instant start, Duration lead, Duration length, double capKw, int jobs,
                              double replanSeconds, double replanCpuSeconds, boolean proven, double plannedPeakKw,
                              double timeToCapSeconds, double maxOvershootKw, double kwhAboveCap, double meanMeteredKw,
                              int guardPauses, double guardReplanMaxSeconds, int secondsBeyondReach) {

        public boolean compliant() {
            return timeToCapSeconds <= CAP_WITHIN.toSeconds();
        }

        String line() {
            String head = String.format(Locale.ROOT, "event %d: %s, lead %d min, %d min, cap %.0f kW, %d jobs:"
                            + " re-plan %.2f s (cpu %.2f s), planned peak %.0f kW,", index, start,
                    lead.toMinutes(), length.toMinutes(), capKw, jobs, replanSeconds, replanCpuSeconds, plannedPeakKw);
            String measured = String.format(Locale.ROOT, " time to cap %.0f s, max overshoot %.1f kW, %.2f kWh above"
                    + " cap, mean metered %.0f kW, guard paused %d times (re-plan max %.2f s)", timeToCapSeconds,
                    maxOvershootKw, kwhAboveCap, meanMeteredKw, guardPauses, guardReplanMaxSeconds)
                    + (secondsBeyondReach == 0 ? "" : String.format(Locale.ROOT, ", %d s above cap beyond reach (not"
                    + " in time to cap: every preemptible job paused, only jobs that may not pause and ran before the"
                    + " event arrived left)", secondsBeyondReach));
            return head + measured + (proven ? ", proven infeasible (not judged)"
                    : compliant() ? ", cap met" : ", CAP MISSED");
        }
    }

    /** The summary over every event. */
    public record Summary(int events, int judged, double compliancePercent, double replanP50, double replanP99,
                          double timeToCapMax, double maxOvershootKw, double guardReplanMax) {

        String line() {
            return String.format(Locale.ROOT, "dr: %d events, compliance %.0f %%, re-plan p50 %.2f s p99 %.2f s,"
                            + " time to cap max %.0f s, max overshoot %.1f kW, guard re-plan max %.2f s", events,
                    compliancePercent, replanP50, replanP99, timeToCapMax, maxOvershootKw, guardReplanMax);
        }
    }

    private DrBench() {
    }

    public static void main(String[] args) {
        Options o = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : "";
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            try {
                o = switch (key) {
                    case "--events" -> new Options(positive(key, Integer.parseInt(value)), o.seed(), o.siteFile(),
                            o.unscheduledKw(), o.solverLimit(), o.withoutWind());
                    case "--seed" -> new Options(o.events(), Long.parseLong(value), o.siteFile(), o.unscheduledKw(),
                            o.solverLimit(), o.withoutWind());
                    case "--site" -> new Options(o.events(), o.seed(), Path.of(value), o.unscheduledKw(), o.solverLimit(),
                            o.withoutWind());
                    case "--unscheduled-kw" -> new Options(o.events(), o.seed(), o.siteFile(), Double.parseDouble(value),
                            o.solverLimit(), o.withoutWind());
                    case "--without-wind" -> {
                        i -= a.contains("=") || value.isEmpty() ? 0 : 1; // a flag: the next word is not its value
                        yield new Options(o.events(), o.seed(), o.siteFile(), o.unscheduledKw(), o.solverLimit(), true);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + key
                            + "'; options: --events N --seed S [--site FILE] [--unscheduled-kw KW] [--without-wind]");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: '" + value + "'");
            }
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "dr bench: %d events, seed %d, site %s, %d cores, tolerance %.0f %% of the cap,"
                        + " goal: cap met within %d s%n", o.events(), o.seed(), o.siteFile(),
                Runtime.getRuntime().availableProcessors(), TOLERANCE * 100, CAP_WITHIN.toSeconds());
        List<EventResult> results = run(o, out);
        out.println(summary(results).line());
        System.exit(0); // OR-Tools and H2 leave threads behind
    }

    /** The site less its wind turbines and their meters. */
    static Site withoutWind(Site s) {
        List<io.kelvin.core.site.Device> devices = s.devices().stream()
                .filter(d -> d.deviceClass() != io.kelvin.core.site.DeviceClass.WIND).toList();
        java.util.Set<String> kept = new java.util.HashSet<>(devices.stream().map(io.kelvin.core.site.Device::id).toList());
        List<Meter> meters = s.meters().stream().filter(m -> kept.contains(m.point().device())).toList();
        return new Site(s.info(), s.grid(), meters, devices, s.cluster(), s.configRoot(), s.demandResponse(), s.feeds(),
                s.forecast(), s.reporting(), s.renewables());
    }

    private static int positive(String key, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(key + ": must be at least 1, was " + v);
        }
        return v;
    }

    /** Runs the events one after the other, printing a line per event. */
    public static List<EventResult> run(Options o, PrintStream out) {
        Site loaded = SiteLoader.load(o.siteFile());
        Site site = o.withoutWind() ? withoutWind(loaded) : loaded;
        SplittableRandom random = new SplittableRandom(o.seed());
        List<EventResult> results = new ArrayList<>();
        for (int i = 1; i <= o.events(); i++) {
            SplittableRandom eventRandom = random.split();
            if (o.only() != 0 && o.only() != i) {
                continue;
            }
            EventResult r = runEvent(site, o, i, eventRandom);
            out.println(r.line());
            out.flush();
            results.add(r);
        }
        return results;
    }

    public static Summary summary(List<EventResult> results) {
        List<EventResult> judged = results.stream().filter(r -> !r.proven()).toList();
        double compliance = judged.isEmpty() ? 100.0
                : 100.0 * judged.stream().filter(EventResult::compliant).count() / judged.size();
        double[] replans = results.stream().mapToDouble(EventResult::replanSeconds).sorted().toArray();
        return new Summary(results.size(), judged.size(), compliance, percentile(replans, 0.50),
                percentile(replans, 0.99), judged.stream().mapToDouble(EventResult::timeToCapSeconds).max().orElse(0),
                judged.stream().mapToDouble(EventResult::maxOvershootKw).max().orElse(0),
                results.stream().mapToDouble(EventResult::guardReplanMaxSeconds).max().orElse(0));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static EventResult runEvent(Site site, Options o, int index, SplittableRandom random) {
        // Event i: every third one gets a job that must run through it and a cap that cannot hold it.
        boolean pinned = index % 3 == 0;
        Duration leadAsked = LEADS[(index - 1) % LEADS.length];
        // The pinned job must not have started when the event arrives, or it is running load, not a job to fit.
        Duration lead = pinned && leadAsked.compareTo(Duration.ofMinutes(20)) < 0 ? Duration.ofMinutes(20) : leadAsked;
        Duration length = Duration.ofMinutes(30L + 15L * random.nextInt(7)); // 30 min .. 2 h
        Instant day = Instant.parse("2026-06-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(120)));
        // Event starts on a slot boundary or inside a slot (a lead time of 0 asks for the cap at once).
        Instant start = day.plus(Duration.ofMinutes(15L * random.nextInt(96))).plusSeconds(
                pinned || random.nextBoolean() ? 0 : 60L * random.nextInt(1, 15));
        Instant simStart = start.minus(lead).minus(SLOT);
        SettableClock clock = new SettableClock(simStart);
        PlantModel twin = PlantModel.create(site, random.nextLong(), simStart);
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, o.solverLimit(), 16);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:drbench-" + index + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        PointId meter = site.meters().stream().filter(m -> m.role() == MeterRole.GRID_IMPORT).map(Meter::point)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the site has no grid_import meter"));
        MeterLog meterLog = new MeterLog();
        MeterLog windLog = new MeterLog();
        // Background re-plans (the cap guard's) run at once once the jobs are in; those the submissions ask for
        // join one, run after the last submission.
        java.util.concurrent.atomic.AtomicBoolean replanAsked = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean live = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Runnable> queued = new java.util.concurrent.atomic.AtomicReference<>();
        PlanningService planning = new PlanningService(site, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), AppPlanners.optimizer(o.solverLimit()), AppPlanners.fallback(), settings, clock,
                SiteForecast.source(site, settings, () -> Optional.of(twin.totals().windKw())), r -> {
                    if (live.get()) {
                        replanAsked.set(true);
                        r.run();
                    } else {
                        queued.set(r);
                    }
                }, meterLog, windLog);
        CapGuard guard = new CapGuard(planning, meterLog, clock, site.cluster(), CapGuard.Settings.defaults(),
                new io.kelvin.energyoptimizer.app.InMemoryGuardLog());
        List<JobRequest> jobs = jobs(site, random, simStart, start, length, pinned);
        jobs.forEach(planning::submit);
        live.set(true);
        queued.get().run();
        twin.follow(planning, o.unscheduledKw());

        // Run to the event's receipt, then plan for it.
        Instant receipt = start.minus(lead);
        Instant nextReplan = simStart.plus(SLOT);
        Instant t = simStart;
        while (t.isBefore(receipt)) {
            t = t.plusSeconds(1);
            clock.set(t);
            twin.advanceTo(t);
            meterLog.record(t, twin.value(meter));
            windLog.record(t, twin.totals().windKw());
            if (!t.isBefore(nextReplan) && t.isBefore(receipt)) {
                planning.replan("interval");
                nextReplan = nextReplan.plus(SLOT);
            }
        }
        StoredPlan before = planning.latestPlan();
        double meteredKw = meterLog.meanKw(receipt.minus(PlanningService.BIAS_WINDOW), receipt).orElse(0);
        double biasKw = meteredKw - plannedMean(before, receipt.minus(PlanningService.BIAS_WINDOW), receipt);
        double capKw = pinned ? pinnedCap(site, before, start, length, jobs.getLast()) + Math.max(0, biasKw)
                : cap(site, before, receipt, start, length, jobs, 0.35 + 0.45 * random.nextDouble(), biasKw);
        EventSpec spec = new EventSpec(index, start, lead, length, capKw, pinned);
        EventRef ref = new EventRef("bench", "bench-" + index, receipt);
        DrDirective directive = new DrDirective(ref, "bench event " + index, 1, start, spec.end(),
                List.of(new DrSignal.CapLimit(ref, start, spec.end(), DrSignal.Direction.IMPORT, capKw, true,
                        "IMPORT_CAPACITY_LIMIT")), List.of());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        DrPlanOutcome outcome = planning.replanFor(List.of(directive));
        double replanSeconds = (System.nanoTime() - wall0) / 1e9;
        double replanCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        boolean proven = outcome.shortfalls().stream().anyMatch(DrPlanOutcome.Shortfall::proven);
        double plannedPeak = plannedPeak(planning.latestPlan(), start, spec.end());

        // Run through the event, reading the grid meter every second.
        double limit = capKw * (1 + TOLERANCE);
        Instant lastOver = null;
        List<Double> guardReplans = new ArrayList<>();
        int beyondReach = 0;
        java.util.Set<String> fixedAtReceipt = fixedAt(before, receipt, jobs);
        double maxOver = 0;
        double kwhAbove = 0;
        double sumKw = 0;
        int seconds = 0;
        nextReplan = receipt.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        while (!nextReplan.isAfter(receipt)) {
            nextReplan = nextReplan.plus(SLOT);
        }
        while (t.isBefore(spec.end())) {
            t = t.plusSeconds(1);
            clock.set(t);
            if (!t.isBefore(nextReplan)) {
                planning.replan("interval");
                nextReplan = nextReplan.plus(SLOT);
            }
            twin.advanceTo(t);
            meterLog.record(t, twin.value(meter));
            windLog.record(t, twin.totals().windKw());
            long wall = System.nanoTime();
            guard.check().filter(x -> Boolean.getBoolean("drbench.trace")).ifPresent(x -> System.err.println("TRACE " + x));
            if (replanAsked.getAndSet(false)) {
                guardReplans.add((System.nanoTime() - wall) / 1e9);
            }
            if (t.isAfter(start)) { // the reading of the second that ends at t
                double kw = meterLog.last();
                sumKw += kw;
                seconds++;
                maxOver = Math.max(maxOver, kw - capKw);
                kwhAbove += Math.max(0, kw - capKw) / 3600.0;
                if (kw > limit) {
                    boolean beyond = guard.exhausted() && fixedAtReceipt.containsAll(runningNow(planning, t));
                    beyondReach += beyond ? 1 : 0;
                    if (Boolean.getBoolean("drbench.trace")) {
                        System.err.printf(Locale.ROOT, "TRACE %s meter %.0f cap %.0f wind %.0f it %.0f paused %s%n", t, kw,
                                capKw, twin.totals().windKw(), planning.itKwAt(t).orElse(-1), planning.pausedNow());
                    }
                    lastOver = beyond ? lastOver : t;
                }
            }
        }
        double timeToCap = lastOver == null ? 0 : Duration.between(start, lastOver).toSeconds();
        return new EventResult(index, start, lead, length, capKw, jobs.size(), replanSeconds, replanCpu, proven,
                plannedPeak, timeToCap, maxOver, kwhAbove, seconds == 0 ? 0 : sumKw / seconds,
                (int) guard.actions().stream().filter(a -> a.action() == io.kelvin.core.dr.GuardAction.Kind.PAUSED).count(),
                guardReplans.stream().mapToDouble(Double::doubleValue).max().orElse(0), beyondReach);
    }

    /**
     * About 40 jobs already released, 1-4 h long, mostly preemptible with a 5-minute checkpoint, with 1-12 h of
     * slack: enough to keep the cluster busy through the event when nothing stops it. A pinned event adds a
     * 2,048-GPU job that may not pause and whose window is exactly the event.
     */
    private static List<JobRequest> jobs(Site site, SplittableRandom random, Instant simStart, Instant start,
                                         Duration length, boolean pinned) {
        int[] sizes = {128, 256, 512, 1024};
        List<JobRequest> out = new ArrayList<>();
        int n = 40;
        for (int j = 0; j < n; j++) {
            Duration duration = SLOT.multipliedBy(4 + random.nextInt(13));
            Instant release = simStart.minus(SLOT.multipliedBy(random.nextInt(4)));
            Instant deadline = simStart.plus(duration).plus(Duration.ofHours(1 + random.nextInt(12)));
            boolean preemptible = random.nextDouble() < 0.8;
            out.add(new JobRequest("job-" + j, sizes[random.nextInt(sizes.length)], null, null, duration, release,
                    deadline, 1 + random.nextInt(3), preemptible, preemptible ? Duration.ofMinutes(5) : null));
        }
        if (pinned) {
            out.add(new JobRequest("pinned", 2048, null, null, length, start, start.plus(length), 3, false, null));
        }
        return out;
    }

    /**
     * A cap the site can keep: between its floor in the event's slots (idle plus the jobs that may not pause
     * and run at the receipt, which must go on) and the no-DR plan's import there, at {@code share} of the way,
     * never less than 5 % above the floor; both as the meter reads them (the plan's import plus {@code biasKw},
     * how far the meter read above the plan before the event arrived).
     */
    private static double cap(Site site, StoredPlan plan, Instant receipt, Instant start, Duration length,
                              List<JobRequest> jobs, double share, double biasKw) {
        var c = site.cluster();
        java.util.Set<String> fixed = new java.util.HashSet<>();
        int receiptSlot = (int) (Duration.between(plan.horizonStart(), receipt).toSeconds() / SLOT.toSeconds());
        for (var j : plan.jobs()) {
            boolean mayNotPause = jobs.stream().anyMatch(r -> r.id().equals(j.jobId()) && !r.preemptible());
            if (mayNotPause && !j.runSlots().isEmpty() && j.runSlots().getFirst() <= receiptSlot) {
                fixed.add(j.jobId());
            }
        }
        double planned = 0;
        double floor = 0;
        for (PlannedSlot s : slots(plan, start, start.plus(length))) {
            double fixedIt = c.itPowerKw(0.0);
            for (var j : plan.jobs()) {
                if (fixed.contains(j.jobId()) && j.runSlots().contains(s.slot())) {
                    int gpus = jobs.stream().filter(r -> r.id().equals(j.jobId())).findFirst().orElseThrow().gpus();
                    fixedIt += gpus * (c.activeKwPerGpu() - c.idleKwPerGpu());
                }
            }
            planned = Math.max(planned, s.gridImportKw());
            floor = Math.max(floor, s.itKw() > 0 ? s.gridImportKw() * fixedIt / s.itKw() : 0);
        }
        double b = Math.max(0, biasKw);
        return Math.round(b + Math.max(floor * 1.05, floor + share * (planned - floor)));
    }

    /** The jobs that may not pause and run in {@code plan} at {@code at} or before: they must go on. */
    private static java.util.Set<String> fixedAt(StoredPlan plan, Instant at, List<JobRequest> jobs) {
        int slot = (int) (Duration.between(plan.horizonStart(), at).toSeconds() / SLOT.toSeconds());
        java.util.Set<String> out = new java.util.HashSet<>();
        for (var j : plan.jobs()) {
            boolean mayNotPause = jobs.stream().anyMatch(r -> r.id().equals(j.jobId()) && !r.preemptible());
            if (mayNotPause && !j.runSlots().isEmpty() && j.runSlots().getFirst() <= slot) {
                out.add(j.jobId());
            }
        }
        return out;
    }

    /** The jobs the dispatched plan runs at {@code at}, less those the cap guard paused. */
    private static List<String> runningNow(PlanningService planning, Instant at) {
        StoredPlan plan = planning.dispatchedPlan().orElse(null);
        if (plan == null) {
            return List.of();
        }
        int slot = (int) (Duration.between(plan.horizonStart(), at).toSeconds() / SLOT.toSeconds());
        java.util.Set<String> paused = planning.pausedNow();
        return plan.jobs().stream().filter(j -> j.runSlots().contains(slot) && !paused.contains(j.jobId()))
                .map(io.kelvin.core.plan.PlannedJob::jobId).toList();
    }

    private static double plannedMean(StoredPlan plan, Instant from, Instant to) {
        return slots(plan, from, to).stream().mapToDouble(PlannedSlot::gridImportKw).average().orElse(0);
    }

    /** A cap that leaves the pinned job only half of the room it needs above the idle import. */
    private static double pinnedCap(Site site, StoredPlan plan, Instant start, Duration length, JobRequest pinned) {
        double idleKw = site.cluster().itPowerKw(0.0);
        double floor = 0;
        double ratio = 1;
        for (PlannedSlot s : slots(plan, start, start.plus(length))) {
            if (s.itKw() > 0) {
                floor = Math.max(floor, s.gridImportKw() * idleKw / s.itKw());
                ratio = Math.max(ratio, s.facilityKw() / s.itKw());
            }
        }
        double jobAboveIdleKw = pinned.gpus() * (site.cluster().activeKwPerGpu() - site.cluster().idleKwPerGpu());
        return Math.round(floor + 0.5 * jobAboveIdleKw * ratio);
    }

    /** The grid meter's readings, one per simulated second (the reading at t covers the second ending at t). */
    static final class MeterLog implements io.kelvin.core.plan.MeteredImport, io.kelvin.core.plan.MeteredWind {

        private final java.util.TreeMap<Instant, Double> readings = new java.util.TreeMap<>();

        void record(Instant at, double kw) {
            readings.put(at, kw);
            while (readings.size() > 3600) {
                readings.pollFirstEntry();
            }
        }

        double last() {
            return readings.lastEntry().getValue();
        }

        @Override
        public java.util.OptionalDouble meanKw(Instant from, Instant to) {
            return readings.subMap(from, false, to, true).values().stream().mapToDouble(Double::doubleValue).average();
        }

        @Override
        public java.util.OptionalDouble lowestKw(Instant from, Instant to, Duration step) {
            java.util.OptionalDouble low = java.util.OptionalDouble.empty();
            for (Instant a = from; a.isBefore(to); a = a.plus(step)) {
                java.util.OptionalDouble m = meanKw(a, a.plus(step).isAfter(to) ? to : a.plus(step));
                if (m.isPresent() && (low.isEmpty() || m.getAsDouble() < low.getAsDouble())) {
                    low = m;
                }
            }
            return low;
        }
    }

    private static List<PlannedSlot> slots(StoredPlan plan, Instant from, Instant to) {
        return plan.slots().stream().filter(s -> s.start().plus(SLOT).isAfter(from) && s.start().isBefore(to)).toList();
    }

    private static double plannedPeak(StoredPlan plan, Instant from, Instant to) {
        return slots(plan, from, to).stream().mapToDouble(PlannedSlot::gridImportKw).max().orElse(Double.NaN);
    }
}
