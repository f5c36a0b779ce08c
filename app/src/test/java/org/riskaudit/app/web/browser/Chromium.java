package org.riskaudit.app.web.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}). Nothing is downloaded: the driver and browser are named by path,
 * so Selenium Manager is never asked to fetch one.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Exactly these flags, plus a fresh profile directory per browser. */
  static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic");

  private Chromium() {}

  /** Skips the calling test (class) with a message saying how to install Chromium. */
  static void assumeInstalled() {
    boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    String message =
        "browser tests skipped: headless Chromium is not installed ("
            + BROWSER
            + " and "
            + DRIVER
            + "); install it with 'apt-get install -y chromium chromium-driver' (.ci/run does)";
    if (!installed) {
      // a class-level skip shows in Maven's summary only as "Tests run: 0", so say it in the log
      System.err.println(message);
    }
    Assumptions.assumeTrue(installed, message);
  }

  /** Starts a headless browser whose profile lives in {@code profile} (a fresh temp dir). */
  static ChromeDriver start(Path profile) {
    assumeInstalled();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    List<String> args = new ArrayList<>(FLAGS);
    args.add("--user-data-dir=" + profile.toAbsolutePath());
    options.addArguments(args);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
