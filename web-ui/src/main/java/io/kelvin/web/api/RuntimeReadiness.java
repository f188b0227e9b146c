package io.kelvin.web.api;

import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.web.runtime.KelvinRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the runtime has started and the live snapshot holds samples from the devices. The
 * store writer's state rides along as data ({@code store}: a one-line message, {@code samplesLost});
 * a full disk or a store outage does not make the app unready, since collection and the live view
 * go on and the writer recovers by itself.
 */
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kelvin-runtime")
                .status(runtime.ready())
                .withData("points", latest.size());
        runtime.storeWriterHealth().ifPresent(health -> response
                .withData("store", health.message())
                .withData("samplesLost", health.dropped()));
        return response.build();
    }
}
