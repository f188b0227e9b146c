package io.kelvin.web.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.kelvin.core.identity.Role;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class AcquisitionMetricsTest {

    @Test
    void metricsShowHowOftenTheStoreQueueMadeTheCollectorsWaitAndThePollCyclesTheDevicesSkipped() {
        AppReady.awaitReady();

        // the embedded store keeps up with the twin: nobody waited; overruns are a count, never NaN once running
        TestAuth.as(Role.VIEWER).get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("kelvin_store_backpressured 0.0"))
                .body(matchesPattern("(?s).*\\nkelvin_collect_poll_overruns [0-9]+\\.[0-9]+\\n.*"))
                .body(matchesPattern("(?s).*\\nkelvin_collect_poll_overruns_last_minute [0-9]+\\.[0-9]+\\n.*"));
    }
}
