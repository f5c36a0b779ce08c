package org.riskaudit.app.web.pub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.RecordingService;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.record.RecordExporter;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.board.BoardFixture;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.formats.audit.RecordedCard;

/**
 * The public pages, without sign-in: the audits, an audit's status, per-contest risk and county
 * progress, and the published record's files, served only from the record's folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesTest {
  @TempDir static Path dir;
  BoardFixture f;
  WebClient anyone;

  @BeforeAll
  void start() throws Exception {
    f = BoardFixture.start(dir, 1, 60);
    anyone = new WebClient(f.port());
    // half of County 1's cards are entered (matching their CVRs)
    AuditSnapshot s = AuditLoader.load(f.store, "audit");
    List<RecordedCard> cards = new ArrayList<>();
    for (RetrievalRow r : RetrievalService.currentRound(s, 1)) {
      if (r.county().equals("County 1") && cards.size() < 10) {
        cards.add(
            new RecordedCard(
                r.cardId(),
                Interpretation.matching(
                    f.store.cards().find("audit", CardId.parse(r.cardId())).orElseThrow()),
                0,
                "test board",
                0));
      }
    }
    assertThat(new RecordingService(f.store, "audit").record(cards, "test").written())
        .isEqualTo(10);
  }

  @AfterAll
  void stop() {
    f.close();
  }

  @Test
  void theAuditsAndAnAuditsRiskAndProgressAreShownWithoutSignIn() {
    HttpResponse<String> list = anyone.get("/public");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/public/audits/audit\"", "round in progress");
    HttpResponse<String> page = anyone.get("/public/audits/audit");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Risk per contest", "Question 1", "Progress per county", "County 1", "County 2")
        .contains("5.00 %")
        .contains("<td>10</td>")
        .doesNotContain("Sign out");
    assertThat(anyone.get("/public/audits/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void noCvrOfACardThatWasNotSampledAppearsOnThePublicPage() {
    Set<String> sampled = new HashSet<>();
    f.store.rounds().draws("audit").forEach(d -> sampled.add(d.cardId()));
    List<String> unsampled = new ArrayList<>();
    f.store
        .cards()
        .forEach(
            "audit",
            c -> {
              if (!sampled.contains(CardId.of(c.location()))
                  && !c.imprintedId().isEmpty()
                  && unsampled.size() < 500) {
                unsampled.add(c.imprintedId());
              }
            });
    assertThat(unsampled).isNotEmpty();
    String page = anyone.get("/public/audits/audit").body();
    for (String id : unsampled) {
      assertThat(page).doesNotContain(id);
    }
  }

  @Test
  void thePublishedRecordIsListedAndDownloadedAndNothingOutsideItIsServed() throws Exception {
    Path published = f.dataDir.resolve("published").resolve("audit");
    assertThat(PublicModule.publishedFiles(f.dataDir, "audit")).isEmpty();
    assertThat(anyone.get("/public/audits/audit").body())
        .contains("The audit record has not been published yet.");
    new RecordExporter(f.store, "audit").export(published, false);
    Files.writeString(f.dataDir.resolve("secret.txt"), "not public");
    Files.writeString(published.resolve(".hidden"), "not public");
    String page = anyone.get("/public/audits/audit").body();
    assertThat(page).contains("audit-record.json", "draws.csv", "activity-log.csv");
    assertThat(page).doesNotContain(".hidden").doesNotContain("cvrs/all");
    HttpResponse<String> index = anyone.get("/public/audits/audit/record/audit-record.json");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).isEqualTo(Files.readString(published.resolve("audit-record.json")));
    assertThat(index.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    // the state's publication ZIP, when there is one
    Path pub = Files.createDirectories(f.dataDir.resolve("publications/audit/1"));
    Files.write(pub.resolve("record.zip"), new byte[] {'P', 'K', 3, 4});
    Files.writeString(
        f.dataDir.resolve("publications/audit/latest.json"),
        "{\"audit\":\"audit\",\"version\":1,\"zipSha256\":\"abc123\"}");
    assertThat(anyone.get("/public/audits/audit").body())
        .contains("href=\"/public/audits/audit/record.zip\"", "SHA-256 abc123");
    HttpResponse<String> zip = anyone.get("/public/audits/audit/record.zip");
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
    for (String bad :
        List.of(
            "/public/audits/audit/record/..%2Fsecret.txt",
            "/public/audits/audit/record/%2e%2e/%2e%2e/secret.txt",
            "/public/audits/audit/record/..%2F..%2Fsecret.txt",
            "/public/audits/audit/record/.hidden",
            "/public/audits/audit/record/%2Fetc%2Fpasswd",
            "/public/audits/audit/record/nope.csv")) {
      HttpResponse<String> r = anyone.get(bad);
      assertThat(r.statusCode()).as(bad).isNotEqualTo(200);
      assertThat(r.body()).as(bad).doesNotContain("not public");
    }
  }

  @Test
  void aPathOutsideTheRecordOrThroughALinkIsNeverResolved() throws Exception {
    Path data = Files.createDirectories(dir.resolve("resolve"));
    Path record = Files.createDirectories(data.resolve("published").resolve("a"));
    Files.writeString(record.resolve("ok.csv"), "x");
    Files.writeString(data.resolve("secret.txt"), "no");
    assertThat(PublicModule.resolve(data, "a", "ok.csv")).isPresent();
    assertThat(PublicModule.resolve(data, "a", "../../secret.txt")).isEmpty();
    assertThat(PublicModule.resolve(data, "a", "/etc/passwd")).isEmpty();
    assertThat(PublicModule.resolve(data, "a", "..\\..\\secret.txt")).isEmpty();
    assertThat(PublicModule.resolve(data, "..", "secret.txt")).isEmpty();
    assertThat(
            PublicModule.recordDir(data, "../..")
                .normalize()
                .startsWith(data.resolve("published").normalize()))
        .isTrue();
    try {
      Files.createSymbolicLink(record.resolve("link.txt"), data.resolve("secret.txt"));
      assertThat(PublicModule.resolve(data, "a", "link.txt")).isEmpty();
    } catch (UnsupportedOperationException | java.io.IOException e) {
      // no symbolic links on this file system: nothing to check
    }
  }
}
