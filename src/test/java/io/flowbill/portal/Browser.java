package io.flowbill.portal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.flowbill.system.ExternalTool;
import io.flowbill.system.Patience;

/**
 * A real headless Chromium driven by WebDriver: Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (no driver or browser is downloaded), a new empty profile, no network of its own (no sync, updates, QUIC or
 * background requests), downloads into a folder of the test's. Without them the test is skipped, or fails with
 * {@code CI=true} ({@link ExternalTool#require}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    /** Starts Chromium, or skips (fails on CI) the calling test when Chromium or its driver is not installed. */
    static Browser start() throws IOException {
        ExternalTool.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium or"
                + " chromedriver is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "; 'apt-get install chromium"
                + " chromium-driver' provides them): the portal is not tried in a browser");
        Path profile = Files.createTempDirectory("flowbill-portal-chromium");
        Path downloads = Files.createTempDirectory("flowbill-portal-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1100,1000", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Patience.of(Duration.ofSeconds(60)));
        return new Browser(driver, downloads, profile);
    }

    /** The visible page as a PNG, as tall as its content, in {@code png}. */
    void screenshot(Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100,
                Math.max(600, ((Number) height).intValue() + 20)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        deleteTree(profile);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
