package io.kelvin.web.runtime;

import io.kelvin.energyoptimizer.app.CapGuard;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs the DR cap guard on the grid meter every second (it acts only while a DR import cap is in force). */
@ApplicationScoped
public class CapGuardLoop {

    private static final Logger LOG = Logger.getLogger(CapGuardLoop.class);

    private final CapGuard guard;

    public CapGuardLoop(CapGuard guard) {
        this.guard = guard;
    }

    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            guard.check();
        } catch (RuntimeException e) {
            LOG.error("DR cap guard pass failed; the next pass runs in a second", e);
        }
    }
}
