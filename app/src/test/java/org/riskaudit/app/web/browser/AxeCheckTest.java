package org.riskaudit.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accessibility checker itself, on pages served with the application's strict content security
 * policy: axe-core runs although the page may not run inline or injected scripts of its own, finds
 * a serious violation where there is one, and none on a clean page. (Without this, a checker that
 * silently did not run would pass every page.)
 */
class AxeCheckTest {
  private static final String CSP = "default-src 'self'";
  @TempDir static Path profile;
  private static Javalin server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Chromium.assumeInstalled();
    server =
        Javalin.create()
            .get(
                "/bad",
                ctx ->
                    ctx.header("Content-Security-Policy", CSP)
                        .html(
                            "<!DOCTYPE html><html lang=\"en\"><head><title>Bad</title>"
                                + "<script>window.inlineRan = true;</script></head><body><main>"
                                + "<h1>Bad</h1><img src=\"/x.png\"><form><input name=\"q\">"
                                + "</form></main></body></html>"))
            .get(
                "/good",
                ctx ->
                    ctx.header("Content-Security-Policy", CSP)
                        .html(
                            "<!DOCTYPE html><html lang=\"en\"><head><title>Good</title></head>"
                                + "<body><main><h1>Good</h1><form><label for=\"q\">Search</label>"
                                + "<input id=\"q\" name=\"q\"><button type=\"submit\">Go</button>"
                                + "</form></main></body></html>"))
            .start("127.0.0.1", 0);
    browser = new Browser(profile, "http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void axeRunsUnderTheStrictContentSecurityPolicyAndFindsTheSeriousViolations() {
    browser.open("/bad");
    assertThat(browser.driver.executeScript("return window.inlineRan === true;"))
        .as("the page's own inline script is blocked by its CSP")
        .isEqualTo(false);
    List<Axe.Violation> violations = Axe.run(browser.driver);
    assertThat(violations)
        .filteredOn(Axe.Violation::seriousOrWorse)
        .extracting(Axe.Violation::id)
        .contains("image-alt", "label");
    assertThat(Axe.version(browser.driver)).startsWith("4.");
  }

  @Test
  void aCleanPageHasNoSeriousViolations() {
    browser.open("/good");
    Axe.assertNoSeriousViolations(browser.driver, "clean page");
  }
}
