package io.kelvin.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.plan.ClusterDispatch;
import io.kelvin.core.site.Site;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchedItLoadTest {

    private static final Instant NIGHT = Instant.parse("2025-07-20T02:00:00Z");
    /** The slot boundary where the dispatched plan pauses jobs. */
    private static final Instant BOUNDARY = NIGHT.plus(Duration.ofMinutes(15));

    @TempDir
    Path dir;
    Site site;

    @BeforeEach
    void loadSite() {
        site = SiteFixtures.demoSite(dir);
    }

    /** 6,000 kW of IT until the boundary, 4,000 kW after it. */
    private static final ClusterDispatch PLAN = at -> OptionalDouble.of(at.isBefore(BOUNDARY) ? 6000.0 : 4000.0);
    /** 4,000 kW of IT until the boundary, 6,000 kW after it. */
    private static final ClusterDispatch RISE = at -> OptionalDouble.of(at.isBefore(BOUNDARY) ? 4000.0 : 6000.0);

    @Test
    void aRiseStartsAtTheSlotBoundaryAndTakesTheRamp() {
        PlantModel model = PlantModel.create(site, 3, NIGHT);
        model.follow(RISE, 0.0);
        model.advanceTo(BOUNDARY.minusSeconds(1));
        assertThat(model.totals().itKw()).isCloseTo(4000.0, within(1e-6));
        model.advanceTo(BOUNDARY.plusSeconds(5));
        assertThat(model.totals().itKw()).isCloseTo(5000.0, within(1e-6));
        model.advanceTo(BOUNDARY.plusSeconds((long) ItLoad.RAMP_SECONDS));
        assertThat(model.totals().itKw()).isCloseTo(6000.0, within(1e-6));
    }

    @Test
    void itLoadFollowsTheDispatchedPlanAndIsDownToALowerSlotsPowerWhenTheSlotBegins() {
        PlantModel model = PlantModel.create(site, 3, NIGHT);
        model.follow(PLAN, 0.0);
        long ramp = (long) ItLoad.RAMP_SECONDS;
        model.advanceTo(BOUNDARY.minusSeconds(ramp + 1));
        assertThat(model.totals().itKw()).isCloseTo(6000.0, within(1e-6));
        double gridBefore = model.totals().gridKw();

        // A fall is anticipated: the ramp down begins RAMP_SECONDS before the boundary and ends on it.
        model.advanceTo(BOUNDARY.minusSeconds(ramp / 2));
        assertThat(model.totals().itKw()).as("half-way down the ramp").isCloseTo(5000.0, within(1e-6));
        model.advanceTo(BOUNDARY);
        assertThat(model.totals().itKw()).isCloseTo(4000.0, within(1e-6));
        model.advanceTo(BOUNDARY.plus(Duration.ofMinutes(5)));
        assertThat(model.totals().gridKw()).as("the metered import falls with the IT load")
                .isLessThan(gridBefore - 2000.0);
    }

    @Test
    void unscheduledLoadComesOnTopOfThePlanAndTheDailyPatternReturnsWithoutAPlan() {
        PlantModel planned = PlantModel.create(site, 3, NIGHT);
        planned.follow(PLAN, 500.0);
        planned.advanceTo(BOUNDARY.minusSeconds(60));
        assertThat(planned.totals().itKw()).isBetween(6000.0 + 250.0, 6000.0 + 750.0);

        PlantModel free = PlantModel.create(site, 3, NIGHT);
        free.follow(at -> OptionalDouble.empty(), 500.0);
        PlantModel untouched = PlantModel.create(site, 3, NIGHT);
        free.advanceTo(BOUNDARY);
        untouched.advanceTo(BOUNDARY);
        assertThat(free.totals()).isEqualTo(untouched.totals());
    }
}
