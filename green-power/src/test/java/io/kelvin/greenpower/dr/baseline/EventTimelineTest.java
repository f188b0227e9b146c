package io.kelvin.greenpower.dr.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.testkit.MemoryTelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The timeline of an event on a store holding 20 days of a grid meter at 1000 kW, then 1100 kW on the event
 * day (Wednesday 2026-07-15, UTC) with 600 kW during the event 14:00-15:00 (cap 800 kW) and no data at 16:00.
 */
class EventTimelineTest {

    private static final PointId GRID = PointId.parse("meter-grid.active_power_kw");
    private static final Instant START = Instant.parse("2026-07-15T14:00:00Z");
    private static final Instant END = Instant.parse("2026-07-15T15:00:00Z");
    private static final Instant DAY = Instant.parse("2026-07-15T00:00:00Z");

    private static DrSignal.CapLimit cap(Instant from, Instant to, double kw) {
        return new DrSignal.CapLimit(new EventRef("prog", "ev", DAY), from, to, DrSignal.Direction.IMPORT, kw, true,
                "IMPORT_CAPACITY_LIMIT");
    }

    private static MemoryTelemetryStore store() {
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        store.fill(GRID, DAY.minus(Duration.ofDays(20)), Instant.parse("2026-07-15T17:00:00Z"), Duration.ofMinutes(15), t -> {
            if (t.isBefore(DAY)) {
                return 1000.0;
            }
            if (t.equals(Instant.parse("2026-07-15T16:00:00Z"))) {
                return Double.NaN;
            }
            return !t.isBefore(START) && t.isBefore(END) ? 600.0 : 1100.0;
        });
        return store;
    }

    @Test
    void aPastEventShowsTheMeteredImportTheCapAndTheBaselineTwoHoursEitherSideWithGapsLeftEmpty() {
        EventTimeline.Timeline timeline = EventTimeline.of(store(), List.of(GRID), START, END,
                List.of(cap(START, END, 800)), ZoneOffset.UTC, Set.of());

        assertThat(timeline.from()).isEqualTo(START.minus(EventTimeline.MARGIN));
        assertThat(timeline.to()).isEqualTo(END.plus(EventTimeline.MARGIN));
        assertThat(timeline.steps()).hasSize(20);
        assertThat(timeline.noBaseline()).isEmpty();
        for (EventTimeline.Step step : timeline.steps()) {
            boolean during = !step.start().isBefore(START) && step.start().isBefore(END);
            assertThat(step.capKw().isPresent()).as("cap at %s", step.start()).isEqualTo(during);
            assertThat(step.baselineKw().isPresent()).as("baseline at %s", step.start()).isEqualTo(during);
            if (during) {
                assertThat(step.capKw().getAsDouble()).isEqualTo(800);
                // 10 weekdays at 1000 kW, day-of ratio 1100 / 1000
                assertThat(step.baselineKw().getAsDouble()).isCloseTo(1100, within(1e-9));
                assertThat(step.importKw().getAsDouble()).isEqualTo(600);
            }
        }
        assertThat(timeline.steps()).filteredOn(s -> s.start().equals(Instant.parse("2026-07-15T16:00:00Z")))
                .singleElement().satisfies(s -> assertThat(s.importKw()).as("no data: empty, not filled").isEmpty());
        assertThat(timeline.steps()).filteredOn(s -> !s.start().isBefore(Instant.parse("2026-07-15T17:00:00Z")))
                .allSatisfy(s -> assertThat(s.importKw()).isEmpty());
        // requested (1100 - 800) x 1 h = 300 kWh, delivered (1100 - 600) x 1 h = 500 kWh
        EventPerformance.Totals totals = timeline.performance().orElseThrow().totals();
        assertThat(totals.requestedKwh()).isCloseTo(300, within(1e-9));
        assertThat(totals.deliveredKwh()).isCloseTo(500, within(1e-9));
        assertThat(totals.intervalsKept()).isEqualTo(1);
    }

    @Test
    void withoutPriorMeterDataTheBaselineIsMissingWithTheReason() {
        Instant later = Instant.parse("2026-09-01T14:00:00Z");
        EventTimeline.Timeline timeline = EventTimeline.of(store(), List.of(GRID), later, later.plus(Duration.ofHours(1)),
                List.of(cap(later, later.plus(Duration.ofHours(1)), 800)), ZoneOffset.UTC, Set.of());

        assertThat(timeline.noBaseline()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("no CAISO 10-in-10 baseline: only 0 eligible day(s) of 10 in the last 45 days"));
        assertThat(timeline.steps()).allSatisfy(s -> {
            assertThat(s.importKw()).isEmpty();
            assertThat(s.baselineKw()).isEmpty();
        });
        assertThat(timeline.performance().orElseThrow().intervals()).singleElement()
                .satisfies(i -> assertThat(i.capKept()).isEmpty());
    }

    @Test
    void anEventWithoutAnImportCapHasATimelineButNoBaseline() {
        EventTimeline.Timeline timeline = EventTimeline.of(store(), List.of(GRID), START, END, List.of(), ZoneOffset.UTC,
                Set.of());

        assertThat(timeline.performance()).isEmpty();
        assertThat(timeline.noBaseline()).contains("the event sets no import cap: there is nothing to measure against a baseline");
        assertThat(timeline.steps()).filteredOn(s -> s.importKw().isPresent()).hasSize(20 - 1);
    }

    @Test
    void anActiveEventIsMeteredUpToNowAndItsIntervalCountsOnlyTheMeasuredSteps() {
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        Instant now = START.plus(Duration.ofMinutes(30));
        store.fill(GRID, DAY.minus(Duration.ofDays(20)), now, Duration.ofMinutes(15),
                t -> !t.isBefore(START) ? 600.0 : t.isBefore(DAY) ? 1000.0 : 1100.0);

        EventTimeline.Timeline timeline = EventTimeline.of(store, List.of(GRID), START, END, List.of(cap(START, END, 800)),
                ZoneOffset.UTC, Set.of());

        assertThat(timeline.steps()).filteredOn(s -> !s.start().isBefore(START) && s.start().isBefore(END))
                .extracting(s -> s.importKw().isPresent()).containsExactly(true, true, false, false);
        EventPerformance.Interval interval = timeline.performance().orElseThrow().intervals().getFirst();
        // two measured steps: requested (1100 - 800) x 0.5 h = 150 kWh, delivered (1100 - 600) x 0.5 h = 250 kWh
        assertThat(interval.measuredSteps()).isEqualTo(2);
        assertThat(interval.measuredShare()).isEqualTo(0.5);
        assertThat(interval.requestedKwh()).isCloseTo(150, within(1e-9));
        assertThat(interval.deliveredKwh()).isCloseTo(250, within(1e-9));
    }
}
