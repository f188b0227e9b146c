package io.kelvin.web.dr;

import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.site.DemandResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The VEN's state in {@code /q/health}: {@code vtn} is "not configured" (no demand response), "no VTN
 * configured" (grid API only), "connected" or "unreachable" (backing off); {@code sources} says where events
 * come from (e.g. "no VTN configured, grid API on"), with the VTN's last words and the next attempt. A VTN outage does not make Kelvin
 * unready: the client keeps the events it has and catches up, and the site runs on.
 */
@Readiness
@ApplicationScoped
public class DemandResponseHealth implements HealthCheck {

    private final DemandResponseRuntime dr;

    public DemandResponseHealth(DemandResponseRuntime dr) {
        this.dr = dr;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kelvin-demand-response").up();
        if (dr.venStatus().isEmpty()) {
            return response.withData("vtn", dr.configured() ? "no VTN configured" : "not configured")
                    .withData("sources", dr.sources()).build();
        }
        VenStatus s = dr.venStatus().get();
        response.withData("vtn", s.connected() ? "connected" : s.lastPoll().isEmpty() ? "connecting" : "unreachable")
                .withData("vtnUrl", dr.settings().flatMap(DemandResponse::vtnUrl).orElseThrow().toString())
                .withData("sources", dr.sources())
                .withData("events", s.knownEvents())
                .withData("webhookSubscribed", s.webhookSubscribed())
                .withData("consecutiveFailures", s.consecutiveFailures());
        s.venId().ifPresent(v -> response.withData("venId", v));
        s.lastSuccess().ifPresent(t -> response.withData("lastSuccess", t.toString()));
        s.lastError().ifPresent(e -> response.withData("lastError", e));
        s.lastErrorAt().ifPresent(t -> response.withData("lastErrorAt", t.toString()));
        s.nextAttempt().ifPresent(t -> response.withData("nextAttempt", t.toString()));
        s.lastRefusal().ifPresent(r -> response.withData("lastRefusal", r));
        return response.build();
    }
}
