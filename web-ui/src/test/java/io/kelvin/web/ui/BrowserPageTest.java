package io.kelvin.web.ui;

import io.kelvin.web.AppReady;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test of the dashboard in a browser: once the app is ready, each test gets a fresh headless Chromium
 * ({@link HeadlessChromium}), quit after it whatever the outcome.
 */
abstract class BrowserPageTest {

    protected ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        AppReady.awaitReady();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
