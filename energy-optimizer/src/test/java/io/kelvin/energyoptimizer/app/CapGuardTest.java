package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
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
        CapGuard guard = new CapGuard(planning, meter, clock, SITE.cluster(), SETTINGS);

        // Below 95 % of the cap: nothing to do.
        read(3700, 3);
        assertThat(guard.check()).isEmpty();

        // Above it: one job, the one with most slack, paused at once, enough for 94 % of the cap.
        read(3850, 3);
        CapGuard.Action paused = guard.check().orElseThrow();
        assertThat(paused.kind()).isEqualTo(CapGuard.Kind.PAUSE);
        assertThat(paused.jobs()).containsExactly("loose");
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
        assertThat(guard.check().orElseThrow().jobs()).containsExactly("middle");
        assertThat(planning.pausedNow()).containsExactlyInAnyOrder("loose", "middle");

        // Low, but not for long enough: nothing released; after two minutes below 80 %, the last paused job.
        read(3000, 60);
        assertThat(guard.check()).isEmpty();
        read(3000, 61);
        assertThat(guard.check()).isEmpty();
        read(3000, 60);
        CapGuard.Action released = guard.check().orElseThrow();
        assertThat(released.kind()).isEqualTo(CapGuard.Kind.RELEASE);
        assertThat(released.jobs()).containsExactly("middle");
        assertThat(planning.latestPlan().reason()).startsWith("cap guard: meter 3000 kW, DR cap 4000 kW: released [middle]");
        assertThat(planning.pausedNow()).containsExactly("loose");
        assertThat(planning.progress(planning.job("middle")).state()).as("this slot stays not run")
                .isEqualTo(JobProgress.State.PAUSED);

        // The cap ends: every paused job runs again.
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        assertThat(guard.check().orElseThrow().jobs()).containsExactly("loose");
        assertThat(planning.pausedNow()).isEmpty();
        assertThat(guard.actions()).extracting(CapGuard.Action::kind).containsExactly(CapGuard.Kind.PAUSE,
                CapGuard.Kind.PAUSE, CapGuard.Kind.RELEASE, CapGuard.Kind.RELEASE);
    }

    @Test
    void aJobThatMayNotPauseIsNeverPausedAndTheGuardSaysNothingIsLeft() {
        PlanningService planning = service();
        planning.submit(new JobRequest("fixed", 64, null, 150.0, Duration.ofHours(2), START, START.plus(Duration.ofHours(8)),
                null, false, null));
        Instant now = clock.instant();
        planning.replanFor(List.of(cap(now, now.plus(Duration.ofHours(1)))));
        CapGuard guard = new CapGuard(planning, meter, clock, SITE.cluster(), SETTINGS);

        read(4100, 3);

        assertThat(guard.check()).isEmpty();
        assertThat(guard.exhausted()).isTrue();
        assertThat(planning.pausedNow()).isEmpty();
    }

    @Test
    void withoutACapInForceTheGuardDoesNothingWhateverTheMeterReads() {
        PlanningService planning = service();
        planning.submit(job("loose", Duration.ofHours(12)));
        CapGuard guard = new CapGuard(planning, meter, clock, SITE.cluster(), SETTINGS);

        read(9000, 3);

        assertThat(guard.check()).isEmpty();
        assertThat(planning.pausedNow()).isEmpty();
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
