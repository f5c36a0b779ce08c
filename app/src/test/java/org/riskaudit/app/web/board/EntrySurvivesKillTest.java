package org.riskaudit.app.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditDriver;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardSubmissionDao;
import org.riskaudit.store.web.BoardSubmissionRow;

/**
 * Killing the web server with kill -9 while audit boards save entries concurrently loses no
 * acknowledged entry: after a restart every acknowledged submission is stored with its
 * interpretation and log entry, the log verifies, and re-sending every entry (as board.js does)
 * records each card exactly once.
 */
class EntrySurvivesKillTest {
  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  record Sent(String card, String submission, Map<String, String> form) {}

  @Test
  void everyAcknowledgedEntrySurvivesAKillDashNineAndReSendingRecordsEachCardOnce()
      throws Exception {
    Path e =
        AuditDriver.generate(
            dir, "e", "--cards", "4000", "--counties", "2", "--batch-size", "50", "--seed", "4");
    Path data = Files.createDirectories(dir.resolve("data"));
    AuditDriver d = new AuditDriver(data.resolve("riskaudit.db").toString(), dir, e);
    d.ok("init", "--election", "E", "--target", "Question 1", "--trials", "100");
    d.importAndCommit(true);
    d.ok("seed", "14142135623730950488016");
    d.ok("sample", "--size", "400");
    List<BoardAccounts.IssuedBoard> boards = new ArrayList<>();
    Map<Long, String> countyOf = new HashMap<>();
    Map<Long, List<RetrievalRow>> cards = new HashMap<>();
    List<AuditedContest> contests;
    try (Store store = Store.open(d.db)) {
      StoreBoardAccounts accounts = new StoreBoardAccounts(store, store.clock());
      for (String county : BoardFixture.COUNTIES) {
        for (int i = 1; i <= 2; i++) {
          BoardAccounts.IssuedBoard b =
              accounts.create(
                  "audit",
                  county,
                  "Board " + i,
                  List.of(
                      new BoardAccounts.Member("A " + i, "DEM"),
                      new BoardAccounts.Member("B " + i, "REP")),
                  "test");
          boards.add(b);
          countyOf.put(b.boardId(), county);
        }
      }
      BoardRound.Now now = BoardRound.now(store, "audit");
      for (BoardAccounts.IssuedBoard b : boards) {
        cards.put(
            b.boardId(),
            BoardRound.of(store, "audit", countyOf.get(b.boardId()), now).cardsOf(b.boardId()));
      }
      contests = BoardRound.of(store, "audit", "County 1", now).contests();
    }

    Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
    Map<Long, List<Sent>> all = new HashMap<>();
    for (BoardAccounts.IssuedBoard b : boards) {
      List<Sent> list = new ArrayList<>();
      int i = 0;
      for (RetrievalRow r : cards.get(b.boardId())) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card", r.cardId());
        form.put("revision", "1");
        for (int k = 0; k < contests.size(); k++) {
          form.put(
              BoardEntry.field(k),
              "=" + contests.get(k).reported().votes().keySet().iterator().next());
        }
        String id = "kill-" + b.boardId() + "-" + (i++);
        form.put("submission", id);
        list.add(new Sent(r.cardId(), id, form));
      }
      all.put(b.boardId(), list);
    }

    Process server = serve(data);
    int port = port(server);
    CountDownLatch enough = new CountDownLatch(60);
    ExecutorService pool = Executors.newFixedThreadPool(boards.size());
    for (BoardAccounts.IssuedBoard b : boards) {
      WebClient c = signIn(port, b);
      pool.submit(
          () -> {
            for (Sent s : all.get(b.boardId())) {
              HttpResponse<String> r;
              try {
                r = c.post("/board/api/submissions", s.form());
              } catch (RuntimeException gone) {
                return; // the server was killed
              }
              if (r.statusCode() == 200) {
                acknowledged.put(s.submission(), s);
                enough.countDown();
              }
            }
          });
    }
    assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
    server.destroyForcibly(); // SIGKILL: nothing in flight is committed by a shutdown hook
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    int total = all.values().stream().mapToInt(List::size).sum();
    assertThat(acknowledged.size()).isBetween(60, total - 1);

    try (Store store = Store.open(d.db)) {
      Set<String> stored = new TreeSet<>();
      for (BoardSubmissionRow s :
          store.jdbi().withExtension(BoardSubmissionDao.class, x -> x.all("audit"))) {
        stored.add(s.submissionId());
      }
      assertThat(stored).containsAll(acknowledged.keySet());
      Set<String> interpreted = new TreeSet<>();
      for (Rows.InterpretationRow r : store.rounds().interpretations("audit")) {
        assertThat(interpreted.add(r.cardId())).as("one interpretation per card").isTrue();
      }
      for (Sent s : acknowledged.values()) {
        assertThat(interpreted).contains(s.card());
      }
      assertThat(interpreted).hasSize(stored.size());
      long logged =
          store.logEntries("audit").stream().filter(x -> x.action().equals("record")).count();
      assertThat(logged).isEqualTo(interpreted.size());
      assertThat(store.verifyLog("audit")).isEmpty();
    }

    // Restart, and re-send every entry as board.js re-sends its queue.
    Process again = serve(data);
    try {
      int port2 = port(again);
      for (BoardAccounts.IssuedBoard b : boards) {
        WebClient c = signIn(port2, b);
        for (Sent s : all.get(b.boardId())) {
          HttpResponse<String> r = c.post("/board/api/submissions", s.form());
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          if (acknowledged.containsKey(s.submission())) {
            assertThat(r.body()).contains("ALREADY_RECORDED");
          }
        }
      }
    } finally {
      again.destroy();
      again.waitFor(30, TimeUnit.SECONDS);
    }
    try (Store store = Store.open(d.db)) {
      List<Rows.InterpretationRow> rows = store.rounds().interpretations("audit");
      assertThat(rows).hasSize(total);
      assertThat(rows.stream().map(Rows.InterpretationRow::cardId).distinct().count())
          .isEqualTo(total);
      assertThat(store.verifyLog("audit")).isEmpty();
    }
  }

  private static WebClient signIn(int port, BoardAccounts.IssuedBoard b) {
    WebClient c = new WebClient(port);
    HttpResponse<String> r =
        c.post(
            "/board/login",
            Map.of(
                "passphrase", b.passphrase(),
                "member1", "A",
                "party1", "DEM",
                "member2", "B",
                "party2", "REP"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    c.get("/board");
    return c;
  }

  private static Process serve(Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.riskaudit.app.cli.Main",
            "serve",
            "--port",
            "0",
            "--data",
            data.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static int port(Process server) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = PORT.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe empty
                    }
                  } catch (java.io.IOException ignored) {
                    // the server ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the server did not start");
  }
}
