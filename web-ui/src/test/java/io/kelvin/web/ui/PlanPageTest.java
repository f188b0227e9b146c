package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import io.kelvin.core.site.Site;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plan view in headless Chromium against the running app: jobs submitted through the API show up as a chart of
 * the horizon and a Gantt with the planner's explanation on hover; screenshot target/screenshots/plan-view.png.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class PlanPageTest extends BrowserPageTest {

    private static final List<String> JOBS = List.of("view-train-a", "view-train-b", "view-infer-c");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Site site;

    @Test
    void aViewerSeesTheHorizonAndEveryJobAsABarWithItsExplanationOnHover() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        submit(JOBS.get(0), now, now.plus(Duration.ofHours(12)), 64, 60.0, "PT2H");
        submit(JOBS.get(1), now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(20)), 128, 120.0, "PT3H",
                "team-view");
        submit(JOBS.get(2), now, now.plus(Duration.ofHours(6)), 32, 30.0, "PT1H");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> TestAuth.as(Role.VIEWER).get("/api/v1/plan").then().statusCode(200).extract().jsonPath()
                        .getList("jobs.jobId"), ids -> ids.containsAll(JOBS));

        // Tall enough for the whole page, so the screenshot shows header, chart, Gantt with a tooltip, and inputs.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1900));
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        browser.get(root + "plan");
        WebDriverWait wait = new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);

        // One bar per job: none of these may pause, so each runs in one unbroken stretch.
        wait.until(d -> JOBS.stream().allMatch(id -> d.findElements(By.cssSelector("#plan-gantt .gantt-bar[data-job='"
                + id + "']")).size() == 1));
        for (String id : JOBS) {
            assertThat(browser.findElements(By.cssSelector("#plan-gantt .gantt-row[data-job='" + id + "'] .gantt-release")))
                    .as("release mark of %s", id).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("#plan-gantt .gantt-row[data-job='" + id + "'] .gantt-deadline")))
                    .as("deadline mark of %s", id).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("#plan-gantt .gantt-row[data-job='" + id + "']"))
                    .getDomAttribute("data-state")).isIn("PLANNED", "RUNNING", "LATE");
        }

        // The tooltip over a bar says what the planner said about the job in the plan the page shows.
        String shown = wait.until(d -> {
            String explanation = explanation(d.findElement(By.id("plan-id")).getText(), JOBS.get(1));
            WebElement bar = d.findElement(By.cssSelector("#plan-gantt .gantt-bar[data-job='" + JOBS.get(1) + "']"));
            new Actions(d).moveToElement(bar).perform();
            WebElement tip = d.findElement(By.cssSelector("#plan-gantt .gantt-tooltip"));
            return tip.isDisplayed() && tip.getText().contains(explanation) ? tip.getText() : null;
        });
        assertThat(shown).startsWith(JOBS.get(1)).contains("Window ").contains(site.info().timezone().getId())
                .contains("Project team-view");

        // The horizon: a value per slot of the plan, the jobs' power among the series, in the site's zone.
        WebElement chart = browser.findElement(By.id("plan-chart"));
        int slots = TestAuth.as(Role.VIEWER).get("/api/v1/plans/" + browser.findElement(By.id("plan-id")).getText()).then().statusCode(200).extract().jsonPath()
                .getList("slots").size();
        assertThat(chart.getDomAttribute("data-slots")).isEqualTo(String.valueOf(slots));
        assertThat(chart.getDomAttribute("data-series")).contains("IT not scheduled by Kelvin", "Planned jobs",
                "IT load (plan)", "PV P10–P90", "PV", "Wind P10–P90", "Wind", "DR import cap", "Carbon intensity",
                "Import price");
        Number busySlots = (Number) browser.executeScript("return document.getElementById('plan-chart').data.series.jobsKw"
                + ".filter(v => v !== null && v > 0).length;");
        assertThat(busySlots.intValue()).as("slots with planned jobs").isGreaterThanOrEqualTo(3 * 4);

        // The wind band the chart draws is the plan's, slot by slot, as GET /api/v1/plans/{id} gives it.
        Object[] wind = wait.until(d -> {
            String id = d.findElement(By.id("plan-id")).getText();
            Object series = ((JavascriptExecutor) d).executeScript("const s = document.getElementById('plan-chart')"
                    + ".data.series; return [s.windKw, s.windP10Kw, s.windP90Kw];");
            return id.equals(d.findElement(By.id("plan-id")).getText()) ? new Object[] {id, series} : null;
        });
        JsonPath windPlan = TestAuth.as(Role.VIEWER).get("/api/v1/plans/" + wind[0]).then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        @SuppressWarnings("unchecked")
        List<List<Number>> drawn = (List<List<Number>>) wind[1];
        List<String> keys = List.of("windKw", "windP10Kw", "windP90Kw");
        for (int k = 0; k < keys.size(); k++) {
            List<Double> api = windPlan.getList("slots." + keys.get(k), Double.class);
            assertThat(api).as("%s of plan %s", keys.get(k), wind[0]).hasSize(slots).doesNotContainNull();
            assertThat(drawn.get(k)).as("drawn %s", keys.get(k)).hasSize(slots);
            for (int t = 0; t < slots; t++) {
                assertThat(drawn.get(k).get(t).doubleValue()).as("%s slot %d", keys.get(k), t)
                        .isCloseTo(api.get(t), within(1e-9));
            }
        }

        // The Gantt's time axis is the chart's: each bar starts and ends where the chart puts its first and end slot.
        for (String id : JOBS) {
            @SuppressWarnings("unchecked")
            List<Number> xs = (List<Number>) browser.executeScript("const c = document.getElementById('plan-chart');"
                    + " const g = document.getElementById('plan-gantt');"
                    + " const job = g.data.jobs.find(j => j.id === arguments[0]);"
                    + " const first = Math.min(...job.runSlots); const end = Math.max(...job.runSlots) + 1;"
                    + " const bar = g.querySelector(`.gantt-bar[data-job='${arguments[0]}']`).getBoundingClientRect();"
                    + " return [bar.left, bar.right, c.xPixel(g.data.start + first * g.data.slotMillis),"
                    + " c.xPixel(g.data.start + end * g.data.slotMillis), c.data.times[0] - g.data.start];", id);
            assertThat(xs.get(4).doubleValue()).as("same horizon start").isZero();
            assertThat(xs.get(0).doubleValue()).as("%s starts at the chart's x", id)
                    .isCloseTo(xs.get(2).doubleValue(), within(2.0));
            assertThat(xs.get(1).doubleValue()).as("%s ends at the chart's x", id)
                    .isCloseTo(xs.get(3).doubleValue(), within(2.0));
        }

        // The header shows the gap to the bound the planner proved, as GET /api/v1/plans/{id} gives it.
        String[] gap = wait.until(d -> {
            String id = d.findElement(By.id("plan-id")).getText();
            String text = d.findElement(By.id("plan-gap")).getText();
            return id.equals(d.findElement(By.id("plan-id")).getText()) ? new String[] {id, text} : null;
        });
        JsonPath shownPlan = TestAuth.as(Role.VIEWER).get("/api/v1/plans/" + gap[0]).then().statusCode(200).extract()
                .jsonPath();
        if (shownPlan.get("bound") == null) {
            assertThat(gap[1]).isEqualTo("no bound");
        } else {
            assertThat(gap[1]).isEqualTo(String.format(java.util.Locale.ENGLISH, "gap %.1f %% (bound %,.0f EUR)",
                    shownPlan.getDouble("bound.gap") * 100, shownPlan.getDouble("bound.lowerBoundEur")));
        }
        assertThat(browser.findElement(By.id("plan-made")).getText()).contains(site.info().timezone().getId());
        assertThat(browser.findElement(By.id("plan-status")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("plan-none")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        // The test site configures no market-based carbon feed: the plan used a fallback there, and says so.
        assertThat(browser.findElement(By.id("plan-inputs-warning")).getText())
                .contains("inputs were fallbacks or not fresh").contains("CARBON_MARKET_BASED (NOT_CONFIGURED");
        BrowserLogin.screenshot(browser, "plan-view");
    }

    @Test
    void anOpenPlanViewShowsTheNextPlanWithItsNewJobWithoutAReload() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        browser.get(root + "plan");
        WebDriverWait wait = new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        // Whatever the view shows first (another test's plan, or none yet) is what it shows before the job exists.
        String before = wait.until(d -> d.findElements(By.id("plan-none")).stream().anyMatch(WebElement::isDisplayed)
                ? "none" : d.findElements(By.id("plan-id")).stream().map(WebElement::getText).filter(t -> !t.isBlank())
                .findFirst().orElse(null));
        // A mark on this document: a reload or navigation would drop it.
        browser.executeScript("window.kelvinSameDocument = true;");
        String job = "live-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        submit(job, now, now.plus(Duration.ofHours(8)), 16, 20.0, "PT1H");

        long planned = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> TestAuth.as(Role.VIEWER).get("/api/v1/plan").then().statusCode(200).extract().jsonPath(),
                        plan -> plan.getList("jobs.jobId").contains(job)).getLong("id");
        // The open page picks the new plan up on its own (it checks every 5 s): the header's id and the job's row.
        long shown = wait.withTimeout(Duration.ofSeconds(30)).until(d -> {
            String id = d.findElement(By.id("plan-id")).getText();
            boolean row = !d.findElements(By.cssSelector("#plan-gantt .gantt-row[data-job='" + job + "']")).isEmpty();
            return row && !id.isBlank() && Long.parseLong(id) >= planned ? Long.parseLong(id) : null;
        });
        assertThat(String.valueOf(shown)).isNotEqualTo(before);
        assertThat(browser.executeScript("return window.kelvinSameDocument === true;")).isEqualTo(Boolean.TRUE);
        assertThat(browser.findElements(By.id("plan-none")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        BrowserLogin.screenshot(browser, "plan-view-live");
    }

    @Test
    void ganttHourGridFollowsTheSiteWallClockAtEvenlySpacedInstantsAcrossTheAutumnChange() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        browser.get(root + "plan");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.executeScript("return !!customElements.get('kelvin-plan-gantt');")));
        // 12 h from 2026-10-24T22:00Z (00:00 CEST) in Europe/Berlin: the clock goes back at 01:00Z, so 03:00 CET is 4 h
        // after midnight and 06:00 CET 3 h after that; the grid sits at those instants on the Gantt's even time scale.
        @SuppressWarnings("unchecked")
        List<List<Object>> labels = (List<List<Object>>) browser.executeScript("const g = document.createElement('kelvin-plan-gantt');"
                + " g.style.width = '1000px'; document.body.appendChild(g);"
                + " g.data = JSON.stringify({ start: Date.parse('2026-10-24T22:00:00Z'), slotMillis: 900000, slots: 48, now: 0,"
                + "   zone: 'Europe/Berlin', jobs: [{ id: 'j', state: 'PLANNED', outcome: 'ON_TIME', runSlots: [0],"
                + "   release: null, deadline: null, explanation: '', details: [] }] });"
                + " return [...g.querySelectorAll('.gantt-hour')].map(t => [t.textContent, Number(t.getAttribute('x'))]);");
        assertThat(labels).extracting(l -> l.get(0)).containsExactly("2026-10-25", "03:00", "06:00", "09:00");
        double midnight = ((Number) labels.get(0).get(1)).doubleValue();
        double three = ((Number) labels.get(1).get(1)).doubleValue();
        double six = ((Number) labels.get(2).get(1)).doubleValue();
        assertThat((three - midnight) / (six - three)).isCloseTo(4.0 / 3.0, within(1e-6));
    }

    @Test
    void chartAndGanttTicksFallOnTheSiteWallClockHoursInHalfHourZonesAndAcrossDaylightSavingChanges() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        browser.get(root + "plan");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return !!customElements.get('kelvin-plan-chart') && !!customElements.get('kelvin-plan-gantt');")));

        // Asia/Kolkata is UTC+05:30: a day from 23:30 site time has its ticks at 00:00, 03:00, ... 21:00 site time,
        // which are hh:30 in UTC.
        Instant kolkata = Instant.parse("2026-10-24T18:00:00Z");
        List<List<Object>> ticks = chartTicks("Asia/Kolkata", kolkata, 96);
        assertThat(ticks).extracting(t -> t.get(0)).containsExactly("2026-10-25 00:00", "03:00", "06:00", "09:00",
                "12:00", "15:00", "18:00", "21:00");
        assertThat(ticks).extracting(t -> ((Number) t.get(1)).longValue())
                .containsExactlyElementsOf(wallClockHours("Asia/Kolkata", kolkata, 96, 3));
        assertThat(ganttLabels("Asia/Kolkata", kolkata, 96)).containsExactly("2026-10-25", "03:00", "06:00", "09:00",
                "12:00", "15:00", "18:00", "21:00");

        // Europe/Berlin goes back an hour at 01:00Z on 2026-10-25: after midnight (22:00Z) the ticks at 03:00 and
        // 06:00 CET are 4 h and 7 h later.
        Instant berlin = Instant.parse("2026-10-24T22:00:00Z");
        ticks = chartTicks("Europe/Berlin", berlin, 48);
        assertThat(ticks).extracting(t -> t.get(0)).containsExactly("2026-10-25 00:00", "03:00", "06:00", "09:00");
        assertThat(ticks).extracting(t -> ((Number) t.get(1)).longValue()).containsExactly(berlin.toEpochMilli(),
                Instant.parse("2026-10-25T02:00:00Z").toEpochMilli(), Instant.parse("2026-10-25T05:00:00Z").toEpochMilli(),
                Instant.parse("2026-10-25T08:00:00Z").toEpochMilli());

        // Australia/Adelaide goes from +09:30 to +10:30 at 02:00 on 2026-10-04; two days take a tick every 6 site hours.
        Instant adelaide = Instant.parse("2026-10-02T14:30:00Z");
        ticks = chartTicks("Australia/Adelaide", adelaide, 192);
        assertThat(ticks).extracting(t -> ((Number) t.get(1)).longValue())
                .containsExactlyElementsOf(wallClockHours("Australia/Adelaide", adelaide, 192, 6));
        assertThat(ticks).extracting(t -> (String) t.get(0)).allMatch(l -> l.matches("(\\d{4}-\\d{2}-\\d{2} )?(00|06|12|18):00"))
                .contains("2026-10-04 00:00", "2026-10-05 00:00");
        assertThat(ganttLabels("Australia/Adelaide", adelaide, 192)).hasSameSizeAs(ticks);

        // An hour in Asia/Kathmandu (UTC+05:45), as the overview's trend shows one: a tick every 10 minutes of the
        // site's clock, at 5 past and 15 past in UTC.
        Instant kathmandu = Instant.parse("2026-10-24T18:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> axis = (Map<String, Object>) browser.executeScript("return customElements"
                + ".get('kelvin-plan-chart').siteTimeAxis(Number(arguments[0]), Number(arguments[1]), 'Asia/Kathmandu',"
                + " { maxTicks: 8 }).axisLabel;", String.valueOf(kathmandu.toEpochMilli()),
                String.valueOf(kathmandu.plus(Duration.ofHours(1)).toEpochMilli()));
        List<Long> expected = new java.util.ArrayList<>();
        for (int m = 0; m <= 60; m += 5) {
            java.time.ZonedDateTime t = kathmandu.plus(Duration.ofMinutes(m)).atZone(java.time.ZoneId.of("Asia/Kathmandu"));
            if (t.getMinute() % 10 == 0) {
                expected.add(t.toInstant().toEpochMilli());
            }
        }
        assertThat((List<?>) axis.get("customValues")).extracting(v -> ((Number) v).longValue())
                .containsExactlyElementsOf(expected);
        assertThat(expected).first().isEqualTo(Instant.parse("2026-10-24T18:05:00Z").toEpochMilli());
    }

    /** The x-axis labels ECharts made for a 15-minute plan chart of {@code slots} slots: [text, instant millis]. */
    @SuppressWarnings("unchecked")
    private List<List<Object>> chartTicks(String zone, Instant start, int slots) {
        return (List<List<Object>>) browser.executeScript("const c = document.createElement('kelvin-plan-chart');"
                + " c.style.width = '1440px'; c.style.height = '520px'; document.body.appendChild(c);"
                + " const v = Array(arguments[2]).fill(1); const start = Number(arguments[1]);"
                + " c.data = JSON.stringify({ zone: arguments[0], times: v.map((_, i) => start + i * 900000),"
                + "   slotMillis: 900000, now: 0, series: { unscheduledKw: v, jobsKw: v, itKw: v, pvKw: v, pvP10Kw: v,"
                + "   pvP90Kw: v, windKw: v, windP10Kw: v, windP90Kw: v, drCapKw: v, carbonGPerKwh: v,"
                + "   priceEurPerKwh: v } });"
                + " const labels = c._chart.getModel().getComponent('xAxis', 1).axis.getViewLabels();"
                + " c.remove(); return labels.map(l => [l.formattedLabel, l.tickValue]);",
                zone, String.valueOf(start.toEpochMilli()), slots);
    }

    /** The hour labels of a Gantt over the same horizon. */
    @SuppressWarnings("unchecked")
    private List<String> ganttLabels(String zone, Instant start, int slots) {
        return (List<String>) browser.executeScript("const g = document.createElement('kelvin-plan-gantt');"
                + " g.style.width = '1440px'; document.body.appendChild(g);"
                + " g.data = JSON.stringify({ start: Number(arguments[1]), slotMillis: 900000, slots: arguments[2], now: 0,"
                + "   zone: arguments[0], jobs: [{ id: 'j', state: 'PLANNED', outcome: 'ON_TIME', runSlots: [0],"
                + "   release: null, deadline: null, explanation: '', details: [] }] });"
                + " const labels = [...g.querySelectorAll('.gantt-hour')].map(t => t.textContent); g.remove(); return labels;",
                zone, String.valueOf(start.toEpochMilli()), slots);
    }

    /** Java's answer: the instants within the horizon at which the site's clock reads a whole multiple of {@code every} hours. */
    private static List<Long> wallClockHours(String zone, Instant start, int slots, int every) {
        java.time.ZoneId z = java.time.ZoneId.of(zone);
        List<Long> out = new java.util.ArrayList<>();
        for (int q = 0; q <= slots; q++) {
            java.time.ZonedDateTime t = start.plus(Duration.ofMinutes(15L * q)).atZone(z);
            if (t.getMinute() == 0 && t.getHour() % every == 0) {
                out.add(t.toInstant().toEpochMilli());
            }
        }
        return out;
    }

    @Test
    void aGridOperatorHasNeitherThePlanLinkNorThePlanView() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.GRID_OPERATOR), TestAuth.PASSWORD);
        browser.get(root + "plan");
        WebDriverWait wait = new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250));
        // Vaadin rendered something (the navigation-denied page has no layout).
        wait.until(d -> !d.findElement(By.tagName("body")).getText().isBlank());
        assertThat(browser.findElements(By.id("plan-gantt"))).isEmpty();
        assertThat(browser.findElements(By.id("plan-header"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-plan"))).isEmpty();
    }

    private static String explanation(String planId, String jobId) {
        JsonPath plan = TestAuth.as(Role.VIEWER).get("/api/v1/plans/" + planId).then().statusCode(200).extract().jsonPath();
        return plan.getString("jobs.find { it.jobId == '" + jobId + "' }.explanation");
    }

    private static void submit(String id, Instant release, Instant deadline, int gpus, double kw, String duration) {
        submit(id, release, deadline, gpus, kw, duration, null);
    }

    private static void submit(String id, Instant release, Instant deadline, int gpus, double kw, String duration,
                               String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (project != null) {
            body.put("project", project);
        }
        body.put("id", id);
        body.put("gpus", gpus);
        body.put("totalPowerKw", kw);
        body.put("duration", duration);
        body.put("release", release.toString());
        body.put("deadline", deadline.toString());
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs").then().statusCode(201);
    }
}
