package io.kelvin.web.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Logging in through the dashboard's login page as a person would, and screenshots under target/screenshots. */
final class BrowserLogin {

    static final Duration WAIT = Duration.ofSeconds(60);

    private BrowserLogin() {
    }

    /** Opens {@code /login}, types the name and password, presses Enter, and waits until the browser left the form. */
    static void logIn(ChromeDriver browser, String root, String username, String password) {
        browser.get(root + "login");
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(250));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        name.sendKeys(username);
        WebElement secret = browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    static void screenshot(ChromeDriver browser, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
