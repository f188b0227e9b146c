package io.kelvin.energyoptimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.plan.JobRunStore;
import io.kelvin.core.plan.JobStore;
import io.kelvin.core.plan.PlanStore;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.app.SiteForecast;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The replay's in-memory stores answer as the state module's JDBC adapters do, so a replay plans through the app's
 * {@link PlanningService} exactly as the app does on its database.
 */
class ReplayStateTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant T0 = Instant.parse("2026-06-21T00:00:00Z");
    private static final List<Double> TARIFF = List.of(0.30, 0.30, 0.10, 0.10, 0.10, 0.30, 0.30, 0.30, 0.30, 0.30,
            0.30, 0.30, 0.05, 0.05, 0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.30);

    @Test
    void theAppsPlanningServiceMakesTheSamePlansAndRunRecordsOverTheReplaysStoresAsOverItsDatabase() {
        ReplayState memory = new ReplayState();
        DataSource ds = h2();
        Script inMemory = run(memory, memory, memory);
        Script onDatabase = run(new JdbcJobStore(ds), new JdbcPlanStore(ds), new JdbcJobRunStore(ds));

        assertThat(inMemory.plans).hasSizeGreaterThan(5).isEqualTo(onDatabase.plans);
        assertThat(inMemory.runs).isEqualTo(onDatabase.runs);
        assertThat(inMemory.candidates).isEqualTo(onDatabase.candidates);
        // The script's jobs ran: some finished, one was cancelled before it ran.
        assertThat(inMemory.runs).containsKeys("a", "b", "c").doesNotContainKey("cancelled");
    }

    @Test
    void aSlotDispatchedAgainIsReplacedNotAddedTo() {
        ReplayState s = new ReplayState();
        Instant slot = T0.plus(Duration.ofMinutes(15));
        s.dispatch(1, Map.of(T0, List.of("a", "b"), slot, List.of("a")));
        s.dispatch(2, Map.of(slot, List.of("b")));

        assertThat(s.runsOf(List.of("a", "b", "x"))).isEqualTo(Map.of("a", List.of(T0), "b", List.of(T0, slot)));
        assertThat(s.runsBetween(T0, slot)).isEqualTo(new TreeMap<>(Map.of(T0, List.of("a", "b"))));
        assertThat(s.runsBetween(slot, T0)).isEmpty();
    }

    /** The same submissions, cancellation and clock steps on a service over the given stores. */
    private static Script run(JobStore jobs, PlanStore plans, JobRunStore runs) {
        SettableClock clock = new SettableClock(T0);
        PlanningSettings settings = new PlanningSettings(32, TARIFF, 400, 20, Duration.ofSeconds(1), 8);
        PlanningService service = new PlanningService(SITE, jobs, plans, runs, new GreedyWindowPlanner(),
                new GreedyWindowPlanner(), settings, clock, SiteForecast.source(SITE, settings, Optional::empty),
                Runnable::run);
        Script out = new Script();
        for (int t = 0; t < 24; t++) {
            Instant now = T0.plus(Duration.ofMinutes(15L * t));
            clock.set(now);
            switch (t) {
                case 0 -> {
                    service.submit(job("a", now, now.plus(Duration.ofHours(5)), Duration.ofHours(2), true));
                    service.submit(job("b", now, now.plus(Duration.ofHours(3)), Duration.ofHours(1), false));
                }
                case 3 -> service.submit(job("cancelled", now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(6)),
                        Duration.ofHours(1), false));
                case 4 -> service.cancel("cancelled");
                case 6 -> service.submit(job("c", now, now.plus(Duration.ofHours(2)), Duration.ofMinutes(45), true));
                default -> service.replan("interval");
            }
            out.plans.add(service.dispatchedPlan().map(ReplayStateTest::placed).orElse(now + ": nothing to plan"));
        }
        List<String> ids = List.of("a", "b", "c", "cancelled");
        out.runs.putAll(runs.runsOf(ids));
        out.candidates.addAll(jobs.candidates(T0, T0).stream().map(StoredJob::id).toList());
        return out;
    }

    private static String placed(StoredPlan p) {
        Map<String, List<Integer>> placed = new TreeMap<>();
        p.jobs().forEach(j -> placed.put(j.jobId(), j.runSlots()));
        return p.id() + " " + p.horizonStart() + " " + placed;
    }

    private static JobRequest job(String id, Instant release, Instant deadline, Duration work, boolean pausable) {
        return new JobRequest(id, 256, null, 400.0, work, release, deadline, null, pausable,
                pausable ? Duration.ofMinutes(15) : null);
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:replay-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("kelvin");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static final class Script {
        final List<String> plans = new ArrayList<>();
        final Map<String, List<Instant>> runs = new TreeMap<>();
        final List<String> candidates = new ArrayList<>();
    }
}
