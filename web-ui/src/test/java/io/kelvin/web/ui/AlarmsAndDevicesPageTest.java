package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.identity.Role;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinAlarm;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.kelvin.web.runtime.KelvinRuntime;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alarms and devices views in headless Chromium against the running demo twin: a viewer sees a
 * CDU's leak without any button, an operator acknowledges it with a comment and the device holds the
 * acknowledgement, the alarm banner counts what waits, and the devices view shows every device's state and common information.
 * Screenshots: target/screenshots/alarms-viewer.png, alarms-operator-*.png, alarms-auditor.png, devices.png.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class AlarmsAndDevicesPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    KelvinRuntime runtime;

    @Inject
    AlarmDesk desk;

    @Test
    void aViewerSeesTheLeakButNoButtonsAndAnOperatorAcknowledgesItWithAComment() {
        SiteTwin twin = runtime.twin().orElseThrow();
        twin.leak("cdu-07");
        try {
            String id = awaitUnacknowledged("cdu-07").key().id();

            BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
            waitFor("nav-alarms").click();
            assertThat(textOf("alarm-" + id + "-phase")).isEqualTo("UNACKNOWLEDGED");
            assertThat(textOf("alarm-" + id + "-message")).contains("Leak detected at cdu-07");
            assertThat(browser.findElements(By.id("ack-" + id))).isEmpty();
            assertThat(browser.findElements(By.id("alarm-comment"))).isEmpty();
            // the banner every page carries counts the leak among the unacknowledged alarms
            assertThat(textOf("alarm-banner")).matches("\\d+ unacknowledged alarms? \\(\\d+ active\\)");
            BrowserLogin.screenshot(browser, "alarms-viewer");
            browser.manage().deleteAllCookies();

            BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.OPERATOR), TestAuth.PASSWORD);
            browser.get(root + "alarms");
            waitFor("ack-" + id);
            browser.findElement(By.cssSelector("#alarm-comment input")).sendKeys("valve V-7 closed, drying");
            BrowserLogin.screenshot(browser, "alarms-operator-before");
            waitFor("ack-" + id).click();

            new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("alarm-" + id + "-phase")).getText().equals("ACKNOWLEDGED"));
            assertThat(browser.findElement(By.id("alarm-action-result")).getText()).startsWith("Acknowledge: done");
            assertThat(textOf("alarm-" + id + "-ack")).contains(TestAuth.user(Role.OPERATOR))
                    .contains("valve V-7 closed, drying");
            assertThat(browser.findElements(By.id("ack-" + id))).isEmpty();
            assertThat(twin.alarm("cdu-07", TwinAlarm.LEAK).orElseThrow().comment()).isEqualTo("valve V-7 closed, drying");
            BrowserLogin.screenshot(browser, "alarms-operator-acknowledged");
        } finally {
            twin.leakCleared("cdu-07");
        }
    }

    @Test
    void anAuditorSeesAPumpFaultButCannotActOnIt() {
        SiteTwin twin = runtime.twin().orElseThrow();
        twin.pumpFault("cdu-08");
        try {
            String id = awaitUnacknowledged("cdu-08").key().id();

            BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.AUDITOR), TestAuth.PASSWORD);
            browser.get(root + "alarms");

            assertThat(textOf("alarm-" + id + "-phase")).isEqualTo("UNACKNOWLEDGED");
            assertThat(textOf("alarm-" + id + "-message")).contains("PumpFault");
            assertThat(browser.findElements(By.id("ack-" + id))).isEmpty();
            assertThat(browser.findElements(By.id("shelve-" + id))).isEmpty();
            assertThat(browser.findElements(By.id("alarm-comment"))).isEmpty();
            BrowserLogin.screenshot(browser, "alarms-auditor");
        } finally {
            twin.pumpFaultCleared("cdu-08");
        }
    }

    @Test
    void theDevicesViewShowsEveryDevicesStateAndItsMakerModelSerialAndFirmware() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        waitFor("nav-devices").click();

        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("device-cdu-01-state")).getText().equals("UP")
                        && d.findElement(By.id("device-cdu-01-info")).getText().contains("OPC UA server BuildInfo"));
        assertThat(textOf("devices-summary")).matches("\\d+ devices: \\d+ up, \\d+ degraded, \\d+ down");
        assertThat(textOf("device-cdu-01-info")).contains("Acme Thermal").contains("CDU-800");
        assertThat(textOf("device-pv-inv-01-info")).contains("SunSpec-compliant").contains("pv-inv-01");
        assertThat(textOf("device-cdu-01-points")).matches("(\\d+)/\\1 GOOD");
        BrowserLogin.screenshot(browser, "devices");
    }

    private Alarm awaitUnacknowledged(String device) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> desk.current(100).stream()
                .filter(a -> a.device().equals(device) && a.phase() == AlarmPhase.UNACKNOWLEDGED).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private WebElement waitFor(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.findElement(By.id(id)));
    }

    /** The element's text once it has some; grid cells are replaced on each push, so a stale one is looked up again. */
    private String textOf(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String text = d.findElement(By.id(id)).getText();
                    return text.isBlank() ? null : text;
                });
    }
}
