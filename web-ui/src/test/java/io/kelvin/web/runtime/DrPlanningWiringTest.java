package io.kelvin.web.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrPlanning;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.TempDataDir;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Demand response reaches the app's one planning path through the core DrPlanning port the app wires. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class DrPlanningWiringTest {

    @Inject
    DrPlanning drPlanning;

    @Inject
    PlanningService planning;

    @Inject
    KelvinRuntime runtime;

    @Test
    void theTwinsItLoadFollowsTheDispatchedPlan() {
        var twin = runtime.twin().orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        planning.submit(new JobRequest("twin-dispatch", 512, null, 480.0, Duration.ofHours(1), now,
                now.plus(Duration.ofHours(12)), null, false, null));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Instant at = twin.now();
            assertThat(planning.itKwAt(at)).isPresent();
            // Once the 10 s ramp is over the jobs' part draws exactly what is dispatched; the twin's own
            // unscheduled load comes on top.
            // The twin takes the dispatched plan at its next one-second step: until then, assert (and retry) again.
            assertThat(twin.dispatchedItLoad()).isPresent();
            var parts = twin.dispatchedItLoad().orElseThrow();
            assertThat(parts.scheduledKw()).isCloseTo(planning.itKwAt(at).getAsDouble(),
                    org.assertj.core.api.Assertions.within(1.0));
            assertThat(parts.unscheduledKw()).isPositive();
        });
    }

    @Test
    void theDrPlanningPortIsTheAppsPlanningServiceAndReportsWhatACapCannotKeep() {
        assertThat(drPlanning).isSameAs(planning);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        planning.submit(new JobRequest("dr-wiring", 8, null, 8.0, Duration.ofHours(1), now, now.plus(Duration.ofHours(12)),
                null, false, null));
        EventRef ref = new EventRef("prog-test", "evt-wiring", now);
        Instant from = now.plus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofHours(2));
        DrDirective zeroCap = new DrDirective(ref, "wiring", 1, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                DrSignal.Direction.IMPORT, 0, false, "IMPORT_CAPACITY_LIMIT")), List.of());

        try {
            DrPlanOutcome outcome = drPlanning.replanFor(List.of(zeroCap));

            assertThat(outcome.planId()).isPositive();
            StoredPlan plan = planning.plan(outcome.planId());
            Instant capFrom = from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(
                    from.atZone(java.time.ZoneOffset.UTC).getMinute() / 15 * 15L));
            double peak = plan.slots().stream().filter(sl -> !sl.start().isBefore(capFrom) && sl.start().isBefore(to))
                    .mapToDouble(PlannedSlot::gridImportKw).max().orElseThrow();
            // A 0 kW cap is kept only where PV covers the whole site; elsewhere the plan says by how much it is not.
            if (peak > 1e-6) {
                assertThat(outcome.shortfalls()).singleElement().satisfies(s -> {
                    assertThat(s.event()).isEqualTo(ref);
                    assertThat(s.peakKw()).isCloseTo(peak, org.assertj.core.api.Assertions.within(1e-6));
                });
            } else {
                assertThat(outcome.capsKept()).isTrue();
            }
        } finally {
            assertThat(drPlanning.replanFor(List.of()).capsKept()).isTrue();
        }
    }
}
