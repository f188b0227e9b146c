package io.kelvin.web.metrics;

import io.kelvin.collectors.pipeline.StoreWriterHealth;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.runtime.KelvinRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the running site at {@code /q/metrics}, read when scraped: the store writer's samples
 * waiting ({@code kelvin_store_pending_samples}: queue, in flight and journal), samples in the journal
 * ({@code kelvin_store_journal_samples}) and lost ({@code kelvin_store_dropped_samples}), the times a
 * full queue made the collectors wait ({@code kelvin_store_backpressured}) and the poll cycles all
 * devices skipped meanwhile ({@code kelvin_collect_poll_overruns}); the newest
 * plan's age ({@code kelvin_plan_age_seconds}) and solve time ({@code kelvin_plan_solve_seconds}), NaN
 * before the first plan. Device gauges belong with device health.
 */
@ApplicationScoped
public class RuntimeMetrics {

    private final MeterRegistry registry;
    private final KelvinRuntime runtime;
    private final PlanningService planning;
    private final InstantSource clock;

    RuntimeMetrics(MeterRegistry registry, KelvinRuntime runtime, PlanningService planning, InstantSource clock) {
        this.registry = registry;
        this.runtime = runtime;
        this.planning = planning;
        this.clock = clock;
    }

    void register(@Observes StartupEvent event) {
        store("kelvin.store.pending.samples", "Samples not yet in the store", StoreWriterHealth::pending);
        store("kelvin.store.dropped.samples", "Samples lost since start", StoreWriterHealth::dropped);
        store("kelvin.store.backpressured", "Hand-overs that waited for room in the store writer's full queue",
                StoreWriterHealth::backPressured);
        Gauge.builder("kelvin.collect.poll.overruns", runtime, r -> r.pollOverruns().orElse(Double.NaN))
                .description("Poll cycles skipped since start because a poll or the store queue held the device up")
                .register(registry);
        Gauge.builder("kelvin.collect.poll.overruns.last.minute", runtime, r -> r.pollOverrunsLastMinute().orElse(Double.NaN))
                .description("Poll cycles skipped in the last minute: overload happening now")
                .register(registry);
        Gauge.builder("kelvin.store.journal.samples", runtime, r -> r.journalSamples().orElse(Double.NaN))
                .description("Samples waiting in the journal for the store").register(registry);
        Gauge.builder("kelvin.plan.age.seconds", this, m -> m.latestPlan()
                        .map(p -> (double) Duration.between(p.createdAt(), clock.instant()).toSeconds()).orElse(Double.NaN))
                .description("Age of the newest plan").register(registry);
        Gauge.builder("kelvin.plan.solve.seconds", this, m -> m.latestPlan().map(p -> p.solveMillis() / 1000.0)
                        .orElse(Double.NaN))
                .description("Solve time of the newest plan").register(registry);
    }

    private void store(String name, String description, ToDoubleFunction<StoreWriterHealth> value) {
        Gauge.builder(name, runtime, r -> r.storeWriterHealth().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).register(registry);
    }

    private Optional<StoredPlan> latestPlan() {
        try {
            return Optional.of(planning.latestPlan());
        } catch (NoSuchEntryException none) {
            return Optional.empty();
        }
    }
}
