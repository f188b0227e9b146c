package io.kelvin.web.api;

import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.web.runtime.KelvinRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the runtime has started and the live snapshot holds samples from the devices. */
@Readiness
@ApplicationScoped
public class RuntimeReadiness implements HealthCheck {

    private final KelvinRuntime runtime;
    private final LatestValues latest;

    public RuntimeReadiness(KelvinRuntime runtime, LatestValues latest) {
        this.runtime = runtime;
        this.latest = latest;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kelvin-runtime")
                .status(runtime.ready())
                .withData("points", latest.size())
                .build();
    }
}
