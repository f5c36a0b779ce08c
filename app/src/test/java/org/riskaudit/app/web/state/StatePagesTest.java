package org.riskaudit.app.web.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.record.RecordVerifier;
import org.riskaudit.app.record.VerifyReport;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.log.LogEntry;
import org.riskaudit.store.Rows;

class StatePagesTest {
  static final String SEED = "31415926535897932384626";

  @TempDir Path dir;
  StatePagesFixture f;

  @BeforeEach
  void start() {
    f = new StatePagesFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aStateAdministratorRunsAWholeComparisonAuditThroughTheStatePages() throws Exception {
    Path election = f.election();
    HttpResponse<String> created =
        f.postAndFollow(
            "/state/audits", StatePagesFixture.auditForm("recall", "Recall 2021", "0.05"));
    assertThat(created.body()).contains("Audit created").contains("none yet");
    assertThat(f.get("/state").body()).contains("recall").contains("Recall 2021");

    f.uploadInputs("recall", election);
    String overview = f.get("/state/audits/recall").body();
    assertThat(overview)
        .contains("2,000") // manifest cards and CVRs of each county
        .contains("not checked yet")
        .contains("href=\"/state/audits/recall/reconciliation\"");
    String dashboard = f.get("/state/audits/recall/reconciliation").body();
    assertThat(dashboard)
        .contains("<span class=\"ok\">ready</span>")
        .contains("2 of 2 counties have no problem that blocks the commit")
        .contains("Commit the inputs")
        .contains("Reconciliation report");

    f.postAndFollow("/state/audits/recall/commit", Map.of());
    assertThat(f.store.state("recall").stage()).isEqualTo(AuditStage.INPUTS_COMMITTED);

    String seeded = f.postAndFollow("/state/audits/recall/seed", Map.of("seed", SEED)).body();
    assertThat(seeded).contains("Seed set").contains(SEED).contains(SeedPages.sha256(SEED));
    String display = f.get("/state/audits/recall/seed/display").body();
    assertThat(display)
        .contains("31415 92653 58979 32384 626")
        .contains("/state/display.css")
        .doesNotContain("<header>");
    assertThat(f.get("/state/display.css").body()).contains("body.display");

    String sizes = f.get("/state/audits/recall/sample").body();
    List<ContestEstimate> estimates = new RoundService(f.store, "recall").estimates();
    assertThat(sizes)
        .contains("50 %")
        .contains("90 %")
        .contains(StateUi.count(estimates.get(0).p50()))
        .contains(StateUi.count(estimates.get(0).p80()))
        .contains(StateUi.count(estimates.get(0).p90()));

    String launched =
        f.postAndFollow("/state/audits/recall/rounds", Map.of("size", "P80", "custom", "")).body();
    assertThat(launched).contains("Round 1 drawn").contains("Waiting for");
    AuditProgress before = new ProgressService(f.store).progress("recall");
    assertThat(before.contests().get(0).drawn()).isEqualTo(estimates.get(0).p80());
    int county1Cards = before.counties().get("County 1").roundCards();
    assertThat(launched).contains("0 of " + StateUi.count(county1Cards));

    HttpResponse<String> early = f.post("/state/audits/recall/rounds/end", Map.of("size", "P80"));
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("Cannot end round 1: cards are not recorded yet");

    f.recordRound("recall", election, 1);
    RoundService rounds = new RoundService(f.store, "recall");
    for (String county : List.of("County 1", "County 2")) {
      rounds.signOff(county, "Ana Diaz (DEM)", "county:" + county + ":cy");
      rounds.signOff(county, "Bo Reyes (REP)", "county:" + county + ":cy");
    }
    String progress = f.get("/state/audits/recall/rounds").body();
    assertThat(progress)
        .contains(StateUi.count(county1Cards) + " of " + StateUi.count(county1Cards) + " (all)")
        .contains("Ana Diaz (DEM), Bo Reyes (REP) (2 of 2)")
        .contains("1 of 2") // boards signed off, from the board accounts
        .contains("met the risk limit")
        .contains("<svg")
        .contains("risk limit 0.05")
        .contains("<polyline");

    String ended = f.postAndFollow("/state/audits/recall/rounds/end", Map.of("size", "P80")).body();
    assertThat(ended).contains("every targeted contest met the risk limit").contains("Complete");
    assertThat(f.store.state("recall").stage()).isEqualTo(AuditStage.COMPLETE);

    String published = f.postAndFollow("/state/audits/recall/publish", Map.of()).body();
    assertThat(published).contains("Publication 1 written").contains("record.zip");
    Path pub = dir.resolve("data/publications/recall");
    assertThat(pub.resolve("latest.json")).exists();
    assertThat(pub.resolve("1/record.zip")).exists();
    assertThat(new RecordVerifier().verify(pub.resolve("1/record"), null).mismatches()).isEmpty();
    // the public pages serve dataDir/published/{audit}/: exactly the record, which verifies
    Path shown = dir.resolve("data/published/recall");
    VerifyReport verify = new RecordVerifier().verify(shown, null);
    assertThat(verify.mismatches()).isEmpty();
    assertThat(verify.passed()).isTrue();
    JsonNode latest = new ObjectMapper().readTree(pub.resolve("latest.json").toFile());
    assertThat(latest.get("version").asInt()).isEqualTo(1);
    assertThat(latest.get("stage").asText()).isEqualTo("COMPLETE");
    assertThat(published).contains("href=\"/public/audits/recall\"");

    HttpResponse<byte[]> zip = f.getBytes("/state/audits/recall/published/1/record.zip");
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElse("")).contains("application/zip");
    List<String> entries = new ArrayList<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        entries.add(e.getName());
      }
    }
    assertThat(entries).contains("record/audit-record.json", "record/activity-log.csv");
    HttpResponse<String> index = f.get("/state/audits/recall/published/1/record/audit-record.json");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains(SEED);

    List<String> stateActions =
        f.store.logEntries("recall").stream()
            .filter(e -> e.actor().equals(StatePagesFixture.ACTOR))
            .map(LogEntry::action)
            .toList();
    assertThat(stateActions).hasSizeGreaterThanOrEqualTo(6).endsWith("publish");
  }

  @Test
  void anOutcomeChangingAttackGoesToAFullHandCountWhoseStatusAndResultTheStateSees()
      throws Exception {
    Path election = f.election("--attack", "County 1=0.25,County 2=0.25");
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("atk", "Recall", "0.05"));
    f.uploadInputs("atk", election);
    f.postAndFollow("/state/audits/atk/commit", Map.of());
    f.postAndFollow("/state/audits/atk/seed", Map.of("seed", SEED));
    f.postAndFollow("/state/audits/atk/rounds", Map.of("size", "P80"));
    f.recordRound("atk", election, 1);
    f.signOff("atk");
    String ready = f.get("/state/audits/atk/rounds").body();
    assertThat(ready).contains("has not met the risk limit").contains("these contests continue");
    String handCount =
        f.postAndFollow("/state/audits/atk/rounds/end", Map.of("size", "hand-count")).body();
    assertThat(handCount)
        .contains("go to a full hand count")
        .contains("Hand count status")
        .contains("Batches still to tally")
        .contains("<td>40</td>") // 4,000 cards in batches of 100
        .doesNotContain("Finish the full hand count");
    assertThat(f.store.state("atk").stage()).isEqualTo(AuditStage.FULL_HAND_COUNT);
    HttpResponse<String> early = f.post("/state/audits/atk/rounds/end", Map.of());
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("Cannot finish the full hand count of &#39;Question 1&#39;");

    f.recordHandCount("atk", election, "Question 1", List.of("Yes", "No"));
    assertThat(f.get("/state/audits/atk/rounds").body()).contains("Finish the full hand count");
    f.postAndFollow("/state/audits/atk/rounds/end", Map.of());
    assertThat(f.store.state("atk").stage()).isEqualTo(AuditStage.COMPLETE);
    List<LogEntry> log = f.store.logEntries("atk");
    assertThat(log.get(log.size() - 1).details())
        .contains("replaces the reported outcome [Yes] with [No]");
    assertThat(log.get(log.size() - 1).actor()).isEqualTo(StatePagesFixture.ACTOR);
  }

  @Test
  void everyActionOfTheStatePagesIsLoggedWithTheSignedInAdministrator() throws Exception {
    Path election = f.election();
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("a1", "E", "0.05"));
    f.uploadInputs("a1", election);
    f.postAndFollow("/state/audits/a1/commit", Map.of());
    f.postAndFollow("/state/audits/a1/seed", Map.of("seed", SEED));
    f.postAndFollow("/state/audits/a1/rounds", Map.of("size", "P50"));
    f.postAndFollow("/state/audits/a1/publish", Map.of());
    List<LogEntry> log = f.store.logEntries("a1");
    List<String> byState =
        log.stream().filter(e -> e.actor().equals("state:ana")).map(LogEntry::action).toList();
    assertThat(byState).hasSize(5).last().isEqualTo("publish");
    assertThat(f.store.verifyLog("a1")).isEmpty();
  }

  @Test
  void theFiftyAndNinetyPercentOptionsDrawTheEstimatedSizesAndACustomSizeDrawsThatMany()
      throws Exception {
    Path election = f.election();
    for (String id : List.of("p50", "p90", "custom")) {
      // polling: the simulated audits stop at varied sizes, so 50 % and 90 % differ
      Map<String, String> form =
          new java.util.LinkedHashMap<>(StatePagesFixture.auditForm(id, "E", "0.05"));
      form.put("type0", "polling");
      f.postAndFollow("/state/audits", form);
      f.uploadInputs(id, election);
      f.postAndFollow("/state/audits/" + id + "/commit", Map.of());
      f.postAndFollow("/state/audits/" + id + "/seed", Map.of("seed", SEED));
    }
    ContestEstimate e = new RoundService(f.store, "p50").estimates().get(0);
    assertThat(e.p50()).isLessThan(e.p90());
    f.postAndFollow("/state/audits/p50/rounds", Map.of("size", "P50"));
    f.postAndFollow("/state/audits/p90/rounds", Map.of("size", "P90"));
    f.postAndFollow("/state/audits/custom/rounds", Map.of("size", "custom", "custom", "37"));
    assertThat(drawn("p50")).isEqualTo(e.p50());
    assertThat(drawn("p90")).isEqualTo(e.p90());
    assertThat(drawn("custom")).isEqualTo(37);
  }

  private int drawn(String auditId) {
    return (int)
        f.store.rounds().draws(auditId).stream().map(Rows.DrawRow::drawNo).distinct().count();
  }

  @Test
  void aRiskLimitAboveCaliforniasFivePercentIsRefusedWithTheRuleAndTheFormKeepsWhatWasTyped()
      throws Exception {
    HttpResponse<String> r =
        f.post("/state/audits", StatePagesFixture.auditForm("big", "Recall 2021", "0.2"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("role=\"alert\"")
        .contains("Risk limit 0.2 is not allowed: California requires a risk limit greater than 0")
        .contains("at most 0.05")
        .contains("value=\"Recall 2021\"")
        .contains("value=\"Question 1\"");
    assertThat(f.store.audits().audits()).isEmpty();

    HttpResponse<String> words =
        f.post("/state/audits", StatePagesFixture.auditForm("big", "Recall 2021", "five"));
    assertThat(words.statusCode()).isEqualTo(400);
    assertThat(words.body()).contains("The risk limit &#39;five&#39; is not a number");

    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("pct", "Recall 2021", "5 %"));
    assertThat(f.store.audits().audit("pct").orElseThrow().riskLimit())
        .isEqualByComparingTo("0.05");
  }

  @Test
  void anAuditWithoutATargetedContestOrCountiesIsRefusedWithWhatToFix() throws Exception {
    Map<String, String> form =
        new java.util.LinkedHashMap<>(StatePagesFixture.auditForm("x", "E", "0.05"));
    form.put("role0", "opportunistic");
    HttpResponse<String> r = f.post("/state/audits", form);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("an audit needs at least one targeted contest");

    form = new java.util.LinkedHashMap<>(StatePagesFixture.auditForm("x", "E", "0.05"));
    form.put("counties", "County 1, ballot-polling");
    r = f.post("/state/audits", form);
    assertThat(r.body())
        .contains("Counties, line 1: &#39;ballot-polling&#39; is not an audit type");

    form.put("counties", "");
    r = f.post("/state/audits", form);
    assertThat(r.body()).contains("List the counties taking part");
    assertThat(f.store.audits().audits()).isEmpty();
  }

  @Test
  void countyAuditTypesAreTakenFromTheCountyList() throws Exception {
    Map<String, String> form =
        new java.util.LinkedHashMap<>(StatePagesFixture.auditForm("t", "E", "0.05"));
    form.put("counties", "County 1\nAlpine, oneaudit\nSierra ,polling\n");
    f.postAndFollow("/state/audits", form);
    assertThat(f.store.audits().counties("t"))
        .extracting(c -> c.county() + "=" + c.auditType())
        .containsExactly("Alpine=ONEAUDIT", "County 1=COMPARISON", "Sierra=POLLING");
  }

  @Test
  void hostileNamesAreEscapedOnEveryStatePage() throws Exception {
    String hostile = "<script>alert(1)</script>";
    Map<String, String> form =
        new java.util.LinkedHashMap<>(StatePagesFixture.auditForm("h", hostile, "0.05"));
    form.put("contest0", "Q\"><img src=x onerror=alert(2)>");
    form.put("counties", "<b onmouseover=alert(3)>County</b>\n");
    f.postAndFollow("/state/audits", form);
    for (String page :
        List.of(
            "/state",
            "/state/audits/h",
            "/state/audits/h/reconciliation",
            "/state/audits/h/seed",
            "/state/audits/h/seed/display",
            "/state/audits/h/sample",
            "/state/audits/h/rounds",
            "/state/audits/h/publish")) {
      String body = f.get(page).body();
      assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
      assertThat(body).as(page).doesNotContain("<b onmouseover");
    }
    assertThat(f.get("/state").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(f.get("/state/audits/h").body())
        .contains("&lt;b onmouseover=alert(3)&gt;County&lt;/b&gt;")
        .contains("Q&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    // a refused form shows what was typed, escaped
    form.put("riskLimit", "0.2");
    form.put("id", "h2");
    assertThat(f.post("/state/audits", form).body())
        .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
        .doesNotContain("<script>alert");
  }

  @Test
  void committingBeforeEveryCountyHasUploadedIsRefusedAndNamesTheMissingInput() throws Exception {
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("c", "E", "0.05"));
    assertThat(f.get("/state/audits/c").body()).contains("none yet");
    String dashboard = f.get("/state/audits/c/reconciliation").body();
    assertThat(dashboard).contains("none yet").contains("problem(s) to fix");
    assertThat(dashboard).doesNotContain("<button type=\"submit\">Commit the inputs");
    HttpResponse<String> r = f.post("/state/audits/c/commit", Map.of());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("Cannot commit the inputs").contains("has no ballot manifest");
    assertThat(f.store.state("c").stage()).isEqualTo(AuditStage.DEFINED);
  }

  @Test
  void aSeedOfNineteenDigitsIsRefusedAndASecondSeedShowsTheLifecycleRefusal() throws Exception {
    Path election = f.election();
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("s", "E", "0.05"));
    HttpResponse<String> early = f.post("/state/audits/s/seed", Map.of("seed", SEED));
    assertThat(early.statusCode()).isEqualTo(409);
    f.uploadInputs("s", election);
    f.postAndFollow("/state/audits/s/commit", Map.of());

    HttpResponse<String> short19 =
        f.post("/state/audits/s/seed", Map.of("seed", "1234567890123456789"));
    assertThat(short19.statusCode()).isEqualTo(409);
    assertThat(short19.body())
        .contains("The seed must have at least 20 decimal digits, got 19")
        .contains("value=\"1234567890123456789\"");
    assertThat(f.store.state("s").seed()).isEmpty();

    HttpResponse<String> letters =
        f.post("/state/audits/s/seed", Map.of("seed", "1234567890abcdefghij"));
    assertThat(letters.body()).contains("character &#39;a&#39; at position 11 is not one");

    f.postAndFollow("/state/audits/s/seed", Map.of("seed", SEED));
    HttpResponse<String> again =
        f.post("/state/audits/s/seed", Map.of("seed", "99999999999999999999999"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Cannot change the seed: it was set once and never changes");
    assertThat(again.body()).doesNotContain("Set the seed</button>");
    assertThat(f.store.state("s").seed().orElseThrow().digits()).isEqualTo(SEED);
  }

  @Test
  void aBadCustomSizeSaysWhatToTypeAndDrawsNothing() throws Exception {
    Path election = f.election();
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("b", "E", "0.05"));
    f.uploadInputs("b", election);
    f.postAndFollow("/state/audits/b/commit", Map.of());
    f.postAndFollow("/state/audits/b/seed", Map.of("seed", SEED));
    HttpResponse<String> r =
        f.post("/state/audits/b/rounds", Map.of("size", "custom", "custom", "lots"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("The custom size must be a whole number of draws per contest");
    assertThat(f.store.rounds().draws("b")).isEmpty();
  }

  @Test
  void publishedFilesCannotBeReadOutsideTheirPublicationAndUnknownAuditsAreNotFound()
      throws Exception {
    Path election = f.election();
    f.postAndFollow("/state/audits", StatePagesFixture.auditForm("p", "E", "0.05"));
    assertThat(f.post("/state/audits/p/publish", Map.of()).statusCode()).isEqualTo(409);
    f.uploadInputs("p", election);
    f.postAndFollow("/state/audits/p/commit", Map.of());
    f.postAndFollow("/state/audits/p/publish", Map.of());
    f.postAndFollow("/state/audits/p/publish", Map.of());
    Path two = dir.resolve("data/publications/p/2/record/audit-record.json");
    assertThat(dir.resolve("data/publications/p/1/record/audit-record.json")).exists();
    assertThat(Files.readString(dir.resolve("data/published/p/audit-record.json")))
        .isEqualTo(Files.readString(two));
    // the second record's log holds the first publication's entry, and still verifies
    assertThat(Files.readString(dir.resolve("data/published/p/activity-log.csv")))
        .contains(",publish,version=1 stage=INPUTS_COMMITTED");
    assertThat(new RecordVerifier().verify(dir.resolve("data/published/p"), null).mismatches())
        .isEmpty();
    try (var files = Files.list(dir.resolve("data/published"))) {
      assertThat(files.map(x -> x.getFileName().toString())).containsExactly("p");
    }
    Files.writeString(dir.resolve("data/secret.txt"), "secret");
    for (String path :
        List.of(
            "/state/audits/p/published/1/..%2F..%2F..%2Fsecret.txt",
            "/state/audits/p/published/1/../../../secret.txt",
            "/state/audits/p/published/0/record.zip",
            "/state/audits/p/published/x/record.zip",
            "/state/audits/other/published/1/record.zip")) {
      HttpResponse<String> r = f.get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("secret");
    }
    assertThat(f.get("/state/audits/nope").statusCode()).isEqualTo(404);
    assertThat(f.get("/state/audits/nope/rounds").statusCode()).isEqualTo(404);
    assertThat(f.post("/state/audits/nope/seed", Map.of("seed", SEED)).statusCode()).isEqualTo(404);
  }
}
