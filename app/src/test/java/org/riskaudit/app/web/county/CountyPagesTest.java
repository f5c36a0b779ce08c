package org.riskaudit.app.web.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.HashedFile;
import org.riskaudit.app.web.county.CountyFixture.Part;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.core.audit.log.LogEntry;

/** The county administrator's pages over real HTTP, on a generated two-county election. */
class CountyPagesTest {
  private static final long LIMIT = 8L << 20;
  private static final Pattern PASSPHRASE =
      Pattern.compile("<p class=\"secret\"><code>([^<]+)</code>");

  @TempDir Path dir;

  private static String sha(Path p) throws IOException {
    return HashedFile.sha256(p);
  }

  @Test
  void aCountyUploadsItsGeneratedFilesAndSeesTheReconciliationBeforeConfirmingThem()
      throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      WebClient c = f.admin(CountyFixture.C1);
      Path manifest = f.manifest(CountyFixture.C1);
      HttpResponse<String> m =
          f.upload(
              c,
              CountyFixture.C1,
              "manifest",
              Map.of("sha256", sha(manifest).toUpperCase()),
              Part.of(manifest));
      assertThat(m.statusCode()).as(m.body()).isEqualTo(200);
      assertThat(m.body())
          .contains("Ballot manifest imported")
          .contains(sha(manifest))
          .contains("matches what you typed");
      HttpResponse<String> cvr =
          f.upload(
              c,
              CountyFixture.C1,
              "cvr",
              Map.of("format", "auto", "sha256", sha(f.cvrZip(CountyFixture.C1))),
              Part.of(f.cvrZip(CountyFixture.C1)));
      assertThat(cvr.statusCode()).as(cvr.body()).isEqualTo(200);
      assertThat(cvr.body()).contains("CVR export imported").contains("1,000 cards");
      HttpResponse<String> r =
          f.upload(c, CountyFixture.C1, "results", Map.of(), Part.of(f.results(CountyFixture.C1)));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("No SHA-256 was typed");

