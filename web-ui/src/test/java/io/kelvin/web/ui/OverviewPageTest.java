package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.control.PlantControl;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.identity.Role;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real browser, logged in as a VIEWER, against the app running the demo site's digital twin. */
@QuarkusTest
class OverviewPageTest extends BrowserPageTest {

    private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(60);
    private static final String NUMBER = "[0-9][0-9,]*\\.[0-9]+";

    /** Inside the profile's setpoint limits (20..45 degC) and above any reachable supply temperature. */
    private static final double RAISED_SETPOINT_C = 36.0;

    @TestHTTPResource("/")
    URL root;

    @Inject
    PlantControl plant;

    @BeforeEach
    void logInAsViewer() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
    }

    @Test
    void livePueAndCduSupplyTemperatureAppearAndChangeByServerPush() throws IOException {
        browser.get(root.toString());
        // Grid cells are new elements after every push, so a found cell can go stale before it is read.
        WebDriverWait wait = new WebDriverWait(browser, LIVE_TIMEOUT, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);

        String shownPue = wait.until(d -> numberIn("kpi-pue-value"));
        String firstPue = pueValue();
        String firstSupply = wait.until(d -> numberIn("cdu-cdu-01-supply"));
        assertThat(browser.findElement(By.id("site-name")).getText()).isEqualTo("Demo AI Computing Center");
        assertThat(Double.parseDouble(shownPue)).isBetween(1.0, 3.0);
        assertThat(shownPue).matches("[0-9]\\.[0-9]{3}");

        // The twin holds a CDU's supply temperature at its setpoint, so move the setpoint (a real OPC UA
        // write through the collectors); the supply follows with a 90 s lag (simulator CduModel).
        plant.write(PointId.of("cdu-01", "supply_temp_setpoint_c"), RAISED_SETPOINT_C);

        // No reload: new values can only arrive by push from the server. PUE moves in the fourth
        // decimal from second to second, below the three the tile shows, so compare the raw value.
        String laterPue = wait.until(d -> changed(pueValue(), firstPue));
        String laterSupply = wait.until(d -> changed(numberIn("cdu-cdu-01-supply"), firstSupply));
        assertThat(laterPue).isNotEqualTo(firstPue);
        assertThat(laterSupply).isNotEqualTo(firstSupply);

        // Two 10 s steps of all five lines: enough for every line to show as a line, not a dot.
        wait.until(d -> plottedPoints() >= 10);
        screenshot(Path.of("target", "screenshots", "overview.png"));
    }

    @Test
    void chartTimesReadTheSiteWallClockIncludingTheRepeatedAndTheSkippedHour() {
        browser.get(root.toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.executeScript("return !!customElements.get('kelvin-trend-chart');")));
        // Europe/Berlin falls back from 03:00 CEST to 02:00 CET on 2026-10-25 (01:00 UTC), and springs forward from
        // 02:00 CET to 03:00 CEST on 2026-03-29 (01:00 UTC): instants an hour apart read as the site's clock shows them.
        assertThat(siteTime("2026-10-25T00:30:00Z")).isEqualTo("2026-10-25 02:30 CEST");
        assertThat(siteTime("2026-10-25T01:30:00Z")).isEqualTo("2026-10-25 02:30 CET");
        assertThat(siteTime("2026-03-29T00:30:00Z")).isEqualTo("2026-03-29 01:30 CET");
        assertThat(siteTime("2026-03-29T01:30:00Z")).isEqualTo("2026-03-29 03:30 CEST");
        // The browser's own zone plays no part: the demo site's midnight is 16:00 UTC.
        assertThat(browser.executeScript("return customElements.get('kelvin-trend-chart')"
                + ".siteTime(Date.parse('2026-10-24T16:00:00Z'), 'Asia/Shanghai', { date: true });"))
                .isEqualTo("2026-10-25 00:00");
    }

    /** The shared chart formatter's label for the instant in Europe/Berlin, with date and zone abbreviation. */
    private Object siteTime(String instant) {
        return browser.executeScript("return customElements.get('kelvin-trend-chart')"
                + ".siteTime(Date.parse(arguments[0]), 'Europe/Berlin', { date: true, zoneName: true });", instant);
    }

    /** The number shown in the element, or null while it shows none (the wait then polls again). */
    private String numberIn(String id) {
        String text = browser.findElement(By.id(id)).getText().trim();
        String number = text.split(" ")[0];
        return number.matches(NUMBER) ? number.replace(",", "") : null;
    }

    /** The unrounded PUE the tile holds in its data-value attribute. */
    private String pueValue() {
        String value = browser.findElement(By.id("kpi-pue")).getDomAttribute("data-value");
        return value == null || value.equals("NaN") ? null : value;
    }

    /** How many points the chart element has drawn; it sets data-plotted after each render. */
    private int plottedPoints() {
        String plotted = browser.findElement(By.id("trend-chart")).getDomAttribute("data-plotted");
        return plotted == null ? 0 : Integer.parseInt(plotted);
    }

    private static String changed(String now, String before) {
        return now != null && !now.equals(before) ? now : null;
    }

    private void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
