package org.riskaudit.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The automated WCAG checker: axe-core (Deque, MPL-2.0, from the Maven artifact {@code
 * com.deque.html.axe-core:selenium}, which bundles {@code axe.min.js}) run inside the page.
 *
 * <p>The source is evaluated with WebDriver's executeScript, which Chromium runs through DevTools
 * in the page's own context: the page's strict content security policy ({@code default-src 'self'})
 * governs the page's scripts, not ones evaluated by the driver (AxeCheckTest shows both: the page's
 * inline script is blocked, axe still runs).
 */
final class Axe {
  /** One rule that failed, with its impact and the selectors of the offending elements. */
  record Violation(String id, String impact, String help, List<String> targets) {
    boolean seriousOrWorse() {
      return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
      return impact + " " + id + " (" + help + ") at " + targets;
    }
  }

  private static final String SOURCE = load();

  private Axe() {}

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException(
            "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The axe-core version bundled (e.g. 4.11.1). */
  static String version(WebDriver driver) {
    inject(driver);
    return (String) ((JavascriptExecutor) driver).executeScript("return axe.version;");
  }

  private static void inject(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object present = js.executeScript("return typeof window.axe === 'object';");
    if (!Boolean.TRUE.equals(present)) {
      js.executeScript(SOURCE);
    }
  }

  /** Runs every default axe rule on the current page and returns the violations. */
  static List<Violation> run(WebDriver driver) {
    inject(driver);
    Object out =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                    + ".catch(function (e) { done('ERROR ' + e); });");
    String json = String.valueOf(out);
    if (json.startsWith("ERROR ")) {
      throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + json);
    }
    List<Violation> violations = new ArrayList<>();
    try {
      for (JsonNode v : new ObjectMapper().readTree(json)) {
        List<String> targets = new ArrayList<>();
        for (JsonNode node : v.path("nodes")) {
          targets.add(node.path("target").toString());
        }
        violations.add(
            new Violation(
                v.path("id").asText(),
                v.path("impact").asText(),
                v.path("help").asText(),
                targets));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return violations;
  }

  /** Fails when the current page has a serious or critical violation; returns all violations. */
  static List<Violation> assertNoSeriousViolations(WebDriver driver, String page) {
    List<Violation> all = run(driver);
    assertThat(all.stream().filter(Violation::seriousOrWorse).toList())
        .as("serious or critical accessibility violations on %s (%s)", page, driver.getCurrentUrl())
        .isEmpty();
    return all;
  }
}
