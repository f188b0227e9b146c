package io.kelvin.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits until the application under test reports ready: twin up, collectors delivering. */
public final class AppReady {

    /** The twin starts its OPC UA servers (key generation) and the collectors connect; allow for a loaded machine. */
    public static final Duration TIMEOUT = Duration.ofSeconds(90);

    private AppReady() {
    }

    public static void awaitReady() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
