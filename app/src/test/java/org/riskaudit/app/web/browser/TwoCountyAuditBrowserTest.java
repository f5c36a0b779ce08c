package org.riskaudit.app.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.openqa.selenium.support.ui.Select;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.demo.PaperBallots;
import org.riskaudit.app.web.platform.Accounts;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;

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
  static final String WINNER = "No";
  static final String SEED = "731904826155039284716203";
  static final int DRAWS = 40;
  static final Map<String, Path> countyFiles = new LinkedHashMap<>();
  static final Map<String, String> passphrases = new LinkedHashMap<>();
  static final Map<String, Integer> boardCards = new LinkedHashMap<>();
  static String discrepancyCard;

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
  static final List<String> boardPagesChecked = new ArrayList<>();
  static final List<String> otherPagesChecked = new ArrayList<>();

  @RegisterExtension
  static final TestWatcher STOP_AFTER_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (failedStep == null) {
            failedStep = context.getDisplayName();
          }
          if (browser != null) {
            try {
              browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
              cause.addSuppressed(e); // the page could not be saved; the failure still stands
            }
          }
        }
      };

  @BeforeAll
  static void start() {
    Chromium.assumeInstalled();
    app = WebApp.start(dir);
    Browser.clearScreenshots();
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

  /**
   * Each county's own files, as its election office would have them (split from the generator's).
   */
  static void splitCountyFiles() throws Exception {
    List<String> manifest = Files.readAllLines(election.resolve("ballot-manifest.csv"));
    List<String> results = Files.readAllLines(election.resolve("reported-results.csv"));
    for (String county : COUNTIES) {
      Path folder = Files.createDirectories(dir.resolve("county-files").resolve(county));
      List<String> m = new ArrayList<>(List.of(manifest.get(0)));
      manifest.stream().skip(1).filter(l -> l.startsWith(county + ",")).forEach(m::add);
      List<String> r = new ArrayList<>(List.of(results.get(0)));
      results.stream().skip(1).filter(l -> l.startsWith(county + ",")).forEach(r::add);
      countyFiles.put(
          county + "/manifest", Files.write(folder.resolve(county + "-manifest.csv"), m));
      countyFiles.put(county + "/results", Files.write(folder.resolve(county + "-results.csv"), r));
      countyFiles.put(county + "/cvrs", election.resolve("dominion-csv").resolve(county + ".csv"));
    }
  }

  /** What every card's paper says (the generated paper ballots), by card id. */
  static Map<String, Cvr> paper() throws Exception {
    Map<String, Cvr> out = new HashMap<>();
    PaperBallots.of(election).forEach(c -> out.put(CardId.of(c.location()), c));
    return out;
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** Saves a screenshot of the current page and runs the accessibility check on it. */
  static void screen(String name, boolean boardPage) {
    shots++;
    browser.screenshot(String.format("%02d-%s", shots, name));
    List<Axe.Violation> all = Axe.run(browser.driver);
    (boardPage ? boardPagesChecked : otherPagesChecked).add(name);
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
  @Order(4)
  void eachCountyUploadsItsFilesWithHashesSeesTheReconciliationAndConfirms() throws Exception {
    splitCountyFiles();
    boolean first = true;
    for (String county : COUNTIES) {
      browser.as(county);
      browser.open(countyUrl(county, ""));
      if (first) {
        screen("county-dashboard", false);
      }
      browser.open(countyUrl(county, "/inputs"));
      if (first) {
        screen("county-inputs", false);
        // A typed hash that is not the file's: the upload is refused and the page says so.
        uploadInput("manifest", countyFiles.get(county + "/manifest"), "0".repeat(64), null);
        assertThat(browser.text())
            .contains("does not match what you typed", "Nothing was imported");
        screen("county-wrong-hash-refused", false);
        browser.open(countyUrl(county, "/inputs"));
      }
      uploadInput("manifest", countyFiles.get(county + "/manifest"), null, null);
      uploadInput("cvr", countyFiles.get(county + "/cvrs"), null, "dominion-csv");
      uploadInput("results", countyFiles.get(county + "/results"), null, null);
      browser.open(countyUrl(county, "/inputs"));
      for (String kind : List.of("manifest", "cvrs", "results")) {
        assertThat(browser.text())
            .as("the %s's SHA-256 is shown", kind)
            .contains(sha256(countyFiles.get(county + "/" + kind)));
      }
      if (first) {
        screen("county-inputs-uploaded", false);
      }
      browser.open(countyUrl(county, "/reconciliation"));
      assertThat(browser.text()).contains("Reconciliation").doesNotContain("must be fixed");
      screen("county-reconciliation-" + county, false);
      if (!browser.driver.findElements(By.name("note")).isEmpty()) {
        browser.fill("note", "Checked against the canvass.");
      }
      browser.press("Confirm these are the county's inputs");
      assertThat(browser.text()).contains("The county's inputs are confirmed");
      if (first) {
        screen("county-inputs-confirmed", false);
      }
      first = false;
    }
  }

  /**
   * Uploads one input on the county's inputs page: the file, the SHA-256 typed as the county
   * published it (the file's own unless {@code typedHash} is given), and the export's format.
   */
  private void uploadInput(String kind, Path file, String typedHash, String format)
      throws Exception {
    WebElement form =
        browser.find(By.xpath("//form[.//input[@name='kind' and @value='" + kind + "']]"));
    form.findElement(By.id("file-" + kind)).sendKeys(file.toAbsolutePath().toString());
    form.findElement(By.id("sha-" + kind)).sendKeys(typedHash != null ? typedHash : sha256(file));
    if (format != null) {
      new Select(form.findElement(By.name("format"))).selectByValue(format);
    }
    browser.click(form.findElement(By.xpath(".//button[@type='submit']")));
  }

  static String countyUrl(String county, String rest) {
    return "/county/" + AUDIT + "/" + county + rest;
  }

  @Test
  @Order(5)
  void theStateCommitsTheInputsSetsTheSeedReviewsTheSampleSizesAndLaunchesRoundOne() {
    browser.as("state");
    browser.open("/state/audits/" + AUDIT);
    screen("state-audit-overview-uploaded", false);
    browser.open("/state/audits/" + AUDIT + "/reconciliation");
    assertThat(browser.text()).contains("2 of 2 counties have no problem");
    screen("state-inputs-reconciled", false);
    if (!browser.driver.findElements(By.name("accept")).isEmpty()) {
      browser.fill("accept", "Reviewed with both counties before the commit.");
    }
    browser.press("Commit the inputs");
    assertThat(browser.text()).doesNotContain("must be fixed by the counties");

    browser.open("/state/audits/" + AUDIT + "/seed");
    screen("state-seed-ceremony", false);
    browser.fill("seed", SEED);
    browser.press("Set the seed");
    assertThat(browser.find(By.cssSelector("code.seed")).getText()).isEqualTo(SEED);
    browser.open("/state/audits/" + AUDIT + "/seed/display");
    assertThat(browser.driver.getPageSource()).contains(SEED);
    screen("state-seed-large-print", false);

    browser.open("/state/audits/" + AUDIT + "/sample");
    assertThat(browser.text()).contains("Estimated total draws per contest", CONTEST);
    screen("state-sample-sizes", false);
    browser.tick(browser.find(By.id("size-custom")));
    browser.fill("custom", Integer.toString(DRAWS));
    browser.press("Draw the round");
    assertThat(browser.path()).startsWith("/state/audits/" + AUDIT + "/rounds");
    browser.waitForText("Round 1 drawn");
    screen("state-round-1-launched", false);
  }

  @Test
  @Order(6)
  void eachCountyCreatesAnAuditBoardAndPrintsItsCredentials() {
    boolean first = true;
    for (String county : COUNTIES) {
      browser.as(county);
      browser.open(countyUrl(county, "/boards"));
      if (first) {
        screen("county-boards", false);
      }
      browser.fill("name", "Board 1");
      browser.fill("member1", "Ana Diaz");
      browser.fill("party1", "Democratic");
      browser.fill("member2", "Bo Reyes");
      browser.fill("party2", "Republican");
      browser.press("Create the board");
      String passphrase =
          browser.find(By.cssSelector("section.notice p.secret code")).getText().strip();
      assertThat(passphrase).isNotBlank();
      passphrases.put(county, passphrase);
      if (first) {
        screen("county-board-created", false);
      }
      // "Download the credentials sheet (PDF)": the same form, posted from the page.
      assertThat(postFormForBytes("form[action$='/boards/credentials.pdf']"))
          .as("the credentials sheet")
          .startsWith("application/pdf|%PDF-");
      browser.open(countyUrl(county, "/round"));
      if (first) {
        screen("county-round", false);
      }
      first = false;
    }
  }

  /**
   * Posts the page's form matching {@code selector} with fetch (the browser's cookies, the form's
   * CSRF field) and returns the answer's content type and its first five bytes, e.g. {@code
   * application/pdf|%PDF-}.
   */
  static String postFormForBytes(String selector) {
    return (String)
        browser.driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "var f = document.querySelector(arguments[0]);"
                + "fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f))})"
                + ".then(function (r) { return r.arrayBuffer().then(function (b) {"
                + "  var head = String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)));"
                + "  done((r.headers.get('content-type') || '').split(';')[0] + '|' + head); }); })"
                + ".catch(function (e) { done('ERROR ' + e); });",
            selector);
  }

  @Test
  @Order(7)
  void twoAuditBoardsSignInAndEnterEveryCardOneWithADiscrepancyReviewingEachFirst()
      throws Exception {
    Map<String, Cvr> paper = paper();
    boolean first = true;
    for (String county : COUNTIES) {
      browser.as("board " + county);
      browser.open("/board/login");
      if (first) {
        screen("board-sign-in", true);
      }
      browser.fill("passphrase", passphrases.get(county));
      browser.fill("member1", "Ana Diaz");
      browser.fill("party1", "Democratic");
      browser.fill("member2", "Bo Reyes");
      browser.fill("party2", "Republican");
      browser.press("Sign in");
      assertThat(browser.path()).as(browser.text()).isEqualTo("/board");
      assertThat(browser.text()).contains("Round 1", "Cards in retrieval order");
      screen("board-cards-" + county, true);
      int entered = enterEveryCard(county, paper, first);
      assertThat(entered).as("cards entered by the board of %s", county).isPositive();
      boardCards.put(county, entered);
      browser.open("/board");
      assertThat(browser.text()).contains(entered + " of " + entered + " cards saved");
      screen("board-all-saved-" + county, true);

      browser.follow("Sign off this round");
      screen("board-sign-off-" + county, true);
      browser.tick(browser.find(By.id("confirm1")));
      browser.tick(browser.find(By.id("confirm2")));
      browser.press("Sign off round 1");
      assertThat(browser.text()).contains("This board signed off round 1");
      first = false;
    }
    assertThat(discrepancyCard).as("the deliberate discrepancy was entered").isNotNull();
  }

  /**
   * Enters the board's cards one by one from the card page, as the paper shows them, through the
   * review page; one card that says the winner is entered blank (a one-vote overstatement).
   */
  private int enterEveryCard(String county, Map<String, Cvr> paper, boolean screens) {
    int entered = 0;
    browser.open("/board");
    while (!browser.driver.findElements(By.linkText("Enter the next card")).isEmpty()) {
      browser.follow("Enter the next card");
      while (browser.path().startsWith("/board/card?card=")) {
        String cardId =
            browser.find(By.cssSelector("form.entry input[name='card']")).getAttribute("value");
        Cvr card = paper.get(cardId);
        assertThat(card).as("paper of card %s", cardId).isNotNull();
        ContestVote truth = card.vote(CONTEST);
        String mark;
        if (discrepancyCard == null
            && county.equals(COUNTIES.get(1))
            && truth != null
            && truth.votesFor(WINNER)) {
          discrepancyCard = cardId;
          mark = "Blank (no mark)";
        } else if (truth == null) {
          mark = "Not on this card";
        } else if (truth.isBlank()) {
          mark = "Blank (no mark)";
        } else {
          mark = truth.choices().get(0);
        }
        WebElement box =
            browser.find(
                By.xpath(
                    "//fieldset[legend[normalize-space(.)="
                        + Browser.xpathString(CONTEST)
                        + "]]//label[span[normalize-space(.)="
                        + Browser.xpathString(mark)
                        + "]]/input"));
        browser.tick(box);
        if (screens && entered == 0) {
          screen("board-card-entry", true);
        }
        browser.press("Review this card");
        assertThat(browser.title()).startsWith("Review card");
        assertThat(browser.text()).contains("Check the entry against the card");
        if (screens && entered == 0) {
          screen("board-card-review", true);
        }
        String reviewUrl = browser.driver.getCurrentUrl();
        WebElement save = browser.find(By.xpath("//button[normalize-space(.)='Save this card']"));
        save.click();
        browser.wait.until(
            d -> !d.getCurrentUrl().equals(reviewUrl) || !browser.title().startsWith("Review"));
        browser.waitLoaded();
        entered++;
      }
      browser.open("/board");
    }
    return entered;
  }

  @Test
  @Order(8)
  void theCountiesSignOffTheRound() {
    boolean first = true;
    for (String county : COUNTIES) {
      browser.as(county);
      browser.open(countyUrl(county, "/round"));
      assertThat(browser.text()).doesNotContain("not recorded yet");
      browser.fill("person1", "Cy Park");
      browser.fill("party1", "Democratic");
      browser.fill("person2", "Di Ross");
      browser.fill("party2", "Republican");
      if (first) {
        screen("county-sign-off", false);
      }
      browser.press("Sign off round 1 for " + county);
      assertThat(browser.text()).contains("Two people signed off this round");
      if (first) {
        screen("county-signed-off", false);
      }
      first = false;
    }
  }

  @Test
  @Order(9)
  void theStateSeesTheRiskAndTheDiscrepancyEndsTheRoundAndPublishes() {
    browser.as("state");
    browser.open("/state/audits/" + AUDIT + "/rounds");
    String page = browser.text();
    assertThat(page).contains("Risk per assertion of " + CONTEST, "met the risk limit");
    WebElement riskTable =
        browser.find(
            By.xpath(
                "//table[caption[normalize-space(.)="
                    + Browser.xpathString("Risk per assertion of " + CONTEST)
                    + "]]"));
    List<WebElement> cells = riskTable.findElements(By.cssSelector("tbody tr td"));
    assertThat(cells).hasSizeGreaterThanOrEqualTo(4);
    assertThat(cells.get(cells.size() - 1).getText())
        .as("discrepancies counted for the assertion")
        .isEqualTo("1");
    String risk = cells.get(1).getText();
    assertThat(risk).as("risk (p-value)").endsWith("%");
    assertThat(Double.parseDouble(risk.replace("%", "").strip()))
        .as("the contest's risk, in percent, is below the 5 % limit")
        .isLessThan(5.0);
    assertThat(page).contains("Risk " + risk + ": met the risk limit");
    assertThat(browser.find(By.cssSelector("svg")).isDisplayed()).isTrue();
    screen("state-round-1-risk", false);

    browser.press("End the round");
    assertThat(browser.text())
        .contains("Round ended: every targeted contest met the risk limit.")
        .contains("The audit is complete");
    screen("state-audit-complete", false);

    browser.open("/state/audits/" + AUDIT + "/publish");
    browser.press("Publish the audit record");
    assertThat(browser.text()).contains("record.zip", "audit-record.json");
    screen("state-published", false);
  }

  @Test
  @Order(10)
  void thePublicPageShowsTheStatusAndTheRecordDownload() throws Exception {
    browser.as("public");
    browser.open("/public");
    screen("public-audits", false);
    browser.open("/public/audits/" + AUDIT);
    assertThat(browser.text()).contains("Audit record", CONTEST);
    assertThat(browser.text().toLowerCase(java.util.Locale.ROOT)).contains("complete");
    screen("public-audit", false);
    List<WebElement> downloads = browser.driver.findElements(By.cssSelector("ul.files a"));
    assertThat(downloads).extracting(WebElement::getText).contains("audit-record.json");

    // An observer downloads every file of the record, without signing in, and verifies it.
    Path record = Files.createDirectories(dir.resolve("downloaded-record"));
    HttpClient http = HttpClient.newHttpClient();
    for (WebElement a : downloads) {
      String href = a.getAttribute("href");
      HttpResponse<byte[]> r =
          http.send(HttpRequest.newBuilder(URI.create(href)).build(), BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as("anyone can download %s", href).isEqualTo(200);
      Path file = record.resolve(a.getText());
      Files.createDirectories(file.getParent());
      Files.write(file, r.body());
    }
    assertThat(Files.readString(record.resolve("discrepancies.csv")))
        .as("the board's deliberate discrepancy is in the published record")
        .contains(discrepancyCard);
    AuditDriver.Run verify = AuditDriver.run("verify", record.toString());
    assertThat(verify.exit()).as("riskaudit verify\n%s\n%s", verify.out(), verify.err()).isZero();
  }

  @Test
  @Order(900)
  void theAuditBoardsPagesHaveNoSeriousAccessibilityViolations() {
    minorFindings.forEach(f -> System.out.println("axe (moderate or minor): " + f));
    assertThat(boardPagesChecked)
        .as("the board's pages checked")
        .contains("board-sign-in", "board-card-entry", "board-card-review")
        .anyMatch(p -> p.startsWith("board-sign-off"));
    assertThat(boardFindings).as("serious or critical axe-core findings").isEmpty();
  }

  @Test
  @Order(901)
  void theOtherPagesHaveNoSeriousAccessibilityViolations() {
    assertThat(otherPagesChecked).as("the other pages checked").isNotEmpty();
    assertThat(otherFindings).as("serious or critical axe-core findings").isEmpty();
  }
}
