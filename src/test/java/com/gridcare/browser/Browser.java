package com.gridcare.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} through {@code chromium-driver}) with a fresh
 * profile, in Asia/Shanghai, asking for one language, saving a screenshot of every step under
 * {@code target/screenshots/<scenario>/}.
 */
final class Browser implements AutoCloseable {

    /** The languages staff's browsers ask for; the webapps follow the first one. */
    enum Language {
        ENGLISH("en-US", "en-US,en"), CHINESE("zh-CN", "zh-CN,zh");

        final String tag;
        final String acceptLanguages;

        Language(String tag, String acceptLanguages) {
            this.tag = tag;
            this.acceptLanguages = acceptLanguages;
        }
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path CHROMIUM = Path.of(System.getProperty("gridcare.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("gridcare.test.chromedriver", "/usr/bin/chromedriver"));

    final String baseUrl;
    final Language language;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final Path screenshots;
    private int step;

    private Browser(int port, Language language, String scenario) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (as .ci/run does), or skip them with -DexcludedGroups=browser");
        }
        this.baseUrl = "http://localhost:" + port;
        this.language = language;
        this.profile = Files.createTempDirectory("gridcare-chromium-");
        this.screenshots = SCREENSHOTS.resolve(scenario);
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (var file : old.toList()) Files.delete(file);
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1600,1100", "--user-data-dir=" + profile,
                "--lang=" + language.tag);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.acceptLanguages));
        this.driver = new ChromeDriver(service, options);
        // Tasklist re-renders its lists while they refresh: an element found a moment ago may be gone
        this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static Browser open(int port, Language language, String scenario) {
        try {
            return new Browser(port, language, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    /** Waits for the condition; when it never comes, keeps the screen and the page as they were for the report. */
    <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            var shot = screenshot("timed-out");
            try {
                Files.writeString(Path.of(shot.toString().replace(".png", ".html")), driver.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the screenshot is what matters
            }
            throw e;
        }
    }

    WebElement visible(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement clickable(By locator) {
        return until(ExpectedConditions.elementToBeClickable(locator));
    }

    void gone(By locator) {
        until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Saves what the screen shows now as {@code NN-name.png}; returns the file. */
    Path screenshot(String name) {
        var file = screenshots.resolve("%02d-%s.png".formatted(++step, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind costs nothing but disk
        }
    }
}
