package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.plan.MeteredImport;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The DR cap guard against a hand-made meter trace, on the app's planning path with a real (H2) store. */
class CapGuardTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant START = Instant.parse("2026-06-21T00:00:00Z");
    private static final double CAP_KW = 4000;
    /** Pause above 95 % of the cap down to 94 %, release below 80 % held for 2 minutes. */
    private static final CapGuard.Settings SETTINGS = new CapGuard.Settings(0.05, 0.06, 0.20, Duration.ofSeconds(3),
            Duration.ofSeconds(3), Duration.ofMinutes(2));

    private final SettableClock clock = new SettableClock(START.plusSeconds(60));
    private final TreeMap<Instant, Double> trace = new TreeMap<>();
    private final MeteredImport meter = (from, to) -> trace.subMap(from, false, to, true).values().stream()
            .mapToDouble(Double::doubleValue).average();
    private final InMemoryGuardLog log = new InMemoryGuardLog();
    private final List<AuditEntry> audit = new ArrayList<>();

    @Test
    void aboveTheCapItPausesTheJobWithMostSlackAtOnceRecordsItAsNotRunAndReleasesItOnlyAfterTheMeterStaysLow() {
        PlanningService planning = service();
        planning.submit(job("tight", Duration.ofHours(3)));
        planning.submit(job("loose", Duration.ofHours(12)));
        planning.submit(job("middle", Duration.ofHours(6)));
        // The first quarter hour runs all three; the guard acts in the second.
        clock.set(START.plus(Duration.ofMinutes(16)));
        planning.replan("interval");
        Instant now = clock.instant();
        planning.replanFor(List.of(cap(now.minusSeconds(60), now.plus(Duration.ofHours(1)))));
        int plansBefore = planning.history(1000).size();
        double itBefore = planning.itKwAt(now).orElseThrow();
        CapGuard guard = guard(planning);

        // Below 95 % of the cap: nothing to do.
        read(3700, 3);
        assertThat(guard.check()).isEmpty();

        // Above it: one job, the one with most slack, paused at once, enough for 94 % of the cap.
        read(3850, 3);
        StoredPlan dispatched = planning.dispatchedPlan().orElseThrow();
        PlannedSlot slot = dispatched.slots().get((int) (Duration.between(dispatched.horizonStart(), clock.instant())
                .toMinutes() / dispatched.slotMinutes()));
        GuardAction paused = guard.check().orElseThrow();
        assertThat(paused.action()).isEqualTo(GuardAction.Kind.PAUSED);
        assertThat(paused.jobIds()).containsExactly("loose");
        double loseKw = 150 - 64 * SITE.cluster().idleKwPerGpu();
        assertThat(planning.itKwAt(clock.instant()).orElseThrow()).isCloseTo(itBefore - loseKw,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(planning.pausedNow()).containsExactly("loose");
        assertThat(planning.history(1000)).hasSize(plansBefore + 1);
        assertThat(planning.latestPlan().reason()).startsWith("cap guard: meter 3850 kW above DR cap 4000 kW");
        JobProgress loose = planning.progress(planning.job("loose"));
        assertThat(loose.state()).as("not run in this slot").isEqualTo(JobProgress.State.PAUSED);
        assertThat(loose.workDone()).isEqualTo(Duration.ofMinutes(15));

        // Still high within the settling time: wait for the pause to show; after it, pause the next.
        read(3850, 1);
        assertThat(guard.check()).isEmpty();
        read(3850, 2);
        assertThat(guard.check().orElseThrow().jobIds()).containsExactly("middle");
        assertThat(planning.pausedNow()).containsExactlyInAnyOrder("loose", "middle");

        // Low, but not for long enough: nothing released; after two minutes below 80 %, the last paused job.
        read(3000, 60);
        assertThat(guard.check()).isEmpty();
        read(3000, 61);
        assertThat(guard.check()).isEmpty();
        read(3000, 60);
        GuardAction released = guard.check().orElseThrow();
        assertThat(released.action()).isEqualTo(GuardAction.Kind.RELEASED);
        assertThat(released.jobIds()).containsExactly("middle");
        assertThat(planning.latestPlan().reason()).startsWith("cap guard: meter 3000 kW, DR cap 4000 kW: released [middle]");
        assertThat(planning.pausedNow()).containsExactly("loose");
        assertThat(planning.progress(planning.job("middle")).state()).as("this slot stays not run")
                .isEqualTo(JobProgress.State.PAUSED);

        // The cap ends: every paused job runs again.
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        assertThat(guard.check().orElseThrow().jobIds()).containsExactly("loose");
        assertThat(planning.pausedNow()).isEmpty();
        assertThat(guard.actions()).extracting(GuardAction::action).containsExactly(GuardAction.Kind.PAUSED,
                GuardAction.Kind.PAUSED, GuardAction.Kind.RELEASED, GuardAction.Kind.RELEASED);

        // Every action is kept in the guard log for the event, with the event, the jobs' kW, the meter and the cap.
        EventRef event = planning.directives().getFirst().ref();
        double ratio = Math.max(1, slot.facilityKw() / slot.itKw());
        List<GuardAction> kept = log.forEvent(event.eventId());
        assertThat(kept).containsExactlyElementsOf(guard.actions());
        assertThat(kept).allSatisfy(a -> assertThat(a.events()).containsExactly(event));
        GuardAction first = kept.getFirst();
        assertThat(first.at()).isEqualTo(START.plus(Duration.ofMinutes(16)).plusSeconds(6));
        assertThat(first.jobs()).singleElement().satisfies(j -> {
            assertThat(j.jobId()).isEqualTo("loose");
            assertThat(j.kw()).isCloseTo(loseKw * ratio, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(first.meteredKw()).hasValue(3850);
        assertThat(first.capKw()).hasValue(CAP_KW);
        assertThat(kept.get(2).meteredKw()).hasValue(3000);
        assertThat(kept.get(2).totalKw()).isCloseTo(loseKw * ratio, org.assertj.core.data.Offset.offset(1e-6));
        GuardAction last = kept.getLast();
        assertThat(last.capKw()).as("the cap is over").isEmpty();
        assertThat(last.jobs()).extracting(GuardAction.JobKw::jobId).containsExactly("loose");
        assertThat(log.forEvent("another-event")).isEmpty();

        // And on record in the audit trail, as the cap guard, against the event.
        assertThat(audit).hasSize(4).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(Actor.system("cap-guard"));
            assertThat(e.kind()).isEqualTo(AuditKind.DR_GUARD_ACTED);
            assertThat(e.target()).isEqualTo("dr-event " + event);
        });
        assertThat(audit.getFirst().detail()).isEqualTo(String.format(java.util.Locale.ROOT,
                "paused loose %.0f kW; meter 3850 kW, cap 4000 kW", loseKw * ratio));
        assertThat(audit.getLast().detail()).startsWith("released loose ").endsWith("cap no longer in force");
    }

    @Test
    void aLongJobPlannedByItsDueWorkCountsTheTimeItsPlanLeavesItBeforeTheHorizonsEndAsSlack() {
        PlanningService planning = service();
        // 30 h of work due in 48 h: at least its 6 h of due work run in the horizon, the rest from the horizon's end,
        // ending by its deadline; the time to its deadline and any its plan leaves it idle before the horizon's end
        // are its slack, more than the other job's.
        planning.submit(new JobRequest("long", 64, null, 150.0, Duration.ofHours(30), START,
                START.plus(Duration.ofHours(48)), null, true, Duration.ofMinutes(5)));
        planning.submit(job("middle", Duration.ofHours(6)));
        Instant now = clock.instant();
        planning.replanFor(List.of(cap(now, now.plus(Duration.ofHours(1)))));
        assertThat(planning.latestPlan().jobs()).filteredOn(j -> j.jobId().equals("long")).singleElement()
                .satisfies(j -> assertThat(j.end()).isAfter(START.plus(Duration.ofHours(24)))
                        .isBeforeOrEqualTo(START.plus(Duration.ofHours(48))));
        CapGuard guard = guard(planning);

        read(3850, 3);

        assertThat(guard.check().orElseThrow().jobIds()).containsExactly("long");
    }

    @Test
    void aJobThatMayNotPauseIsNeverPausedAndTheGuardSaysNothingIsLeft() {
        PlanningService planning = service();
        planning.submit(new JobRequest("fixed", 64, null, 150.0, Duration.ofHours(2), START, START.plus(Duration.ofHours(8)),
                null, false, null));
        Instant now = clock.instant();
        planning.replanFor(List.of(cap(now, now.plus(Duration.ofHours(1)))));
        CapGuard guard = guard(planning);

        read(4100, 3);

        assertThat(guard.check()).isEmpty();
        assertThat(guard.exhausted()).isTrue();
        assertThat(planning.pausedNow()).isEmpty();
        assertThat(log.forEvent("cap")).as("nothing done, nothing kept").isEmpty();
        assertThat(audit).isEmpty();
    }

    @Test
    void withoutACapInForceTheGuardDoesNothingWhateverTheMeterReads() {
        PlanningService planning = service();
        planning.submit(job("loose", Duration.ofHours(12)));
        CapGuard guard = guard(planning);

        read(9000, 3);

        assertThat(guard.check()).isEmpty();
        assertThat(planning.pausedNow()).isEmpty();
        assertThat(audit).isEmpty();
    }

    private CapGuard guard(PlanningService planning) {
        return new CapGuard(planning, meter, clock, SITE.cluster(), SETTINGS, new AuditedGuardLog(log, audit::add));
    }

    /** Meter readings of {@code kw}, one a second for {@code seconds}, the clock moved to the last. */
    private void read(double kw, int seconds) {
        for (int i = 0; i < seconds; i++) {
            trace.put(clock.advance(Duration.ofSeconds(1)), kw);
        }
    }

    private PlanningService service() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:capguard-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        PlanningSettings settings = new PlanningSettings(96, java.util.Collections.nCopies(24, 0.15), 550, 20,
                Duration.ofSeconds(1), 16);
        return new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                new RunImmediatelyPlanner(), new GreedyWindowPlanner(), settings, clock,
                SiteForecast.source(SITE, settings, Optional::empty), Runnable::run, meter);
    }

    private static JobRequest job(String id, Duration slack) {
        return new JobRequest(id, 64, null, 150.0, Duration.ofHours(2), START, START.plus(Duration.ofHours(2)).plus(slack),
                null, true, Duration.ofMinutes(5));
    }

    private static DrDirective cap(Instant from, Instant to) {
        EventRef ref = new EventRef("test", "cap", from);
        return new DrDirective(ref, "cap", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, CAP_KW, true, "IMPORT_CAPACITY_LIMIT")), List.of());
    }
}
