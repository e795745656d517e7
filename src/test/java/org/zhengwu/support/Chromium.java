package org.zhengwu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver, as the browser tests use it: a fresh profile each time,
 * nothing fetched from the network by the browser itself. A test class that asks for one is skipped, with the reason,
 * where Chromium is not installed (.ci/run installs it).
 */
public final class Chromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("ZHENGWU_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("ZHENGWU_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {}

    /** A new browser whose profile directory is named after {@code profile}. */
    public static ChromeDriver start(String profile) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The text of the element {@code locator} finds, or {@code null} while a page or fragment is being replaced: an
     * element found just before the swap leaves the document before its text is read, and Chromium then answers
     * "Node with given id does not belong to the document" (or a stale reference). For waits that poll until the
     * text changes.
     */
    public static String currentText(SearchContext page, By locator) {
        try {
            return page.findElement(locator).getText();
        } catch (WebDriverException replaced) {
            return null;
        }
    }
}
