package org.riskaudit.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.web.platform.Accounts;

/**
 * The acceptance scenario of the web application (issue #6), in real headless Chromium through the
 * pages only: a two-county ballot-comparison audit from creation to publication
 * (docs/web-testing.md).
 *
 * <p>Each step is a test, in order; a step after a failed one is skipped (it could not mean
 * anything), so the report says how far the scenario got. Every page visited is checked with
 * axe-core and saved as a screenshot in {@code app/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoCountyAuditBrowserTest {
  static final String STATE = "sos.admin";
  static final String STATE_PASSWORD = "correct horse battery staple";
  static final String AUDIT = "two-county-2026";
  static final String CONTEST = "Question 1";
  static final List<String> COUNTIES = List.of("Alpine", "Sierra");
  static Path election;
  static final Map<String, String> oneTimePasswords = new LinkedHashMap<>();

  @TempDir static Path dir;
  static WebApp app;
  static Browser browser;
  static String stateKey;
  static int shots;
  static String failedStep;

  /** Serious or critical findings, by page: on the audit board's pages, and on the others. */
  static final Map<String, List<Axe.Violation>> boardFindings = new LinkedHashMap<>();

  static final Map<String, List<Axe.Violation>> otherFindings = new LinkedHashMap<>();
  static final List<String> minorFindings = new ArrayList<>();

  @RegisterExtension
  static final TestWatcher STOP_AFTER_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (failedStep == null) {
            failedStep = context.getDisplayName();
          }
        }
      };

  @BeforeAll
  static void start() {
    Chromium.assumeInstalled();
    app = WebApp.start(dir);
    browser = new Browser(dir.resolve("chromium-profile"), app.base());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @BeforeEach
  void onlyAfterTheStepsBeforeSucceeded(TestInfo step) {
    if (step.getTestMethod().orElseThrow().getAnnotation(Order.class).value() >= 900) {
      return; // the accessibility verdicts cover whatever pages were reached
    }
    Assumptions.assumeTrue(
        failedStep == null, "skipped: an earlier step of the scenario failed (" + failedStep + ")");
  }

  /**
   * A small two-county election written by the project's generator ({@code riskaudit generate}):
   * Dominion CSV and JSON CVR exports, the ballot manifest, the reported results, and the paper
   * (the CVRs match the paper exactly; the one discrepancy is made by a board). Question 1 is won
   * by No with a diluted margin of 0.25, so round 1 is a few dozen cards.
   */
  static Path generateElection(Path dir) throws Exception {
    Path totals = dir.resolve("totals.csv");
    Files.writeString(totals, "county,Yes,No\nAlpine,300,700\nSierra,450,550\n");
    return AuditDriver.generate(
        dir, "election", "--totals", totals.toString(), "--batch-size", "100", "--seed", "2026");
  }

  static String countyUser(String county) {
    return county.toLowerCase(java.util.Locale.ROOT) + ".clerk";
  }

  static String countyPassword(String county) {
    return "the " + county + " county clerk's own password";
  }

  /** Saves a screenshot of the current page and runs the accessibility check on it. */
  static void screen(String name, boolean boardPage) {
    shots++;
    browser.screenshot(String.format("%02d-%s", shots, name));
    List<Axe.Violation> all = Axe.run(browser.driver);
    List<Axe.Violation> serious = all.stream().filter(Axe.Violation::seriousOrWorse).toList();
    if (!serious.isEmpty()) {
      (boardPage ? boardFindings : otherFindings).put(name + " " + browser.path(), serious);
    }
    all.stream().filter(v -> !v.seriousOrWorse()).forEach(v -> minorFindings.add(name + ": " + v));
  }

  @Test
  @Order(1)
  void theStateAdministratorSignsInWithPasswordAndAuthenticatorCode() {
    // As `riskaudit serve --create-admin sos.admin` does: the same service call.
    stateKey =
        new Accounts(app.store, Clock.systemUTC())
            .createStateAdmin(STATE, STATE_PASSWORD, "cli:browser-test")
            .secret();
    browser.as("state");
    browser.open("/login");
    screen("sign-in", false);
    browser.fill("username", STATE);
    browser.fill("password", STATE_PASSWORD);
    browser.press("Continue");
    assertThat(browser.path()).startsWith("/login/totp");
    screen("sign-in-code", false);
    browser.fill("code", new Authenticator(stateKey).codeNow());
    browser.press("Sign in");
    assertThat(browser.path()).doesNotStartWith("/login");
    assertThat(browser.driver.getPageSource()).contains("state:" + STATE);
    screen("state-start", false);
  }

  @Test
  @Order(2)
  void theStateCreatesATwoCountyComparisonAuditAndInvitesBothCounties() throws Exception {
    election = generateElection(dir);
    browser.as("state");
    browser.open("/state");
    screen("state-audits", false);
    browser.open("/state/audits/new");
    browser.fill("id", AUDIT);
    browser.fill("election", "Two-county test election, 2026");
    browser.fill("riskLimit", "0.05");
    browser.fill("trials", "200");
    browser.fill("contest0", CONTEST);
    browser.select("role0", "targeted");
    browser.select("rule0", "plurality");
    browser.fill("winners0", "1");
    browser.select("type0", "ballot comparison");
    browser.fill("counties", String.join("\n", COUNTIES));
    screen("state-create-audit", false);
    browser.press("Create the audit");
    assertThat(browser.path()).as(browser.text()).startsWith("/state/audits/" + AUDIT);
    screen("state-audit-created", false);

    browser.open("/state/audits/" + AUDIT + "/counties");
    for (int i = 0; i < COUNTIES.size(); i++) {
      String county = COUNTIES.get(i);
      WebElement user = browser.find(By.id("user-" + (i + 1)));
      assertThat(browser.find(By.cssSelector("label[for='user-" + (i + 1) + "']")).getText())
          .contains(county);
      user.sendKeys(countyUser(county));
      browser.click(user.findElement(By.xpath("./ancestor::form//button[@type='submit']")));
      oneTimePasswords.put(county, browser.find(By.id("one-time-password")).getText().strip());
      assertThat(browser.text()).contains("Account created");
    }
    screen("state-counties-invited", false);
    assertThat(oneTimePasswords.values()).allSatisfy(p -> assertThat(p).isNotBlank());
  }

  @Test
  @Order(3)
  void eachCountyAdministratorSignsInFirstSettingAPasswordAndAnAuthenticator() {
    for (String county : COUNTIES) {
      browser.as(county);
      browser.open("/login");
      browser.fill("username", countyUser(county));
      browser.fill("password", oneTimePasswords.get(county));
      browser.press("Continue");
      assertThat(browser.path()).as(browser.text()).startsWith("/login/setup");
      String key = browser.find(By.id("totp-secret")).getText();
      if (county.equals(COUNTIES.get(0))) {
        screen("county-first-sign-in-setup", false);
      }
      browser.fill("password", countyPassword(county));
      browser.fill("confirm", countyPassword(county));
      browser.fill("code", new Authenticator(key).codeNow());
      browser.press("Save and sign in");
      assertThat(browser.path()).as(browser.text()).doesNotStartWith("/login");
      assertThat(browser.driver.getPageSource()).contains("county:" + county + ":");
      if (county.equals(COUNTIES.get(0))) {
        screen("county-start", false);
      }
    }
  }

  @Test
  @Order(900)
  void theAuditBoardsPagesHaveNoSeriousAccessibilityViolations() {
    minorFindings.forEach(f -> System.out.println("axe (moderate or minor): " + f));
    assertThat(boardFindings).as("serious or critical axe-core findings").isEmpty();
  }

  @Test
  @Order(901)
  void theOtherPagesHaveNoSeriousAccessibilityViolations() {
    assertThat(otherFindings).as("serious or critical axe-core findings").isEmpty();
  }
}
