package io.kelvin.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.CarbonSeries;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.PriceSeries;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.JobProgress;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.app.ProvidedForecast;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan view's read model over the real planning service and an H2 file database. */
class PlanScreenTest {

    private static final Instant NOW = Instant.parse("2026-06-21T00:05:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void beforeTheFirstPlanThereIsNothingToShow() {
        PlanScreen screen = new PlanScreen(service(), clock);

        assertThat(screen.current()).isEmpty();
    }

    @Test
    void aPlanShowsItsJobsWithWindowStateAndPowerAndTheForecastItWasGiven() {
        PlanningService planning = service();
        Instant release = NOW.plus(Duration.ofHours(2));
        Instant deadline = NOW.plus(Duration.ofHours(10));
        planning.submit(new JobRequest("screen-a", 64, null, 80.0, Duration.ofHours(2), release, deadline, null, false,
                null));

        PlanScreen.Shown shown = new PlanScreen(planning, clock).current().orElseThrow();

        PlanScreen.JobRow row = shown.jobs().getFirst();
        assertThat(row.jobId()).isEqualTo("screen-a");
        assertThat(row.state()).isEqualTo(PlanScreen.JobState.PLANNED);
        assertThat(row.release()).isEqualTo(release);
        assertThat(row.deadline()).isEqualTo(deadline);
        assertThat(row.powerKw()).isEqualTo(80.0);
        assertThat(row.explanation()).isEqualTo(shown.plan().jobs().getFirst().explanation());
        PlanScreen.Horizon h = shown.horizon();
        assertThat(h.starts()).hasSize(96).first().isEqualTo(shown.plan().horizonStart());
        // The jobs' power in exactly the plan's run slots; the unscheduled load as the plan counted it (the metered
        // 3,060 kW less the idle cluster's 2,560) and the PV band as the forecast gave it.
        for (int t = 0; t < 96; t++) {
            assertThat(h.jobsKw().get(t)).as("slot %d", t).isEqualTo(row.runSlots().contains(t) ? 80.0 : 0.0);
            assertThat(h.unscheduledKw().get(t)).isEqualTo(500.0);
            assertThat(h.pvP10Kw().get(t)).isEqualTo(0.0);
            assertThat(h.pvP90Kw().get(t)).isEqualTo(20.0);
            assertThat(h.windKw().get(t)).isEqualTo(600.0);
            assertThat(h.windP10Kw().get(t)).isEqualTo(300.0);
            assertThat(h.windP90Kw().get(t)).isEqualTo(900.0);
            assertThat(h.drCapKw().get(t)).isNull();
        }
        assertThat(shown.flaggedInputs()).extracting(i -> i.input()).contains("IMPORT_PRICE")
                .doesNotContain("UNSCHEDULED_IT_LOAD", "WIND");
    }

    @Test
    void afterARestartThePvAndWindBandsAndTheUnscheduledLoadAreShownFromTheStore() {
        service().submit(new JobRequest("screen-r", 64, null, 80.0, Duration.ofHours(2), NOW,
                NOW.plus(Duration.ofHours(12)), null, false, null));

        // A restart: a new service and screen over the same database; the forecast is not asked again.
        PlanningService restarted = new PlanningService(DemoSite.SITE, new JdbcJobStore(database()),
                new JdbcPlanStore(database()), new JdbcJobRunStore(database()), new GreedyWindowPlanner(),
                new GreedyWindowPlanner(), SETTINGS, clock, h -> {
                    throw new AssertionError("the forecast is not asked to show a stored plan");
                }, Runnable::run);
        PlanScreen.Horizon h = new PlanScreen(restarted, clock).current().orElseThrow().horizon();

        assertThat(h.pvP10Kw()).hasSize(96).containsOnly(0.0);
        assertThat(h.pvP90Kw()).hasSize(96).containsOnly(20.0);
        assertThat(h.windP10Kw()).hasSize(96).containsOnly(300.0);
        assertThat(h.windP90Kw()).hasSize(96).containsOnly(900.0);
        assertThat(h.unscheduledKw()).hasSize(96).containsOnly(500.0);
    }

    @Test
    void aNewPlanOrTheEndOfTheKeepingTimeIsShownAtOnceAndNothingElseIsReadAgain() {
        PlanningService planning = service();
        planning.submit(new JobRequest("screen-1", 64, null, 80.0, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(12)),
                null, false, null));
        PlanScreen screen = new PlanScreen(planning, clock);
        PlanScreen.Shown first = screen.current().orElseThrow();

