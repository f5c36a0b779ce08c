package org.riskaudit.app.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium pointed at one server, shared by the people of a scenario: each person
 * keeps their own cookie jar ({@link #as}), as if each sat at their own browser, without the cost
 * of starting a browser per person on a two-core machine. Waits are explicit (never sleeps).
 */
final class Browser implements AutoCloseable {
  /** Where screenshots go: the app module's build directory, kept as CI build artifacts. */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  final ChromeDriver driver;
  final String base;
  final WebDriverWait wait;
  private final Map<String, Set<Cookie>> jars = new HashMap<>();
  private String who = "";

  Browser(Path profile, String base) {
    this.driver = Chromium.start(profile);
    this.base = base;
    // Poll often: the default half-second polling would add up over a few hundred page loads.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(25));
  }

  /** Continues as {@code person}: the current person's cookies are put away, theirs restored. */
  void as(String person) {
    if (person.equals(who)) {
      return;
    }
    if (!who.isEmpty() && driver.getCurrentUrl().startsWith(base)) {
      jars.put(who, new LinkedHashSet<>(driver.manage().getCookies()));
    }
    if (!driver.getCurrentUrl().startsWith(base)) {
      driver.get(base + "/static/app.css"); // cookies can only be set on the server's origin
    }
    driver.manage().deleteAllCookies();
    for (Cookie c : jars.getOrDefault(person, Set.of())) {
      driver.manage().addCookie(c);
    }
    who = person;
  }

  /** Opens {@code path} on the server and waits for the page to load. */
  void open(String path) {
    driver.get(base + path);
    waitLoaded();
  }

  void waitLoaded() {
    wait.until(d -> "complete".equals(driver.executeScript("return document.readyState;")));
  }

  /** The path (and query) of the current page. */
  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  String title() {
    return driver.getTitle();
  }

  /** The visible text of the page's main content (the whole body when there is no main). */
  String text() {
    List<WebElement> main = driver.findElements(By.tagName("main"));
    return (main.isEmpty() ? driver.findElement(By.tagName("body")) : main.get(0)).getText();
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Types {@code value} into the form field named {@code name} (clearing it first). */
  void fill(String name, String value) {
    WebElement e = find(By.name(name));
    e.clear();
    e.sendKeys(value);
  }

  /** Types into the field whose label reads {@code label}. */
  void fillLabelled(String label, String value) {
    WebElement l = find(By.xpath("//label[normalize-space(.)=" + xpathString(label) + "]"));
    WebElement e = driver.findElement(By.id(l.getAttribute("for")));
    e.clear();
    e.sendKeys(value);
  }

  void select(String name, String visibleText) {
    new Select(find(By.name(name))).selectByVisibleText(visibleText);
  }

  /** Attaches a file to the file input named {@code name}. */
  void upload(String name, Path file) {
    find(By.name(name)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Clicks the button (or submit input) whose text is {@code text} and waits for the next page. */
  void press(String text) {
    WebElement b =
        find(
            By.xpath(
                "//button[normalize-space(.)="
                    + xpathString(text)
                    + "] | //input[@type='submit' and @value="
                    + xpathString(text)
                    + "]"));
    click(b);
  }

  /** Clicks the link whose text is {@code text} and waits for the next page. */
  void follow(String text) {
    click(find(By.xpath("//a[normalize-space(.)=" + xpathString(text) + "]")));
  }

  /** Clicks and, when the click leaves the page, waits for the new page to load. */
  void click(WebElement e) {
    WebElement html = driver.findElement(By.tagName("html"));
    e.click();
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(25))
          .until(d -> gone(html));
    } catch (org.openqa.selenium.TimeoutException stayed) {
      // the click did not navigate: the page is still loaded
    }
    waitLoaded();
  }

  /** Ticks a checkbox or radio button (no navigation). */
  void tick(WebElement e) {
    if (!e.isSelected()) {
      e.click();
    }
  }

  /** Whether {@code e} has left the document (Chromium reports it either way). */
  private static boolean gone(WebElement e) {
    try {
      e.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException stale) {
      return true;
    } catch (org.openqa.selenium.WebDriverException detached) {
      return detached.getMessage() != null
          && detached.getMessage().contains("does not belong to the document");
    }
  }

  /** Waits until the page's main text contains {@code s}. */
  void waitForText(String s) {
    wait.withMessage(() -> "waiting for '" + s + "' on " + path() + ":\n" + text())
        .until(d -> text().contains(s));
  }

  /** A full-page PNG of the current page in {@link #SCREENSHOTS}, named {@code NN-name.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      @SuppressWarnings("unchecked")
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the screenshots of an earlier run, so that the folder shows this run only. */
  static void clearScreenshots() {
    if (!Files.isDirectory(SCREENSHOTS)) {
      return;
    }
    try (var files = Files.list(SCREENSHOTS)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".png")).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String xpathString(String s) {
    if (!s.contains("'")) {
      return "'" + s + "'";
    }
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
