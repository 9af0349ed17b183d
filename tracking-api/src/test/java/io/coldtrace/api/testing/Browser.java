package io.coldtrace.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver (install both: {@code apt-get install chromium
 * chromium-driver}), with a fresh profile, no network of its own and a chosen Accept-Language.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static Browser start(String acceptLanguage) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        try {
            Path profile = Files.createTempDirectory("coldtrace-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1360,1000", "--lang=" + acceptLanguage,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits (polling the page every 50 ms, never sleeping blindly) up to 15 s. */
    public WebDriverWait await() {
        // Selenium's default is to poll every 500 ms, which a test with a few dozen waits pays in seconds; pages
        // re-render rows and cards: an element found a moment ago may be replaced before it is read
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class);
    }

    /**
     * Clicks the element {@code by} finds, finding it afresh when a live re-render replaced it between finding and
     * clicking (the overview re-renders a card on every pushed reading).
     */
    public void click(By by) {
        await().until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** Saves a PNG of the viewport under target/screenshots/ and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lets the page save downloads (a link to an attachment) into a fresh directory inside the profile, removed with
     * it, and returns the directory.
     */
    public Path downloads() {
        try {
            Path dir = Files.createDirectories(profile.resolve("downloads"));
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    dir.toString()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 15 s for a finished download in {@code dir} (Chromium writes {@code .crdownload} until done). */
    public Path awaitDownload(Path dir) {
        return await().until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> all = files.toList();
                return all.size() == 1 && !all.get(0).toString().endsWith(".crdownload") ? all.get(0) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The status and media type of a GET of {@code url} from the page (with its session cookie): "200 text/csv". */
    public String fetchStatus(String url) {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' '"
                + " + r.headers.get('content-type'))).catch(e => done('failed ' + e));", url);
    }

    /** Console messages of level SEVERE since the last call (script errors, blocked loads, CSP violations). */
    public List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
