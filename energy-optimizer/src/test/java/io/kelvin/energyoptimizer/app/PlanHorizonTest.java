package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored plan's jobs' power and DR caps per slot, read back from the problem stored with it (H2 file database). */
class PlanHorizonTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant NOW = Instant.parse("2026-06-21T00:05:00Z");
    private static final Instant SLOT_START = Instant.parse("2026-06-21T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachSlotCarriesThePowerOfTheJobsPlannedInItAndTheCapInForce() {
        PlanningService planning = service(open());
        planning.submit(job("h-small", 100.0));
        planning.submit(job("h-large", 300.0));
        EventRef ref = new EventRef("prog-1", "evt-h", Instant.parse("2026-06-20T12:00:00Z"));
        Instant from = SLOT_START.plus(Duration.ofHours(3));
        Instant to = SLOT_START.plus(Duration.ofHours(4));
        planning.replanFor(List.of(new DrDirective(ref, "cap", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 900_000, true, "IMPORT_CAPACITY_LIMIT")), List.of())));
        StoredPlan plan = planning.latestPlan();

        PlanHorizon horizon = planning.horizon(plan).orElseThrow();

        assertThat(horizon.planId()).isEqualTo(plan.id());
        assertThat(horizon.slots()).isEqualTo(plan.slots().size());
        assertThat(horizon.jobKw()).containsEntry("h-small", 100.0).containsEntry("h-large", 300.0);
        double[] expected = new double[horizon.slots()];
        for (PlannedJob j : plan.jobs()) {
            assertThat(j.runSlots()).isNotEmpty();
            j.runSlots().forEach(t -> expected[t] += j.jobId().equals("h-small") ? 100.0 : 300.0);
        }
        assertThat(horizon.jobsKw()).containsExactly(expected, within(1e-9));
        assertThat(java.util.Arrays.stream(horizon.jobsKw()).sum() * 0.25).isCloseTo(2 * (100.0 + 300.0), within(1e-9));
        // Slots 12..15 are 03:00-04:00, the cap's span; no cap elsewhere.
        for (int t = 0; t < horizon.slots(); t++) {
            if (t >= 12 && t < 16) {
                assertThat(horizon.drCapKw()[t]).as("slot %d", t).isEqualTo(900_000);
            } else {
                assertThat(horizon.drCapKw()[t]).as("slot %d", t).isNaN();
            }
        }
    }

    @Test
    void theUnscheduledLoadAPlanCountedIsReadBackFromTheStoreAloneAfterARestart() {
        PlanningSettings settings = new PlanningSettings(96, java.util.Collections.nCopies(24, 0.15), 550, 20,
                Duration.ofSeconds(1), 16);
        ForecastSource site = SiteForecast.source(SITE, settings, Optional::empty);
        double[] load = new double[96];
        for (int t = 0; t < load.length; t++) {
            load[t] = 3000 + t;
        }
        DataSource ds = open();
        new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings, new SettableClock(NOW),
                h -> site.forecast(h).withForecast(site.forecast(h).forecast().withUnscheduledItKw(load)), Runnable::run)
                .submit(job("h-load", 50.0));

        PlanningService restarted = service(open());
        PlanHorizon horizon = restarted.horizon(restarted.latestPlan()).orElseThrow();

        assertThat(horizon.unscheduledKw()).containsExactly(load, within(1e-9));
    }

    @Test
    void aPlanStoredWithoutItsInputsHasNoHorizon() {
        PlanningService planning = service(open());
        planning.submit(job("h-one", 50.0));
        StoredPlan notStored = planning.latestPlan().withId(987_654);

        assertThat(planning.horizon(notStored)).isEmpty();
    }

    private DataSource open() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("kelvin-db"));
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static PlanningService service(DataSource ds) {
        PlanningSettings settings = new PlanningSettings(96, java.util.Collections.nCopies(24, 0.15), 550, 20,
                Duration.ofSeconds(1), 16);
        return new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds),
                new GreedyWindowPlanner(), new GreedyWindowPlanner(), settings, new SettableClock(NOW),
                SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
    }

    private static JobRequest job(String id, double totalKw) {
        return new JobRequest(id, 64, null, totalKw, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(12)), null,
                false, null);
    }
}
