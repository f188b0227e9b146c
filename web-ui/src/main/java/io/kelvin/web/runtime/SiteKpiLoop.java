package io.kelvin.web.runtime;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Derives the live site totals (PUE, loads, renewables) once a second. */
@ApplicationScoped
class SiteKpiLoop {

    private final KelvinRuntime runtime;

    SiteKpiLoop(KelvinRuntime runtime) {
        this.runtime = runtime;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void derive() {
        runtime.deriveSiteKpis();
    }
}
