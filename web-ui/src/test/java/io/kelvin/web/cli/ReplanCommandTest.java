package io.kelvin.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.AppPlanners;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.app.SiteForecast;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.state.KelvinDatabase;
import io.kelvin.testkit.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kelvin replan PLAN_ID} against a data dir whose plans the app's planning path stored. */
class ReplanCommandTest {

    private static final Site SITE = SiteLoader.load(Path.of("../site-configs/sites/demo-aidc.yaml"));
    private static final Instant NOW = Instant.parse("2026-06-21T00:05:00Z");

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPlanTheOptimizerStoredIsMadeAgainTheSameFromItsStoredInputs() {
        StoredPlan stored = storePlans(AppPlanners.optimizer(Duration.ofMinutes(1)));

        assertThat(run("replan", String.valueOf(stored.id()))).as(stdout() + stderr()).isZero();

        assertThat(stored.planner()).isEqualTo("optimizer-cbc");
        assertThat(stdout()).contains("plan " + stored.id() + " by optimizer-cbc").contains("inputs " + stored.inputHash())
                .contains("same plan as stored plan " + stored.id());
        // Times in the site's zone (Asia/Shanghai, UTC+8) with the date.
        assertThat(stdout()).contains("horizon from 2026-06-21 08:00 Asia/Shanghai").containsPattern(
                "  cli-b (ON_TIME|LATE) 2026-06-2\\d \\d\\d:\\d\\d \\.\\. 2026-06-2\\d \\d\\d:\\d\\d slots \\[");
    }

    @Test
    void aStoredPlanThatNoLongerMatchesItsInputsIsReportedWithEachDifference() throws Exception {
        StoredPlan stored = storePlans(AppPlanners.fallback());
        DataSource ds = database();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE plan_jobs SET run_slots = '90,91,92,93,94,95,96,97' WHERE plan_id = " + stored.id()
                    + " AND job_id = 'cli-a'");
        }

        assertThat(run("replan", String.valueOf(stored.id()))).isEqualTo(1);

        assertThat(stdout()).contains("DIFFERS from stored plan " + stored.id())
                .contains("cli-a: stored ON_TIME [90, 91, 92, 93, 94, 95, 96, 97], again").doesNotContain("cli-b:");
    }

    @Test
    void anUnknownPlanOrANonNumberIsRefusedNamingTheArgument() {
        storePlans(AppPlanners.fallback());
        assertThat(run("replan", "99999")).isEqualTo(1);
        assertThat(stderr()).contains("PLAN_ID: No plan with id 99999.");
        assertThat(run("replan", "latest")).isEqualTo(1);
        assertThat(stderr()).contains("PLAN_ID: must be a plan number, was 'latest'");
    }

    /** Two jobs submitted to the app's planning path on the data dir's database; returns the newest plan. */
    private StoredPlan storePlans(Planner planner) {
        DataSource ds = database();
        PlanningSettings settings = new PlanningSettings(96, Collections.nCopies(24, 0.15), 550, 20,
                Duration.ofMinutes(1), 16);
        PlanningService planning = new PlanningService(SITE, new JdbcJobStore(ds), new JdbcPlanStore(ds),
                new JdbcJobRunStore(ds), planner, AppPlanners.fallback(), settings, new SettableClock(NOW),
                SiteForecast.source(SITE, settings, Optional::empty), Runnable::run);
        planning.submit(new JobRequest("cli-a", 64, null, 100.0, Duration.ofHours(2), NOW, NOW.plus(Duration.ofHours(10)),
                null, false, null));
        planning.submit(new JobRequest("cli-b", 128, null, 150.0, Duration.ofHours(3), NOW.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(20)), 2, true, Duration.ofMinutes(15)));
        return planning.latestPlan();
    }

    private DataSource database() {
        DataSource ds = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "");
        KelvinDatabase.migrate(ds);
        return ds;
    }

    private int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        return KelvinCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
