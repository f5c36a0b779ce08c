package org.riskaudit.app.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.app.web.platform.WebServer;
import org.riskaudit.store.Store;

/**
 * A comparison audit of a generated two-county election with a round in progress, two audit boards
 * per county, and the web server on it: what the board and public page tests drive over HTTP.
 */
public final class BoardFixture implements AutoCloseable {
  public static final String AUDIT = "audit";
  public static final List<String> COUNTIES = List.of("County 1", "County 2");

  public final AuditDriver driver;
  public final Store store;
  public final WebServer server;
  public final Path dataDir;
  public final Map<String, List<BoardAccounts.IssuedBoard>> boards = new LinkedHashMap<>();

  private BoardFixture(AuditDriver driver, Store store, WebServer server, Path dataDir) {
    this.driver = driver;
    this.store = store;
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Generates, imports, seeds and samples the audit, creates the boards, starts the server. */
  public static BoardFixture start(Path dir, int boardsPerCounty, int sampleSize) throws Exception {
    Path e =
        AuditDriver.generate(
            dir, "e", "--cards", "2000", "--counties", "2", "--batch-size", "50", "--seed", "3");
    Path a = Files.createDirectories(dir.resolve("audit"));
    AuditDriver d = new AuditDriver(a.resolve("a.db").toString(), a, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    d.importAndCommit(true);
    d.ok("seed", "14142135623730950488016");
    d.ok("sample", "--size", Integer.toString(sampleSize));
    Store store = Store.open(d.db);
    Path data = Files.createDirectories(dir.resolve("data"));
    WebServer server = WebServer.start(store, data, "127.0.0.1", 0);
    BoardFixture f = new BoardFixture(d, store, server, data);
    StoreBoardAccounts accounts = new StoreBoardAccounts(store, store.clock());
    for (String county : COUNTIES) {
      List<BoardAccounts.IssuedBoard> list = new ArrayList<>();
      for (int i = 1; i <= boardsPerCounty; i++) {
        list.add(
            accounts.create(
                AUDIT,
                county,
                "Board " + i,
                List.of(
                    new BoardAccounts.Member("Ana Diaz " + i, "DEM"),
                    new BoardAccounts.Member("Bo Reyes " + i, "REP")),
                "county:" + county + ":admin"));
      }
      f.boards.put(county, list);
    }
    return f;
  }

  public int port() {
    return server.port();
  }

  public BoardAccounts.IssuedBoard board(int county, int k) {
    return boards.get(COUNTIES.get(county)).get(k);
  }

  /** Signs a board in over HTTP (asserting success) and returns its client. */
  public WebClient signIn(BoardAccounts.IssuedBoard b) {
    WebClient c = new WebClient(port());
    c.get("/board/login");
    HttpResponse<String> r =
        c.post(
            "/board/login",
            Map.of(
                "passphrase", b.passphrase(),
                "member1", "Ana Diaz",
                "party1", "DEM",
                "member2", "Bo Reyes",
                "party2", "REP"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(WebClient.location(r)).isEqualTo("/board");
    c.get("/board");
    return c;
  }

  /** The cards a board enters in the current round, in retrieval order. */
  public List<RetrievalRow> cardsOf(BoardAccounts.IssuedBoard b, String county) {
    BoardRound.Now now = BoardRound.now(store, AUDIT);
    return BoardRound.of(store, AUDIT, county, now).cardsOf(b.boardId());
  }

  /** The form of an entry marking {@code choice} in every contest shown (index order). */
  public Map<String, String> entry(String card, int revision, List<String> choices) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("card", card);
    f.put("revision", Integer.toString(revision));
    for (int i = 0; i < choices.size(); i++) {
      f.put(BoardEntry.field(i), choices.get(i));
    }
    return f;
  }

  private static final Pattern SUBMISSION =
      Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

  public static String submissionId(String reviewHtml) {
    Matcher m = SUBMISSION.matcher(reviewHtml);
    assertThat(m.find()).as("a submission id on the review page").isTrue();
    return m.group(1);
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