      // the reconciliation is shown, with nothing committed
      assertThat(c.get(CountyFixture.base(CountyFixture.C1) + "/inputs").body())
          .contains("Not confirmed yet")
          .contains(sha(manifest));
      HttpResponse<String> inputs = c.get(CountyFixture.base(CountyFixture.C1) + "/reconciliation");
      assertThat(inputs.statusCode()).isEqualTo(200);
      assertThat(inputs.body())
          .contains("Reconciliation checks of the county")
          .contains("County 1 / Question 1")
          .contains("CVR tabulation equals the reported results")
          .contains("1,000 cards in 20 batches")
          .contains("Confirm these are the county");
      assertThat(f.store.state(CountyFixture.AUDIT).stage().name()).isEqualTo("DEFINED");
      // the stored files are the uploaded ones, under the county's upload folder
      try (Stream<Path> files =
          Files.walk(f.dir.resolve("data/uploads/audit/County_1")).filter(Files::isRegularFile)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                "County_1-ballot-manifest.csv", "County 1.zip", "County_1-reported-results.csv");
      }

      HttpResponse<String> confirm =
          c.post(CountyFixture.base(CountyFixture.C1) + "/inputs/confirm", Map.of());
      assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(303);
      assertThat(c.get(CountyFixture.base(CountyFixture.C1)).body())
          .contains("confirmed by the county; waiting for the state");
      List<LogEntry> log = f.store.logEntries(CountyFixture.AUDIT);
      assertThat(log)
          .filteredOn(e -> e.action().equals(InputPages.CONFIRM_ACTION))
          .singleElement()
          .satisfies(e -> assertThat(e.actor()).isEqualTo("county:County 1:ann"));
      assertThat(log)
          .filteredOn(e -> e.actor().equals("county:County 1:ann"))
          .hasSizeGreaterThanOrEqualTo(4); // three imports and the confirmation

      // the same manifest again keeps the confirmation; another file (CRLF lines) makes it stale
      f.upload(c, CountyFixture.C1, "manifest", Map.of(), Part.of(manifest));
      assertThat(c.get(CountyFixture.base(CountyFixture.C1)).body())
          .contains("confirmed by the county");
      Path crlf = f.dir.resolve("crlf").resolve(manifest.getFileName());
      Files.createDirectories(crlf.getParent());
      Files.writeString(crlf, String.join("\r\n", Files.readAllLines(manifest)) + "\r\n");
      HttpResponse<String> again =
          f.upload(c, CountyFixture.C1, "manifest", Map.of(), Part.of(crlf));
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(c.get(CountyFixture.base(CountyFixture.C1)).body())
          .doesNotContain("confirmed by the county");
    }
  }

  @Test
  void aTypedHashThatDiffersFromTheFileIsRefusedAndNothingIsKept() throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      WebClient c = f.admin(CountyFixture.C1);
      Path manifest = f.manifest(CountyFixture.C1);
      String wrong = "ab".repeat(32);
      HttpResponse<String> r =
          f.upload(c, CountyFixture.C1, "manifest", Map.of("sha256", wrong), Part.of(manifest));
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body())
          .contains("does not match what you typed")
          .contains(sha(manifest))
          .contains(wrong)
          .contains("Nothing was imported");
      AuditSnapshot s = AuditLoader.load(f.store, CountyFixture.AUDIT);
      assertThat(s.manifest().batches()).isEmpty();
      assertThat(s.inputFiles()).isEmpty();
      try (Stream<Path> files = Files.walk(f.dir.resolve("data"))) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
      // a hash of the wrong length is named as such
      HttpResponse<String> shortHash =
          f.upload(
              c,
              CountyFixture.C1,
              "manifest",
              Map.of("sha256", "abcdef0123456789abcdef0123456789"),
              Part.of(manifest));
      assertThat(shortHash.statusCode()).isEqualTo(400);
      assertThat(shortHash.body()).contains("has 32 digits; a SHA-256 has 64");
    }
  }

  @Test
  void fileNamesThatNameAnotherFolderAreRefused() throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      WebClient c = f.admin(CountyFixture.C1);
      byte[] content = Files.readAllBytes(f.manifest(CountyFixture.C1));
      for (String name :
          List.of("../../../riskaudit.db", "..\\..\\evil.csv", "/etc/passwd", ".hidden.csv")) {
        HttpResponse<String> r =
            f.upload(c, CountyFixture.C1, "manifest", Map.of(), new Part(name, content));
        assertThat(r.statusCode()).as(name).isEqualTo(400);
        assertThat(r.body()).as(name).contains("is not accepted").contains("Rename the file");
      }
      assertThat(AuditLoader.load(f.store, CountyFixture.AUDIT).manifest().batches()).isEmpty();
      try (Stream<Path> files = Files.walk(f.dir)) {
        assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("evil.csv");
      }
    }
  }

  @Test
  void anUploadOverTheLimitAnotherCountysRowsAndImportErrorsAreRefusedWithWhatToFix()
      throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, 16 * 1024)) {
      WebClient c = f.admin(CountyFixture.C1);
      HttpResponse<String> big =
          f.upload(c, CountyFixture.C1, "cvr", Map.of(), Part.of(f.cvrZip(CountyFixture.C1)));
      assertThat(big.statusCode()).isEqualTo(413);
      assertThat(big.body()).contains("larger than the limit of 16384 bytes");

      HttpResponse<String> statewide =
          f.upload(
              c,
              CountyFixture.C1,
              "manifest",
              Map.of(),
              Part.of(f.election.resolve("ballot-manifest.csv")));
      assertThat(statewide.statusCode()).isEqualTo(422);
      assertThat(statewide.body()).contains("has rows of other counties (County 2)");

      List<String> lines = Files.readAllLines(f.manifest(CountyFixture.C1));
      lines.set(3, lines.get(3).replaceAll(",\\d+$", ",many"));
      Path broken = f.dir.resolve("broken-manifest.csv");
      Files.write(broken, lines);
      HttpResponse<String> bad =
          f.upload(c, CountyFixture.C1, "manifest", Map.of(), Part.of(broken));
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body())
          .contains("The ballot manifest has errors; nothing was imported")
          .contains("broken-manifest.csv")
          .contains("broken-manifest.csv:4");
      assertThat(AuditLoader.load(f.store, CountyFixture.AUDIT).manifest().batches()).isEmpty();
    }
  }

  @Test
  void boardsAreCreatedWithAPassphraseShownOnceAndPrintedOnTheCredentialsPdf() throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      WebClient c = f.admin(CountyFixture.C1);
      f.uploadAll(c, CountyFixture.C1);
      HttpResponse<String> created = createBoard(c, "Board East", "Ana Diaz", "Bo Reyes");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      Matcher m = PASSPHRASE.matcher(created.body());
      assertThat(m.find()).as(created.body()).isTrue();
      String passphrase = m.group(1);
      assertThat(passphrase).matches("\\d+( [a-z]+){5}");
      assertThat(f.store.logEntries(CountyFixture.AUDIT))
          .anyMatch(
              e -> e.action().equals("board-create") && e.actor().equals("county:County 1:ann"));
      // shown once: the board list does not show it again
      assertThat(c.get(CountyFixture.base(CountyFixture.C1) + "/boards").body())
          .contains("Board East")
          .contains("Ana Diaz (DEM)")
          .doesNotContain(passphrase);

      String boardId = passphrase.substring(0, passphrase.indexOf(' '));
      HttpResponse<byte[]> pdf = credentials(f, c, boardId, passphrase);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      String text = pdfText(pdf.body());
      assertThat(text)
          .contains(passphrase)
          .contains("Board East")
          .contains("County 1")
          .contains("http://127.0.0.1:" + f.server.port() + "/board/login");

      HttpResponse<byte[]> forged =
          credentials(f, c, boardId, boardId + " aaaa bbbb cccc dddd eeee");
      assertThat(forged.statusCode()).isEqualTo(403);
      // another county's administrator cannot print it either (the board is not theirs)
      WebClient other = f.admin(CountyFixture.C2);
      assertThat(credentials(f, other, boardId, passphrase, CountyFixture.C2).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void theRoundsRetrievalListsAreServedPerBoardAsPdfWithPlaceholdersAndAsCsv() throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      f.roundInProgress(40);
      WebClient c = f.admin(CountyFixture.C1);
      List<String> passphrases = new java.util.ArrayList<>();
      for (String[] b :
          new String[][] {{"Board 1", "Ana Diaz", "Bo Reyes"}, {"Board 2", "Cy Lee", "Di Moss"}}) {
        HttpResponse<String> made = createBoard(c, b[0], b[1], b[2]);
        assertThat(made.statusCode()).isEqualTo(200);
        Matcher m = PASSPHRASE.matcher(made.body());
        assertThat(m.find()).isTrue();
        passphrases.add(m.group(1));
      }

      String base = CountyFixture.base(CountyFixture.C1);
      HttpResponse<String> page = c.get(base + "/round");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Audit board 1, Board 1").contains("Audit board 2, Board 2");

      HttpResponse<String> csv = c.get(base + "/round/retrieval.csv");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      List<String> lines = csv.body().lines().toList();
      assertThat(lines.get(0)).startsWith("County,Container,Tabulator,Batch");
      assertThat(lines.subList(1, lines.size()))
          .isNotEmpty()
          .allMatch(l -> l.startsWith("County 1,"));
      long board1 = lines.stream().skip(1).filter(l -> l.matches(".*,1,(yes|no)$")).count();
      long board2 = lines.stream().skip(1).filter(l -> l.matches(".*,2,(yes|no)$")).count();
      assertThat(board1 + board2).isEqualTo(lines.size() - 1);

      HttpResponse<byte[]> pdf = getBytes(f, c, base + "/round/retrieval.pdf?board=1");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      try (PDDocument doc = Loader.loadPDF(pdf.body())) {
        // the list page(s), then one placeholder sheet per card of board 1
        assertThat(doc.getNumberOfPages()).isGreaterThan((int) board1);
        String text = new PDFTextStripper().getText(doc);
        assertThat(text).contains("AUDIT PLACEHOLDER").contains("audit board 1 (Board 1)");
      }
      assertThat(getBytes(f, c, base + "/round/retrieval.pdf?board=3").statusCode()).isEqualTo(404);
      // the board table counts each board's cards
      assertThat(c.get(base + "/round").body()).contains("Board 1 (list 1)");

      // board 1's printed list is exactly the cards board 1 sees on its own entry page
      WebClient board = new WebClient(f.server.port());
      board.get("/board/login");
      HttpResponse<String> in =
          board.post(
              "/board/login",
              Map.of(
                  "passphrase", passphrases.get(0),
                  "member1", "Ana Diaz",
                  "party1", "DEM",
                  "member2", "Bo Reyes",
                  "party2", "REP"));
      assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
      java.util.Set<String> onScreen = new java.util.TreeSet<>();
      Matcher card =
          Pattern.compile("/board/card\\?card=([^\"&]+)").matcher(board.get("/board").body());
      while (card.find()) {
        onScreen.add(java.net.URLDecoder.decode(card.group(1), StandardCharsets.UTF_8));
      }
      java.util.Set<String> printed = new java.util.TreeSet<>();
      lines.stream()
          .skip(1)
          .map(l -> l.split(","))
          .filter(cols -> cols[cols.length - 2].equals("1"))
          .forEach(cols -> printed.add(cols[5]));
      assertThat(onScreen).isNotEmpty().isEqualTo(printed);
    }
  }

  @Test
  void signOffIsRefusedWhileCardsRemainUnrecordedAndAcceptedFromTwoPeopleAfter()
      throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      f.roundInProgress(30);
      WebClient c = f.admin(CountyFixture.C1);
      String base = CountyFixture.base(CountyFixture.C1);
      Map<String, String> two =
          Map.of("person1", "Ana Diaz", "party1", "DEM", "person2", "Bo Reyes", "party2", "REP");
      HttpResponse<String> early = c.post(base + "/round/sign-off", two);
      assertThat(early.statusCode()).isEqualTo(409);
      assertThat(early.body())
          .containsPattern(
              "Cannot sign off round 1 for County 1: \\d+ of its \\d+ cards are not recorded yet");
      assertThat(AuditLoader.load(f.store, CountyFixture.AUDIT).signOffs()).isEmpty();

      HttpResponse<String> same =
          c.post(
              base + "/round/sign-off",
              Map.of(
                  "person1", "Ana Diaz", "party1", "DEM", "person2", "ana diaz", "party2", "dem"));
      assertThat(same.statusCode()).isEqualTo(400);
      assertThat(same.body()).contains("two different people");

      f.driver.recordRound();
      HttpResponse<String> ok = c.post(base + "/round/sign-off", two);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
      AuditSnapshot s = AuditLoader.load(f.store, CountyFixture.AUDIT);
      assertThat(s.signOffs())
          .extracting(o -> o.county() + ": " + o.person())
          .containsExactly("County 1: Ana Diaz (DEM)", "County 1: Bo Reyes (REP)");
      assertThat(f.store.logEntries(CountyFixture.AUDIT))
          .filteredOn(e -> e.actor().equals("county:County 1:ann"))
          .anyMatch(e -> e.details().contains("person=Bo Reyes (REP)"));
      assertThat(c.get(base + "/round").body())
          .contains("Two people signed off this round for the county");
    }
  }

  @Test
  void hostileNamesAreEscapedEverywhereTheyAreShown() throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      WebClient c = f.admin(CountyFixture.C1);
      String evil = "<script>alert(1)</script>";
      Path manifest = f.manifest(CountyFixture.C1);
      HttpResponse<String> up =
          f.upload(
              c,
              CountyFixture.C1,
              "manifest",
              Map.of(),
              new Part("<img src=x onerror=alert(1)>.csv", Files.readAllBytes(manifest)));
      assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
      assertThat(up.body())
          .contains("&lt;img src=x onerror=alert(1)&gt;.csv")
          .doesNotContain("<img src=x");
      HttpResponse<String> created = createBoard(c, evil, "\"><b>Ana</b>", "Bo 'Reyes'");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      String boards = c.get(CountyFixture.base(CountyFixture.C1) + "/boards").body();
      assertThat(boards)
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .contains("&quot;&gt;&lt;b&gt;Ana&lt;/b&gt;")
          .contains("Bo &#39;Reyes&#39;")
          .doesNotContain(evil)
          .doesNotContain("<b>Ana");
      assertThat(c.get(CountyFixture.base(CountyFixture.C1)).body()).doesNotContain(evil);
    }
  }

  @Test
  void aCountyAdministratorCannotUseAnotherCountysPagesButTheStateMayOverseeThem()
      throws IOException {
    try (CountyFixture f = CountyFixture.start(dir, LIMIT)) {
      f.uploadAll(f.admin(CountyFixture.C1), CountyFixture.C1);
      WebClient other = f.admin(CountyFixture.C2);
      String base1 = CountyFixture.base(CountyFixture.C1);
      assertThat(other.get(base1).statusCode()).isEqualTo(403);
      assertThat(other.get(base1 + "/round/retrieval.csv").statusCode()).isEqualTo(403);
      assertThat(
              f.upload(
                      other,
                      CountyFixture.C1,
                      "manifest",
                      Map.of(),
                      Part.of(f.manifest(CountyFixture.C2)))
                  .statusCode())
          .isEqualTo(403);
      // the state oversees but does not attest for the county
      WebClient sam = f.stateAdmin();
      assertThat(sam.post(base1 + "/inputs/confirm", Map.of()).statusCode()).isEqualTo(403);
      assertThat(
              sam.post(base1 + "/round/sign-off", Map.of("person1", "Sam", "party1", "X"))
                  .statusCode())
          .isEqualTo(403);
      HttpResponse<String> state = f.stateAdmin().get(base1);
      assertThat(state.statusCode()).isEqualTo(200);
      assertThat(state.body()).contains("1,000 CVRs").contains("20 batches, 1,000 cards");
      assertThat(f.stateAdmin().get("/county/audit/Nowhere/inputs").statusCode()).isEqualTo(200);
      assertThat(f.stateAdmin().get("/county/no-such-audit/County%201").statusCode())
          .isEqualTo(404);
    }
  }

  private static HttpResponse<String> createBoard(
      WebClient c, String name, String member1, String member2) {
    return c.post(
        CountyFixture.base(CountyFixture.C1) + "/boards",
        Map.of(
            "name", name, "member1", member1, "party1", "DEM", "member2", member2, "party2",
            "REP"));
  }

  private static HttpResponse<byte[]> credentials(
      CountyFixture f, WebClient c, String boardId, String passphrase) {
    return credentials(f, c, boardId, passphrase, CountyFixture.C1);
  }

  private static HttpResponse<byte[]> credentials(
      CountyFixture f, WebClient c, String boardId, String passphrase, String county) {
    String form =
        "csrf=" + enc(c.csrf()) + "&board=" + enc(boardId) + "&passphrase=" + enc(passphrase);
    return bytes(
        c,
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + f.server.port()
                        + CountyFixture.base(county)
                        + "/boards/credentials.pdf"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpResponse<byte[]> getBytes(CountyFixture f, WebClient c, String path) {
    return bytes(
        c, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.server.port() + path)).GET());
  }

  /** A request with the client's session cookie, answered as bytes. */
  private static HttpResponse<byte[]> bytes(WebClient c, HttpRequest.Builder b) {
    b.header("Cookie", org.riskaudit.app.web.platform.StoreSessions.COOKIE + "=" + c.cookie());
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