        assertThat(screen.current().orElseThrow()).isSameAs(first);
        planning.submit(new JobRequest("screen-2", 64, null, 80.0, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(12)),
                null, false, null));
        PlanScreen.Shown second = screen.current().orElseThrow();
        assertThat(second.plan().id()).isGreaterThan(first.plan().id());
        assertThat(second.jobs()).extracting(PlanScreen.JobRow::jobId).containsExactlyInAnyOrder("screen-1", "screen-2");
        clock.set(NOW.plus(PlanScreen.KEPT));
        assertThat(screen.current().orElseThrow()).isNotSameAs(second).satisfies(s -> assertThat(s.plan().id())
                .isEqualTo(second.plan().id()));
    }

    @Test
    void theDemandResponseCapInForceShowsInTheSlotsItCovers() {
        PlanningService planning = service();
        planning.submit(new JobRequest("screen-dr", 64, null, 80.0, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(12)),
                null, false, null));
        EventRef ref = new EventRef("prog-1", "evt-screen", NOW.minus(Duration.ofHours(1)));
        Instant from = Instant.parse("2026-06-21T01:00:00Z");
        Instant to = Instant.parse("2026-06-21T02:00:00Z");
        planning.replanFor(List.of(new DrDirective(ref, "cap", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 750_000, true, "IMPORT_CAPACITY_LIMIT")), List.of())));

        List<Double> caps = new PlanScreen(planning, clock).current().orElseThrow().horizon().drCapKw();

        // The horizon starts at 00:00 in quarter hours: 01:00-02:00 is slots 4..7.
        for (int t = 0; t < caps.size(); t++) {
            assertThat(caps.get(t)).as("slot %d", t).isEqualTo(t >= 4 && t < 8 ? 750_000.0 : null);
        }
    }

    @Test
    void aJobsStateComesFromItsProgressFirstThenFromItsPlace() {
        assertThat(PlanScreen.JobState.of(true, JobProgress.State.RUNNING, "ON_TIME")).isEqualTo(PlanScreen.JobState.CANCELLED);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.RUNNING, "LATE")).isEqualTo(PlanScreen.JobState.RUNNING);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.PAUSED, "ON_TIME")).isEqualTo(PlanScreen.JobState.PAUSED);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.FINISHED, "ON_TIME")).isEqualTo(PlanScreen.JobState.FINISHED);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.EXPIRED, "ON_TIME")).isEqualTo(PlanScreen.JobState.MISSED);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.PENDING, "MISSED")).isEqualTo(PlanScreen.JobState.MISSED);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.PENDING, "LATE")).isEqualTo(PlanScreen.JobState.LATE);
        assertThat(PlanScreen.JobState.of(false, JobProgress.State.PENDING, "ON_TIME")).isEqualTo(PlanScreen.JobState.PLANNED);
    }

    /**
     * A fresh unscheduled load of 3,060 kW (500 kW above the idle cluster), a PV band of 0..20 kW around 10 kW and a
     * wind band of 300..900 kW around 600 kW; nothing else configured.
     */
    private static HorizonForecast forecast(ForecastRequest r) {
        int n = r.slots();
        Provenance meters = new Provenance("test meters", Optional.of(NOW), Freshness.Fresh.ok());
        SlotSeries pv = series(n, 10.0, meters);
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        Arrays.fill(p90, 20.0);
        double[] windP10 = new double[n];
        double[] windP90 = new double[n];
        Arrays.fill(windP10, 300.0);
        Arrays.fill(windP90, 900.0);
        SlotSeries none = SlotSeries.missing(n, Provenance.notConfigured("test"));
        return new HorizonForecast(r, new BandSeries(pv, p10, p90),
                new BandSeries(series(n, 600.0, meters), windP10, windP90), series(n, 3060.0, meters),
                new CarbonSeries(none, none), new PriceSeries(none, Optional.empty()), none);
    }

    private static SlotSeries series(int n, double value, Provenance p) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        SlotBasis[] b = new SlotBasis[n];
        Arrays.fill(b, SlotBasis.MODEL);
        return new SlotSeries(v, b, p);
    }

    private static final PlanningSettings SETTINGS = new PlanningSettings(96, java.util.Collections.nCopies(24, 0.15),
            550, 20, Duration.ofSeconds(1), 16);

    private DataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("kelvin-db"));
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private PlanningService service() {
        DataSource data = database();
        return new PlanningService(DemoSite.SITE, new JdbcJobStore(data), new JdbcPlanStore(data),
                new JdbcJobRunStore(data), new GreedyWindowPlanner(), new GreedyWindowPlanner(), SETTINGS,
                clock, new ProvidedForecast(PlanScreenTest::forecast, DemoSite.SITE, SETTINGS), Runnable::run);
    }
}
