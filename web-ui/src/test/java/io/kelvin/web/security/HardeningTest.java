package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.kelvin.core.identity.Role;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Bad input and hostile requests get problem+json with the right status, never the dashboard page. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class HardeningTest {

    @Test
    void unknownPathsUnderApiAre404ProblemJsonForAnyoneAndAnyMethod() {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            given().request(method, "/api/v1/no-such-thing").then().statusCode(404)
                    .contentType("application/problem+json");
            TestAuth.as(Role.VIEWER).request(method, "/api/v2/points").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void wrongMethodOnAPointIsAProblemNotTheDashboard() {
        Response post = TestAuth.as(Role.VIEWER).post("/api/v1/points/cdu-01.supply_temp_c");
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(post.contentType()).startsWith("application/problem+json");
        Response latest = TestAuth.as(Role.VIEWER).post("/api/v1/points/latest");
        assertThat(latest.statusCode()).isIn(404, 405);
        assertThat(latest.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nonNumericQueryParametersAre400NamingTheParameter() {
        TestAuth.as(Role.VIEWER).get("/api/v1/points/site.pue/history?minutes=abc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("minutes:"));
        TestAuth.as(Role.VIEWER).get("/api/v1/points/site.pue/history?step=1.5").then().statusCode(400)
                .body("detail", startsWith("step:"));
        TestAuth.as(Role.VIEWER).get("/api/v1/alarms?limit=abc").then().statusCode(400).body("detail", startsWith("limit:"));
        TestAuth.as(Role.VIEWER).get("/api/v1/plans?limit=abc").then().statusCode(400).body("detail", startsWith("limit:"));
        TestAuth.as(Role.AUDITOR).get("/api/v1/audit?offset=x").then().statusCode(400).body("detail", startsWith("offset:"));
    }

    @Test
    void unknownPathsUnderQAre404AndHealthRefusesPutAndDelete() {
        given().get("/q/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().put("/q/health").then().statusCode(405).header("Allow", containsString("GET"));
        given().delete("/q/health/ready").then().statusCode(405);
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        for (Response r : new Response[] {given().get("/login"), given().get("/q/health"),
                TestAuth.as(Role.VIEWER).get("/api/v1/points/latest"), given().get("/api/v1/points/latest")}) {
            assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void requestForAHostNameNotAllowedIsRefused() {
        // DNS rebinding: a page on attacker.example whose name now resolves to 127.0.0.1.
        given().header("Host", "attacker.example").get("/q/health").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("host:"));
    }

    @Test
    void corsIsClosed() {
        Response preflight = given().header("Origin", "http://attacker.example")
                .header("Access-Control-Request-Method", "GET").options("/api/v1/points/latest");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Response get = TestAuth.as(Role.VIEWER).header("Origin", "http://attacker.example").get("/api/v1/points/latest");
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }
}
