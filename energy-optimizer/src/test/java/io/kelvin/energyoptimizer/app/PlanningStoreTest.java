package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanOutcomeStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planning service against a real H2 file database, migrated by Flyway as the application does. */
class PlanningStoreTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant NOW = Instant.parse("2026-06-21T00:05:00Z");
    private static final Instant SLOT_START = Instant.parse("2026-06-21T00:00:00Z");
    private static final List<Double> TARIFF = java.util.Collections.nCopies(24, 0.15);

    @TempDir
    Path dir;

    private Path dbFile;

    @BeforeEach
    void freshDatabase() {
        dbFile = dir.toAbsolutePath().resolve("kelvin-db");
    }

    @Test
    void jobsAndPlanHistorySurviveReopeningTheDatabase() {
        PlanningService first = service(open());
        first.submit(job("train-a", NOW, NOW.plus(Duration.ofHours(6)), 100.0));
        first.submit(job("train-b", NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(12)), 200.0));

        // A restart: a new connection pool, Flyway again (nothing to migrate), new repositories.
        PlanningService second = service(open());

        assertThat(second.jobs()).extracting(StoredJob::id).containsExactly("train-a", "train-b");
        assertThat(second.history(10)).hasSize(2);
        StoredPlan latest = second.latestPlan();
        assertThat(latest.slots()).hasSize(96);
        assertThat(latest.jobs()).extracting(PlannedJob::jobId).containsExactly("train-a", "train-b");
        assertThat(latest.jobs()).allSatisfy(j -> assertThat(j.explanation()).isNotBlank());
        assertThat(second.latestPlacement("train-b")).get().satisfies(e -> assertThat(e.planId()).isEqualTo(latest.id()));
    }

    @Test
    void everyJobStartsInsideItsWindow() {
        PlanningService planning = service(open());
        Instant release = NOW.plus(Duration.ofHours(3));
        Instant deadline = NOW.plus(Duration.ofHours(9));
        planning.submit(job("window", release, deadline, 50.0));

        PlannedJob placed = planning.latestPlan().jobs().get(0);
        assertThat(placed.outcome()).isEqualTo("ON_TIME");
        assertThat(placed.start()).isAfterOrEqualTo(release);
        // Two hours of work must end by the deadline.
        assertThat(placed.end()).isBeforeOrEqualTo(deadline);
    }

    @Test
    void aPausableJobWithMoreWorkThanTheHorizonHoldsIsPlannedByItsDueWorkAndStoredAgainstItsOwnDeadline() {
        PlanningService planning = service(open());
        // 30 hours of work in a 24-hour horizon, pausable, due in 48 hours: 6 h of it cannot wait past the horizon;
        // the plan may run more of it where that is no dearer than the terminal rate the rest is charged at.
        planning.submit(new JobRequest("long-train", 64, null, 64.0, Duration.ofHours(30), NOW,
                NOW.plus(Duration.ofHours(48)), null, true, Duration.ofMinutes(15)));

        StoredPlan plan = planning.latestPlan();
        PlannedJob placed = plan.jobs().getFirst();
        assertThat(placed.outcome()).isEqualTo("ON_TIME");
        assertThat(placed.runSlots()).as("at least its 6 h of due work").hasSizeBetween(24, 95)
                .allSatisfy(t -> assertThat(t).isBetween(1, 95));
        // The rest runs unpaused from the horizon's end: the job ends by its deadline (00:05 floored to the slot).
        assertThat(placed.end()).isAfter(Instant.parse("2026-06-22T00:05:00Z"))
                .isBeforeOrEqualTo(Instant.parse("2026-06-23T00:00:00Z"));
        assertThat(placed.explanation()).contains("of its 30.00 h of work, the rest runs after the horizon's end to end"
                + " by its deadline Tue 2026-06-23 08:00 CST");
    }

    @Test
    void aJobThatCanNoLongerMeetItsDeadlineRunsAtOnceIsStoredLateAgainstItsOwnDeadlineAndIsMadeAgainTheSame() {
        DataSource ds = open();
        SettableClock clock = new SettableClock(NOW);
        PlanningService planning = service(ds, new GreedyWindowPlanner(), TARIFF, clock);
        // Released 3 h ago, due at the current slot's start, 2 h of work: it can end at 02:00 at the earliest.
        planning.submit(job("overdue", NOW.minus(Duration.ofHours(3)), SLOT_START, 100.0));

        StoredPlan plan = planning.latestPlan();
        PlannedJob placed = plan.jobs().getFirst();
        assertThat(placed.start()).isEqualTo(SLOT_START);
        assertThat(placed.outcome()).isEqualTo("LATE");
        assertThat(placed.lateSlots()).isEqualTo(8);
        assertThat(placed.explanation()).startsWith("runs at its release")
                .endsWith("; ends 8 slots after its deadline Sun 2026-06-21 08:00 CST");
        assertThat(PlanReplay.replay(new JdbcPlanStore(ds), plan.id(), name -> new GreedyWindowPlanner()).differences())
                .as("the stored inputs keep its own deadline").isEmpty();

        // Half an hour on it runs, fixed (it may not pause), still stated late against its own deadline.
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        PlannedJob running = planning.replan("interval").orElseThrow().jobs().getFirst();
        assertThat(running.outcome()).isEqualTo("FIXED");
        assertThat(running.lateSlots()).isEqualTo(8);
        assertThat(running.explanation()).endsWith("; ends 8 slots after its deadline Sun 2026-06-21 08:00 CST");
    }

    @Test
    void settingsThatFitJobsByTheirWholeRemainderPlanTheSameLongJobAsOneUnpausedRunThroughTheHorizonsEnd() {
        DataSource ds = open();
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16)
                .withJobFit(PlanningSettings.JobFit.WHOLE_REMAINDER);
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings,
                new SettableClock(NOW), SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
        planning.submit(new JobRequest("long-train", 64, null, 64.0, Duration.ofHours(30), NOW,
                NOW.plus(Duration.ofHours(48)), null, true, Duration.ofMinutes(15)));

        PlannedJob placed = planning.latestPlan().jobs().getFirst();
        int first = placed.runSlots().getFirst();
        assertThat(placed.runSlots()).as("one run from its start to the horizon's end")
                .isEqualTo(java.util.stream.IntStream.range(first, 96).boxed().toList());
    }

    @Test
    void aLongPausableJobPausesForAnUrgentJobThatNeedsItsGpusNowAndBothEndOnTimeStatedAgainstTheirOwnDeadlines() {
        DataSource ds = open();
        SettableClock clock = new SettableClock(NOW);
        JdbcPlanOutcomeStore outcomes = new JdbcPlanOutcomeStore(ds);
        // Cheap (and sunny, 08:00-14:00 in Shanghai) from 00:00 to 06:00 UTC, dear after: the long job's due work
        // starts at once.
        PlanningSettings settings = new PlanningSettings(96, cheapFromMidnightToSixUtc(), 550, 20, Duration.ofSeconds(30), 16);
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), AppPlanners.optimizer(Duration.ofSeconds(30)), new GreedyWindowPlanner(), settings,
                clock, SiteForecast.source(SITE, settings, Optional::empty), Runnable::run,
                io.kelvin.core.plan.MeteredImport.none(), io.kelvin.core.plan.MeteredWind.none(), outcomes);
        // 6,144 of the site's 10,240 GPUs for 30 h, due in 48 h.
        planning.submit(new JobRequest("long-train", 6144, null, null, Duration.ofHours(30), NOW,
                NOW.plus(Duration.ofHours(48)), null, true, Duration.ofMinutes(15)));
        assertThat(planning.latestPlan().jobs().getFirst().runSlots()).contains(1, 2, 3, 4);
        assertLoneJobsRecordsDifferByItsExplainedSaving(planning.latestPlan(), outcomes);

        // An hour later it runs, and a job that may not pause needs 6,144 GPUs for 1 h within 1.5 h.
        clock.set(NOW.plus(Duration.ofHours(1)));
        planning.replan("interval");
        assertThat(planning.progress(planning.job("long-train")).state()).isEqualTo(JobProgress.State.RUNNING);
        assertLoneJobsRecordsDifferByItsExplainedSaving(planning.latestPlan(), outcomes);
        planning.submit(new JobRequest("urgent", 6144, null, null, Duration.ofHours(1), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(90)), null, false, null));

        StoredPlan plan = planning.latestPlan();
        PlannedJob urgent = plan.jobs().stream().filter(j -> j.jobId().equals("urgent")).findFirst().orElseThrow();
        PlannedJob longTrain = plan.jobs().stream().filter(j -> j.jobId().equals("long-train")).findFirst().orElseThrow();
        assertThat(urgent.outcome()).isEqualTo("ON_TIME");
        assertThat(urgent.end()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(90)));
        assertThat(longTrain.outcome()).isEqualTo("ON_TIME");
        assertThat(longTrain.runSlots()).as("paused while the urgent job runs").doesNotContainAnyElementsOf(urgent.runSlots());
        assertThat(longTrain.runSlots().getLast()).as("resumed after it").isGreaterThan(urgent.runSlots().getLast());
        assertThat(longTrain.end()).isBeforeOrEqualTo(Instant.parse("2026-06-23T00:00:00Z"));
        assertThat(longTrain.explanation()).contains("(paused and resumed)")
                .contains("the rest runs after the horizon's end to end by its deadline Tue 2026-06-23 08:00 CST");
        assertThat(outcomes.of(plan.id())).extracting(io.kelvin.core.plan.PlanJobOutcome::jobId)
                .containsExactlyInAnyOrder("long-train", "urgent");
        assertThat(PlanReplay.replay(new JdbcPlanStore(ds), plan.id(),
                name -> AppPlanners.byName(name, Duration.ofSeconds(30))).differences()).isEmpty();
    }

    /**
     * One job: run-immediately runs all its work from its release (a running one continues), so baseline less
     * planned EUR is its explanation's saving, both counting the work past the horizon's end at the terminal rate.
     */
    private static void assertLoneJobsRecordsDifferByItsExplainedSaving(StoredPlan plan, JdbcPlanOutcomeStore outcomes) {
        PlannedJob lone = plan.jobs().getFirst();
        io.kelvin.core.plan.PlanJobOutcome o = outcomes.of(plan.id()).getFirst();
        assertThat(plan.jobs()).hasSize(1);
        assertThat(o.baselineEur() - o.plannedEur()).isCloseTo(lone.savedEur(), within(1e-6));
        assertThat(o.baselineKgCo2() - o.plannedKgCo2()).isCloseTo(lone.savedKgCo2(), within(1e-6));
    }

    /** 0.10 EUR/kWh from 00:00 to 06:00 UTC, 0.40 otherwise, by local hour as the settings take it. */
    private static List<Double> cheapFromMidnightToSixUtc() {
        List<Double> tariff = new java.util.ArrayList<>(java.util.Collections.nCopies(24, 0.40));
        int offsetHours = SITE.info().timezone().getRules().getOffset(NOW).getTotalSeconds() / 3600;
        for (int utcHour = 0; utcHour < 6; utcHour++) {
            tariff.set(Math.floorMod(utcHour + offsetHours, 24), 0.10);
        }
        return tariff;
    }

    @Test
    void invalidOrDuplicateJobsChangeNothing() {
        PlanningService planning = service(open());
        planning.submit(job("once", NOW, NOW.plus(Duration.ofHours(6)), 10.0));

        assertThatThrownBy(() -> planning.submit(job("neg", NOW, NOW.plus(Duration.ofHours(6)), -5.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalPowerKw");
        assertThatThrownBy(() -> planning.submit(job("once", NOW, NOW.plus(Duration.ofHours(6)), 10.0)))
                .isInstanceOf(JobConflictException.class).hasMessageContaining("once");
        assertThat(planning.jobs()).extracting(StoredJob::id).containsExactly("once");
        assertThat(planning.history(10)).hasSize(1);
    }

    @Test
    void aStoredPlanKeepsEachJobsFiguresNextToRunImmediatelyAndTheirDifferenceIsTheSavingItsExplanationStates() {
        DataSource ds = open();
        // Dear from midnight to 06:00 UTC, cheap after: the job waits for the cheap hours, run-immediately does not.
        List<Double> tariff = new java.util.ArrayList<>(java.util.Collections.nCopies(24, 0.10));
        for (int h = 0; h < 24; h++) {
            int utcHour = Math.floorMod(h - SITE.info().timezone().getRules().getOffset(NOW).getTotalSeconds() / 3600, 24);
            if (utcHour < 6) {
                tariff.set(h, 0.40);
            }
        }
        PlanningSettings settings = new PlanningSettings(96, tariff, 550, 20, Duration.ofSeconds(1), 16);
        JdbcPlanOutcomeStore outcomes = new JdbcPlanOutcomeStore(ds);
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings,
                new SettableClock(NOW), SiteForecast.source(SITE, settings, Optional::empty), Runnable::run,
                io.kelvin.core.plan.MeteredImport.none(), io.kelvin.core.plan.MeteredWind.none(), outcomes);

        planning.submit(new JobRequest("deferred", 64, null, 100.0, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(12)),
                null, false, null, "team-a"));

        StoredPlan plan = planning.latestPlan();
        PlannedJob placed = plan.jobs().get(0);
        assertThat(placed.start()).isAfterOrEqualTo(Instant.parse("2026-06-21T06:00:00Z"));
        List<io.kelvin.core.plan.PlanJobOutcome> kept = outcomes.of(plan.id());
        assertThat(kept).hasSize(1);
        io.kelvin.core.plan.PlanJobOutcome o = kept.get(0);
        double kwAboveIdle = 100.0 - 64 * SITE.cluster().idleKwPerGpu();
        assertThat(o.kwAboveIdle()).isCloseTo(kwAboveIdle, within(1e-9));
        // 2 h = 8 quarter hours in both plans, each drawing its power above idle for 2 h
        assertThat(List.of(o.plannedSlots(), o.baselineSlots())).containsExactly(8, 8);
        assertThat(o.plannedKwh()).isCloseTo(kwAboveIdle * 2, within(1e-9));
        assertThat(o.baselineKwh()).isCloseTo(kwAboveIdle * 2, within(1e-9));
        assertThat(o.plannedEur()).isPositive().isLessThan(o.baselineEur());
        // One job: run-immediately is the job at its release, so baseline less planned is the move's saving.
        assertThat(o.baselineEur() - o.plannedEur()).isCloseTo(placed.savedEur(), within(1e-6));
        assertThat(o.baselineKgCo2() - o.plannedKgCo2()).isCloseTo(placed.savedKgCo2(), within(1e-6));
        assertThat(planning.job("deferred").spec().project()).isEqualTo("team-a");
    }

    @Test
    void aReplanStartsFromTheLastPlanMovedIntoItsHorizon() {
        SettableClock clock = new SettableClock(NOW);
        List<io.kelvin.energyoptimizer.model.JobRuns> warmStarts = new java.util.ArrayList<>();
        Planner recording = new Planner() {
            private final Planner greedy = new GreedyWindowPlanner();

            @Override
            public String name() {
                return "recording-greedy";
            }

            @Override
            public io.kelvin.energyoptimizer.model.Plan plan(io.kelvin.energyoptimizer.model.Problem problem,
                                                             io.kelvin.energyoptimizer.model.JobRuns previous) {
                warmStarts.add(previous);
                return greedy.plan(problem, previous);
            }
        };
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(open()), new JdbcPlanStore(open()),
                new JdbcJobRunStore(open()), recording, new GreedyWindowPlanner(), settings, clock, SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
        planning.submit(job("later", NOW.plus(Duration.ofHours(4)), NOW.plus(Duration.ofHours(12)), 100.0));
        List<Integer> firstRun = planning.latestPlan().jobs().get(0).runSlots();

        clock.set(NOW.plus(Duration.ofHours(1)));
        planning.replan("interval");

        assertThat(warmStarts.get(0).isEmpty()).isTrue();
        assertThat(warmStarts.get(1).slots("later")).isEqualTo(firstRun.stream().map(t -> t - 4).toList());
    }

    @Test
    void aStartedJobStaysFixedWhileItRunsAndFinishesOnceItsWorkIsDone() {
        SettableClock clock = new SettableClock(NOW);
        DataSource ds = open();
        PlanningService planning = service(ds, new GreedyWindowPlanner(), TARIFF, clock);
        planning.submit(job("train", SLOT_START, NOW.plus(Duration.ofHours(12)), 100.0));
        assertThat(planning.latestPlan().jobs().get(0).runSlots()).startsWith(0);

        // An hour on: four quarter hours of work are done and the fifth is under way; four are left, fixed.
        clock.set(NOW.plus(Duration.ofHours(1)));
        StoredPlan second = planning.replan("interval").orElseThrow();
        PlannedJob fixed = second.jobs().get(0);
        assertThat(fixed.outcome()).isEqualTo("FIXED");
        assertThat(fixed.runSlots()).containsExactly(0, 1, 2, 3);
        JobProgress running = planning.progress(planning.job("train"));
        assertThat(running.state()).isEqualTo(JobProgress.State.RUNNING);
        assertThat(running.workDone()).isEqualTo(Duration.ofHours(1));

        // Two hours on the work is done: the job finished at 02:00 and there is nothing left to plan.
        clock.set(NOW.plus(Duration.ofHours(2)));
        assertThat(planning.replan("interval")).isEmpty();
        JobProgress done = planning.progress(planning.job("train"));
        assertThat(done.state()).isEqualTo(JobProgress.State.FINISHED);
        assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-06-21T02:00:00Z"));
        assertThat(done.startedAt()).isEqualTo(Instant.parse("2026-06-21T00:00:00Z"));

        // A restart reads the same progress from the database.
        assertThat(service(open(), new GreedyWindowPlanner(), TARIFF, clock).progress(planning.job("train")))
                .isEqualTo(done);
    }

    @Test
    void aReplanInTheSameQuarterHourKeepsAJobStartedThereWhereItIs() {
        SettableClock clock = new SettableClock(NOW);
        DataSource ds = open();
        service(ds, new io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner(), TARIFF, clock)
                .submit(job("started", SLOT_START, NOW.plus(Duration.ofHours(12)), 100.0));

        // Power is far cheaper from 06:00; a planner free to move the job would start it there.
        List<Double> cheapLater = new java.util.ArrayList<>(TARIFF);
        for (int h = 6; h < 12; h++) {
            cheapLater.set(h, 0.01);
        }
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        PlanningService greedy = service(ds, new GreedyWindowPlanner(), cheapLater, clock);
        greedy.submit(job("new", NOW, NOW.plus(Duration.ofHours(12)), 100.0));

        StoredPlan plan = greedy.latestPlan();
        PlannedJob started = plan.jobs().stream().filter(j -> j.jobId().equals("started")).findFirst().orElseThrow();
        PlannedJob fresh = plan.jobs().stream().filter(j -> j.jobId().equals("new")).findFirst().orElseThrow();
        assertThat(started.outcome()).isEqualTo("FIXED");
        assertThat(started.runSlots()).startsWith(0);
        assertThat(fresh.runSlots().get(0)).isPositive();
    }

    @Test
    void urgentJobsSubmittedOverTheLastDayMakePlansKeepRoomForMoreLikeThem() {
        // 64 GPUs for 2 h (8 slots) with 1 h to spare: urgent. If one such job comes a day, one is as
        // likely to start in any slot; 20 slots on, 64 x 8 / 96 = 5.3 GPUs are expected busy with it.
        JobRequest urgent = job("urgent", SLOT_START, SLOT_START.plus(Duration.ofHours(3)), 100.0);
        int[] heldAtSlot20 = new int[2];
        for (int keep = 0; keep < 2; keep++) {
            freshDatabase();
            dbFile = dbFile.resolveSibling("kelvin-db-" + keep);
            PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16,
                    keep == 1 ? Duration.ofHours(24) : Duration.ZERO, Duration.ofHours(2));
            DataSource ds = open();
            PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                    new JdbcJobRunStore(ds), new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings,
                    new SettableClock(NOW), SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
            planning.submit(urgent);
            StoredPlan plan = planning.latestPlan();
            assertThat(plan.jobs().get(0).runSlots()).as("the urgent job itself is not held back").startsWith(0);
            heldAtSlot20[keep] = plan.slots().get(20).busyGpus();
        }
        assertThat(heldAtSlot20).containsExactly(0, 5);
    }

    @Test
    void aStoredPlanKeepsTheHashOfItsInputsAndTheInputsMakeTheSamePlanAgain() {
        DataSource ds = open();
        PlanningService planning = service(ds);
        planning.submit(job("again", NOW, NOW.plus(Duration.ofHours(8)), 100.0));
        StoredPlan plan = planning.latestPlan();

        String text = new JdbcPlanStore(ds).inputs(plan.id()).orElseThrow();
        PlanInputs inputs = PlanInputs.read(text);
        assertThat(plan.inputHash()).hasSize(64).isEqualTo(inputs.sha256()).isEqualTo(PlanInputs.sha256(text));
        assertThat(inputs.previous().isEmpty()).as("the first plan has no warm start").isTrue();
        assertThat(plan.cutByWallClock()).isFalse();
        Plan again = new GreedyWindowPlanner().plan(inputs.problem(), inputs.previous());
        assertThat(again.jobs().get(0).runSlots()).isEqualTo(plan.jobs().get(0).runSlots());
    }

    @Test
    void aPlanMadeFromAWarmStartIsMadeAgainTheSameFromItsStoredInputs() {
        DataSource ds = open();
        PlanningService planning = service(ds);
        planning.submit(job("replay-a", NOW, NOW.plus(Duration.ofHours(8)), 100.0));
        planning.submit(job("replay-b", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(9)), 200.0));
        StoredPlan plan = planning.latestPlan();

        PlanReplay.Result replay = PlanReplay.replay(new JdbcPlanStore(ds), plan.id(),
                name -> AppPlanners.byName(name, Duration.ofSeconds(5)));

        assertThat(PlanInputs.read(new JdbcPlanStore(ds).inputs(plan.id()).orElseThrow()).previous().isEmpty())
                .as("the second plan started from the first").isFalse();
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.again().jobs()).isEqualTo(plan.jobs());
        assertThat(replay.again().inputHash()).isEqualTo(plan.inputHash());
        assertThat(PlanReplay.describe(replay.again(), replay.zone())).first().asString()
                .startsWith("plan " + plan.id() + " by greedy-window (HEURISTIC), inputs " + plan.inputHash());
    }

    @Test
    void drDirectivesBecomeTheCapsOfTheNextPlanAndACapThePlanCannotKeepIsReportedAsAShortfall() {
        DataSource ds = open();
        PlanningService planning = service(ds);
        planning.submit(job("dr-job", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        EventRef ref = new EventRef("prog-1", "evt-1", Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(1));
        Instant to = SLOT_START.plus(Duration.ofHours(2));
        // A soft cap of 0 kW at night: the idle cluster alone imports more, so the plan cannot keep it.
        DrDirective zeroCap = new DrDirective(ref, "evening", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 0, false, "IMPORT_CAPACITY_LIMIT")), List.of());

        DrPlanOutcome outcome = planning.replanFor(List.of(zeroCap));

        assertThat(outcome.planId()).isEqualTo(planning.latestPlan().id());
        Problem solved = PlanInputs.read(new JdbcPlanStore(ds).inputs(outcome.planId()).orElseThrow()).problem();
        assertThat(solved.drEvents()).singleElement().satisfies(e -> {
            assertThat(e.fromSlot()).isEqualTo(4);
            assertThat(e.toSlot()).isEqualTo(8);
            assertThat(e.capKw()).isZero();
        });
        assertThat(outcome.capsKept()).isFalse();
        DrPlanOutcome.Shortfall shortfall = outcome.shortfalls().get(0);
        assertThat(shortfall.event()).isEqualTo(ref);
        assertThat(shortfall.from()).isEqualTo(from);
        assertThat(shortfall.to()).isEqualTo(to);
        assertThat(shortfall.peakKw()).isPositive();
        assertThat(shortfall.excessKwh()).isCloseTo(planning.latestPlan().slots().subList(4, 8).stream()
                .mapToDouble(sl -> sl.gridImportKw() * 0.25).sum(), org.assertj.core.api.Assertions.within(1e-6));
        // The plan runs no job in the event's slots: the idle cluster alone imports more, which no plan can lower.
        assertThat(shortfall.proven()).isTrue();

        // Lifting every directive re-plans without caps.
        DrPlanOutcome lifted = planning.replanFor(List.of());
        assertThat(lifted.capsKept()).isTrue();
        assertThat(lifted.planId()).isGreaterThan(outcome.planId());
        assertThat(PlanInputs.read(new JdbcPlanStore(ds).inputs(lifted.planId()).orElseThrow()).problem().drEvents())
                .isEmpty();
    }

    @Test
    void aDrCapBelowTheUnscheduledLoadAloneIsReportedAsAShortfallAndTheStoredPlanImportsIt() {
        DataSource ds = open();
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);
        ForecastSource siteForecast = SiteForecast.source(SITE, settings, Optional::empty);
        double[] fiveMw = new double[96];
        java.util.Arrays.fill(fiveMw, 5000);
        ForecastSource withLoad = h -> {
            ForecastSource.PlanForecast f = siteForecast.forecast(h);
            return new ForecastSource.PlanForecast(f.forecast().withUnscheduledItKw(fiveMw), f.inputs());
        };
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings,
                new SettableClock(NOW), withLoad, Runnable::run);
        planning.submit(job("dr-job", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        EventRef ref = new EventRef("prog-1", "evt-3", Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(1));
        Instant to = SLOT_START.plus(Duration.ofHours(2));
        // Idle cluster 2,560 kW + 5,000 kW unscheduled, with cooling, less the PV of the early morning: above a
        // 6,000 kW cap whatever the plan does with the job.
        DrDirective cap = new DrDirective(ref, "evening", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 6000, false, "IMPORT_CAPACITY_LIMIT")), List.of());

        DrPlanOutcome outcome = planning.replanFor(List.of(cap));

        StoredPlan plan = planning.latestPlan();
        assertThat(plan.slots()).allSatisfy(s -> assertThat(s.itKw()).isGreaterThanOrEqualTo(2560 + 5000));
        assertThat(plan.slots()).allSatisfy(s -> assertThat(s.gridImportKw())
                .isCloseTo(s.facilityKw() - s.pvKw() - s.windKw(), org.assertj.core.api.Assertions.within(1e-6)));
        assertThat(plan.slots().subList(4, 8)).allSatisfy(s -> assertThat(s.gridImportKw()).isGreaterThan(6000));
        assertThat(plan.predicted().importKwh()).isPositive();
        assertThat(plan.predicted().costEur()).isPositive();
        assertThat(outcome.capsKept()).isFalse();
        DrPlanOutcome.Shortfall shortfall = outcome.shortfalls().get(0);
        assertThat(shortfall.event()).isEqualTo(ref);
        assertThat(shortfall.peakKw()).isCloseTo(plan.slots().subList(4, 8).stream()
                .mapToDouble(sl -> sl.gridImportKw() - 6000).max().orElseThrow(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(shortfall.excessKwh()).isCloseTo(plan.slots().subList(4, 8).stream()
                .mapToDouble(sl -> (sl.gridImportKw() - 6000) * 0.25).sum(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(PlanInputs.read(new JdbcPlanStore(ds).inputs(outcome.planId()).orElseThrow()).problem().forecast()
                .unscheduledItKw()).containsOnly(5000.0);
        // The cluster is dispatched only its own part: the plan's IT power less the unscheduled load.
        assertThat(planning.itKwAt(SLOT_START)).hasValueCloseTo(plan.slots().get(0).itKw() - 5000,
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void withNoJobACapAboveTheSitesOwnLoadGetsAPlanThatKeepsItAndTheClusterIsDispatchedItsIdleDraw() {
        DataSource ds = open();
        PlanningService planning = noJobService(ds, new SettableClock(NOW));

        DrPlanOutcome outcome = planning.replanFor(List.of(cap("evt-keep", 9000)));

        assertThat(outcome.planId()).isPositive().isEqualTo(planning.latestPlan().id());
        assertThat(outcome.capsKept()).isTrue();
        StoredPlan plan = planning.latestPlan();
        assertThat(plan.jobs()).isEmpty();
        assertThat(plan.slots()).hasSize(96);
        // IT: the idle cluster (10,240 GPUs x 0.25 kW) plus the 5,000 kW Kelvin does not schedule.
        assertThat(plan.slots().get(4).itKw()).isCloseTo(2560 + 5000, within(1e-6));
        assertThat(plan.slots().get(4).gridImportKw()).isCloseTo(SITE_FLOOR_KW, within(1e-6));
        // The cluster is told its own part (idle); the twin adds the unscheduled load on top.
        assertThat(planning.itKwAt(NOW)).hasValueCloseTo(2560.0, within(1e-6));
    }

    @Test
    void withNoJobACapBelowTheSitesOwnLoadIsAProvenShortfallByTheHandComputedKwAndKwh() {
        DataSource ds = open();
        PlanningService planning = noJobService(ds, new SettableClock(NOW));

        DrPlanOutcome outcome = planning.replanFor(List.of(cap("evt-short", 8000)));

        assertThat(outcome.planId()).isPositive();
        assertThat(outcome.capsKept()).isFalse();
        DrPlanOutcome.Shortfall shortfall = outcome.shortfalls().get(0);
        assertThat(shortfall.event().eventId()).isEqualTo("evt-short");
        // 8,284.56 kW imported against 8,000 kW, for the whole hour of the event.
        assertThat(shortfall.peakKw()).isCloseTo(284.56, within(1e-6));
        assertThat(shortfall.excessKwh()).isCloseTo(284.56, within(1e-6));
        assertThat(shortfall.jobsMissed()).isEmpty();
        assertThat(shortfall.proven()).as("no job could be paused").isTrue();
    }

    @Test
    void withNoJobAPlanIsMadeWhenCapsChangeAndOncePerQuarterHourWhileTheyAreInForceAndNeverWithoutACap() {
        DataSource ds = open();
        SettableClock clock = new SettableClock(NOW);
        PlanningService planning = noJobService(ds, clock);

        assertThat(planning.replan("interval")).as("no job, no cap").isEmpty();
        assertThat(planning.history(10)).isEmpty();
        assertThat(planning.itKwAt(NOW)).isEmpty();

        planning.replanFor(List.of(cap("evt-a", 9000)));
        assertThat(planning.history(10)).hasSize(1);
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        assertThat(planning.replan("interval")).as("same quarter hour, caps unchanged").isEmpty();
        assertThat(planning.history(10)).hasSize(1);
        assertThat(planning.itKwAt(clock.instant())).as("the plan stays dispatched").isPresent();

        planning.replanFor(List.of(cap("evt-a", 8500)));
        assertThat(planning.history(10)).as("a changed cap is planned at once").hasSize(2);

        clock.set(NOW.plus(Duration.ofMinutes(15)));
        assertThat(planning.replan("interval")).as("a new quarter hour under the caps").isPresent();
        assertThat(planning.history(10)).hasSize(3);

        assertThat(planning.replanFor(List.of()).planId()).as("caps lifted, no job").isZero();
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        assertThat(planning.replan("interval")).isEmpty();
        assertThat(planning.history(10)).hasSize(3);
        assertThat(planning.itKwAt(clock.instant())).isEmpty();
    }

    @Test
    void aPlanKeepsTheBoundAndGapItsPlannerProvedAndAHeuristicPlanKeepsNone() {
        DataSource ds = open();
        PlanningService optimized = service(ds, AppPlanners.optimizer(Duration.ofSeconds(30)), TARIFF,
                new SettableClock(NOW));
        optimized.submit(job("bounded", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        StoredPlan plan = service(open()).latestPlan();

        assertThat(plan.planner()).isEqualTo(AppPlanners.optimizer(Duration.ofSeconds(30)).name());
        assertThat(plan.bound()).isNotNull();
        assertThat(plan.bound().lowerBoundEur()).isLessThanOrEqualTo(plan.predicted().objectiveEur() + 1e-6);
        assertThat(plan.bound().gap()).isCloseTo((plan.predicted().objectiveEur() - plan.bound().lowerBoundEur())
                / Math.max(1, Math.abs(plan.predicted().objectiveEur())), within(1e-9));

        service(ds).submit(job("greedy", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        assertThat(service(open()).latestPlan().bound()).as("greedy-window proves no bound").isNull();
    }

    @Test
    void thePvAndWindBandsAPlanWasGivenAreReadBackFromTheStoreAloneAfterARestart() {
        DataSource ds = open();
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);
        ForecastSource siteForecast = SiteForecast.source(SITE, settings, () -> Optional.of(1200.0));
        ForecastSource banded = h -> {
            ForecastSource.PlanForecast f = siteForecast.forecast(h);
            double[] pv = f.forecast().pvKw();
            double[] wind = f.forecast().windKw();
            double[] p10 = new double[pv.length];
            double[] p90 = new double[pv.length];
            double[] windP10 = new double[pv.length];
            double[] windP90 = new double[pv.length];
            for (int t = 0; t < pv.length; t++) {
                p10[t] = pv[t] * 0.5;
                p90[t] = pv[t] * 1.5 + t;
                windP10[t] = wind[t] * 0.75 - t;
                windP90[t] = wind[t] * 1.25 + t;
            }
            return new ForecastSource.PlanForecast(f.forecast(), f.inputs(), p10, p90, windP10, windP90);
        };
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings,
                new SettableClock(NOW), banded, Runnable::run);
        planning.submit(job("sunny", NOW, NOW.plus(Duration.ofHours(12)), 100.0));

        // A restart: nothing of the forecast is in memory; the bands come from the stored slots.
        StoredPlan stored = service(open()).latestPlan();
        assertThat(stored.slots()).hasSize(96).allSatisfy(sl -> {
            assertThat(sl.pvP10Kw()).isCloseTo(sl.pvKw() * 0.5, within(1e-9));
            assertThat(sl.pvP90Kw()).isCloseTo(sl.pvKw() * 1.5 + sl.slot(), within(1e-9));
            assertThat(sl.windKw()).isEqualTo(1200.0);
            assertThat(sl.windP10Kw()).isCloseTo(900.0 - sl.slot(), within(1e-9));
            assertThat(sl.windP90Kw()).isCloseTo(1500.0 + sl.slot(), within(1e-9));
        });
    }

    /**
     * The site's import with no job: IT 7,560 kW (idle 2,560 + unscheduled 5,000); cooling at 20 C is
     * max(0.076 x 7,560 + 150, 0.136 x 7,560 + 150 - 480) = 724.56 kW; no PV or wind.
     */
    private static final double SITE_FLOOR_KW = 7560 + 724.56;

    /** No PV or wind and 5,000 kW of IT load Kelvin does not schedule; greedy planner and fallback. */
    private static PlanningService noJobService(DataSource ds, SettableClock clock) {
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);
        ForecastSource siteForecast = SiteForecast.source(SITE, settings, Optional::empty);
        ForecastSource dark = h -> {
            var f = siteForecast.forecast(h).forecast();
            double[] load = new double[h.slots()];
            java.util.Arrays.fill(load, 5000);
            return new ForecastSource.PlanForecast(new io.kelvin.energyoptimizer.model.Forecast(new double[h.slots()],
                    new double[h.slots()], f.priceEurPerKwh(), f.carbonGPerKwh(), f.ambientC(), f.heatDemandKw(), load),
                    siteForecast.forecast(h).inputs());
        };
        return new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings, clock, dark, Runnable::run);
    }

    /** A hard import cap of {@code kw} from 01:00 to 02:00 (slots 4-7 of a plan made at 00:05). */
    private static DrDirective cap(String eventId, double kw) {
        EventRef ref = new EventRef("prog-1", eventId, Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(1));
        Instant to = SLOT_START.plus(Duration.ofHours(2));
        return new DrDirective(ref, "evening", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, kw, true, "IMPORT_CAPACITY_LIMIT")), List.of());
    }

    @Test
    void aPendingJobWhoseLatenessWouldCostMoreThanItsMissExpiresByTheExpiryRuleAndIsNoLongerPlanned() {
        DataSource ds = open();
        // 100 h of lateness allowed, so only the cost rule can give up on these jobs.
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 400);
        JdbcJobStore store = new JdbcJobStore(ds);
        // 64 GPUs for 2 h: missing one costs 20 EUR x 64 x 2 h + 500 EUR = 3,060 EUR, a quarter hour late
        // 2 EUR x 64 x 0.25 h = 32 EUR. Started now, the first ends 32 h late (128 slots, 4,096 EUR): given up;
        // the second 22 h late (88 slots, 2,816 EUR): still planned, at once, so it runs from the current slot.
        store.insert(new StoredJob(overdue("long-overdue", Duration.ofHours(30)), NOW.minus(Duration.ofHours(40))));
        store.insert(new StoredJob(overdue("overdue", Duration.ofHours(20)), NOW.minus(Duration.ofHours(30))));
        PlanningService planning = new PlanningService(SITE, store, new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings, new SettableClock(NOW),
                SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);

        planning.replan("interval");

        Map<String, JobProgress.State> states = new java.util.TreeMap<>();
        planning.jobs().forEach(j -> states.put(j.id(), planning.progress(j).state()));
        assertThat(states).containsExactly(Map.entry("long-overdue", JobProgress.State.EXPIRED),
                Map.entry("overdue", JobProgress.State.RUNNING));
        assertThat(planning.latestPlan().jobs()).extracting(PlannedJob::jobId).containsExactly("overdue");
        // JobExpiry's rule, on the same jobs in slots from the current one.
        assertThat(io.kelvin.energyoptimizer.replan.JobExpiry.expired(
                io.kelvin.energyoptimizer.model.Job.of("long-overdue", 64, 100, 8, -160, -120), 0,
                io.kelvin.energyoptimizer.model.Weights.defaults(), 0.25)).isTrue();
        assertThat(io.kelvin.energyoptimizer.replan.JobExpiry.expired(
                io.kelvin.energyoptimizer.model.Job.of("overdue", 64, 100, 8, -120, -80), 0,
                io.kelvin.energyoptimizer.model.Weights.defaults(), 0.25)).isFalse();
    }

    private static io.kelvin.core.plan.JobSpec overdue(String id, Duration deadlineAgo) {
        Instant deadline = SLOT_START.minus(deadlineAgo);
        return new io.kelvin.core.plan.JobSpec(id, 64, null, 100.0, Duration.ofHours(2),
                deadline.minus(Duration.ofHours(10)), deadline, null, false, null);
    }

    @Test
    void theNewestStoredPlanIsDispatchedSlotBySlotAndARestartDispatchesItFromTheStore() {
        DataSource ds = open();
        PlanningService planning = service(ds);
        assertThat(planning.itKwAt(NOW)).as("no plan yet").isEmpty();
        planning.submit(job("dispatched", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        StoredPlan plan = planning.latestPlan();

        for (int slot : List.of(0, 1, 47, 95)) {
            Instant inside = plan.horizonStart().plus(Duration.ofMinutes(15L * slot + 7));
            assertThat(planning.itKwAt(inside)).as("slot " + slot).hasValue(plan.slots().get(slot).itKw());
        }
        assertThat(planning.itKwAt(plan.horizonStart().minusSeconds(1))).isEmpty();
        assertThat(planning.itKwAt(plan.horizonStart().plus(Duration.ofHours(24)))).isEmpty();
        int run = plan.jobs().get(0).runSlots().get(0);
        assertThat(plan.slots().get(run).itKw()).as("idle plus the job against idle alone")
                .isGreaterThan(plan.slots().get(95).itKw());

        PlanningService restarted = service(open());
        assertThat(restarted.itKwAt(plan.horizonStart())).hasValue(plan.slots().get(0).itKw());
    }

    @Test
    void aDrCapIsPlannedLowerByHowFarTheMeterReadAboveTheDispatchedPlan() {
        DataSource ds = open();
        SettableClock clock = new SettableClock(NOW);
        PlanningSettings settings = new PlanningSettings(96, TARIFF, 550, 20, Duration.ofSeconds(1), 16);
        JdbcPlanStore plans = new JdbcPlanStore(ds);
        // The meter reads 400 kW more than whatever the newest plan predicted.
        io.kelvin.core.plan.MeteredImport meter = (from, to) -> PlanningService.plannedImportKw(
                plans.latest().orElseThrow(), from, to).stream().map(kw -> kw + 400).findFirst();
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), plans, new JdbcJobRunStore(ds),
                new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings, clock,
                SiteForecast.source(SITE, settings, Optional::empty), Runnable::run, meter);
        planning.submit(job("metered", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        EventRef ref = new EventRef("prog-1", "evt-bias", Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(1));
        Instant to = SLOT_START.plus(Duration.ofHours(2));
        DrDirective cap = new DrDirective(ref, "bias", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 5_000, true, "IMPORT_CAPACITY_LIMIT")), List.of());

        DrPlanOutcome outcome = planning.replanFor(List.of(cap));

        Problem solved = PlanInputs.read(plans.inputs(outcome.planId()).orElseThrow()).problem();
        assertThat(solved.drEvents()).singleElement().satisfies(e -> assertThat(e.capKw())
                .isCloseTo(4_600.0, org.assertj.core.api.Assertions.within(1e-6)));
    }

    @Test
    void aCapTheSiteKeepsEasilyIsNoShortfall() {
        PlanningService planning = service(open());
        planning.submit(job("easy", NOW, NOW.plus(Duration.ofHours(12)), 100.0));
        EventRef ref = new EventRef("prog-1", "evt-2", Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(1));
        Instant to = SLOT_START.plus(Duration.ofHours(2));
        DrDirective generous = new DrDirective(ref, "generous", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 1_000_000, true, "IMPORT_CAPACITY_LIMIT")), List.of());

        DrPlanOutcome outcome = planning.replanFor(List.of(generous));

        assertThat(outcome.planId()).isPositive();
        assertThat(outcome.capsKept()).isTrue();
        assertThat(planning.directives()).containsExactly(generous);
    }

    @Test
    void whatTheDispatchedJobsDrewAboveIdleIsTakenOffTheMeteredItLoadForTheLoadForecast() {
        DataSource ds = open();
        PlanningService service = service(ds);
        service.submit(job("train-a", SLOT_START, NOW.plus(Duration.ofHours(6)), 100.0));
        service.submit(job("train-b", SLOT_START, NOW.plus(Duration.ofHours(6)), 200.0));
        assertThat(service.latestPlan().jobs()).allSatisfy(j -> assertThat(j.runSlots()).contains(0));
        DispatchedJobsDraw draw = new DispatchedJobsDraw(SITE, new JdbcJobStore(ds), new JdbcJobRunStore(ds));

        // 64 GPUs idle at 0.25 kW each: 100 - 16 and 200 - 16 kW above idle, in the dispatched quarter hour only.
        double[] kw = draw.drawnKw(SLOT_START.minus(Duration.ofHours(1)), SLOT_START.plus(Duration.ofHours(1)))
                .slotMeans(SLOT_START.minus(Duration.ofMinutes(15)), Duration.ofMinutes(15), 3);
        assertThat(kw[0]).isNaN();
        assertThat(kw[1]).isCloseTo(84.0 + 184.0, within(1e-9));
        assertThat(kw[2]).isNaN();
        assertThat(draw.kwAt(NOW)).isCloseTo(268.0, within(1e-9));
        assertThat(draw.kwAt(NOW.plus(Duration.ofMinutes(15)))).isZero();

        // The IT meters read 5,268 kW over the last five minutes: 5,000 kW of it is not Kelvin's.
        io.kelvin.testkit.MemoryTelemetryStore store = new io.kelvin.testkit.MemoryTelemetryStore();
        Instant from = NOW.minus(Duration.ofMinutes(6));
        store.fill(io.kelvin.core.telemetry.PointId.of("hvdc-01", "output_power_kw"), from, NOW.plusSeconds(1),
                Duration.ofSeconds(10), t -> 3000.0);
        store.fill(io.kelvin.core.telemetry.PointId.of("hvdc-02", "output_power_kw"), from, NOW.plusSeconds(1),
                Duration.ofSeconds(10), t -> 2268.0);
        MeteredLiveItLoad live = new MeteredLiveItLoad(SITE, store, draw, new SettableClock(NOW));
        assertThat(live.unscheduledKw().orElseThrow()).isCloseTo(5000.0, within(1.0));
        assertThat(new MeteredLiveItLoad(SITE, new io.kelvin.testkit.MemoryTelemetryStore(), draw,
                new SettableClock(NOW)).unscheduledKw()).isEmpty();
    }

    private DataSource open() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dbFile);
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    /** The greedy planner as both planner and fallback keeps this test fast; re-plans run on the caller's thread. */
    private static PlanningService service(DataSource ds) {
        return service(ds, new GreedyWindowPlanner(), TARIFF, new SettableClock(NOW));
    }

    private static PlanningService service(DataSource ds, Planner planner, List<Double> tariff, SettableClock clock) {
        PlanningSettings settings = new PlanningSettings(96, tariff, 550, 20, Duration.ofSeconds(1), 16);
        return new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                planner, new GreedyWindowPlanner(), settings, clock, SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
    }

    private static JobRequest job(String id, Instant release, Instant deadline, double totalKw) {
        return new JobRequest(id, 64, null, totalKw, Duration.ofHours(2), release, deadline, null, false, null);
    }
}
