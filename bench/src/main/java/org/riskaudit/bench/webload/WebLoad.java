package org.riskaudit.bench.webload;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskaudit.app.cli.Main;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.board.BoardCards;
import org.riskaudit.app.web.board.StoreBoardAccounts;
import org.riskaudit.app.web.platform.WebServer;
import org.riskaudit.store.Store;
import picocli.CommandLine;

/**
 * The web load test (bench/run-web-load): an audit with at least 1,000 audit boards that have
 * cards, the web server on loopback, and 1,000 simulated boards that each sign in and then save
 * their cards' entries through the entry API (what board.js sends), all at once, bounded in time
 * and in count. Reports latency percentiles, throughput, errors, and lost entries (acknowledged but
 * absent from the store, checked after the run) into bench/results/web-load.md.
 *
 * <p>Arguments: {@code [boards=1000] [thinkMs=0] [seconds=120] [postgres-url or -] [out.md]
 * [kill]}. With {@code kill} the server runs as a child process ({@code riskaudit serve}); once
 * half of the cards are acknowledged it is killed with SIGKILL, the store is checked for every
 * entry acknowledged so far, and the server is started again on the same port. Meanwhile each board
 * keeps its unacknowledged entry and re-sends it (same submission id) until it is acknowledged, as
 * board.js does; at the end every card must be recorded exactly once.
 */
public final class WebLoad {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern COOKIE = Pattern.compile("riskaudit_session=([^;]*)");

  record Board(BoardAccounts.IssuedBoard issued, String county, List<String> cards) {}

  record Stats(List<Long> micros, int errors, Map<String, Integer> errorKinds) {}

  /** Entries re-sent after a failed connection (kill mode). */
  static final AtomicInteger RESENDS = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    int boards = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int thinkMs = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
    String pg = args.length > 3 && !args[3].equals("-") ? args[3] : null;
    Path out = Path.of(args.length > 4 ? args[4] : "bench/results/web-load.md");
    boolean kill = args.length > 5 && args[5].equals("kill");
    int counties = 10;
    int perCounty = (boards + counties - 1) / counties;

    Path work = Files.createTempDirectory("riskaudit-web-load");
    String db = pg != null ? pg : work.resolve("riskaudit.db").toString();
    long t0 = System.nanoTime();
    System.err.printf("setting up %d boards in %d counties in %s%n", boards, counties, work);
    cli(
        "generate",
        "--out",
        work.resolve("e").toString(),
        "--cards",
        "300000",
        "--counties",
        Integer.toString(counties),
        "--batch-size",
        "50",
        "--seed",
        "11");
    audit(db, "init", "--election", "Load", "--target", "Question 1", "--trials", "50");
    audit(
        db,
        "import",
        "--manifest",
        work.resolve("e/ballot-manifest.csv").toString(),
        "--results",
        work.resolve("e/reported-results.csv").toString());
    audit(db, "import", "--cvrs", work.resolve("e/dominion-json").toString());
    audit(db, "check", "--commit");
    audit(db, "seed", "27182818284590452353602");
    List<Board> all = new ArrayList<>();
    List<String> contestFields;
    try (Store store = Store.open(db)) {
      StoreBoardAccounts accounts = new StoreBoardAccounts(store, store.clock());
      List<String> countyNames = BoardCards.counties(store, "audit");
      // boards before the round, as a county would: they all share the round's cards
      ExecutorService mk = Executors.newFixedThreadPool(2);
      List<CompletableFuture<Board>> made = new ArrayList<>();
      for (String county : countyNames) {
        for (int i = 1; i <= perCounty; i++) {
          String name = "Board " + i;
          made.add(
              CompletableFuture.supplyAsync(
                  () ->
                      new Board(
                          accounts.create(
                              "audit",
                              county,
                              name,
                              List.of(
                                  new BoardAccounts.Member("A " + name, "DEM"),
                                  new BoardAccounts.Member("B " + name, "REP")),
                              "bench"),
                          county,
                          List.of()),
                  mk));
        }
      }
      List<Board> created = new ArrayList<>();
      for (CompletableFuture<Board> f : made) {
        created.add(f.get());
      }
      mk.shutdown();
      audit(db, "sample", "--size", Integer.toString(boards * 6));
      Map<Long, List<String>> cards = BoardCards.ofAudit(store, "audit");
      for (Board b : created) {
        List<String> c = cards.getOrDefault(b.issued().boardId(), List.of());
        if (!c.isEmpty()) {
          all.add(new Board(b.issued(), b.county(), c));
        }
      }
      contestFields = BoardCards.firstChoiceEntry(store, "audit", countyNames.get(0));
    }
    double setupSeconds = (System.nanoTime() - t0) / 1e9;
    List<Board> active = all.subList(0, Math.min(boards, all.size()));
    int totalCards = active.stream().mapToInt(b -> b.cards().size()).sum();
    System.err.printf(
        "setup %.0f s: %d boards with cards (of %d created), %d cards to enter%n",
        setupSeconds, all.size(), perCounty * counties, totalCards);

    Store store = kill ? null : Store.open(db);
    WebServer server = kill ? null : WebServer.start(store, work, "127.0.0.1", 0);
    ServerProcess child = kill ? ServerProcess.start(work, pg) : null;
    String base = "http://127.0.0.1:" + (kill ? child.port() : server.port());
    ExecutorService clientPool = Executors.newFixedThreadPool(8);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts on every connection
            .executor(clientPool)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

    List<Long> signIn = new ArrayList<>();
    List<Long> entry = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String[]> acked = new ConcurrentLinkedQueue<>();
    AtomicLong lastAck = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3600);
    // Phase 1: every board signs in (at most 16 sign-ins in flight: each is a deliberately slow
    // Argon2id hash, and boards arrive over minutes in reality, not in one instant).
    List<BoardRun> ready = new ArrayList<>();
    java.util.concurrent.Semaphore signing = new java.util.concurrent.Semaphore(16);
    List<CompletableFuture<Void>> signIns = new ArrayList<>();
    long signInStart = System.nanoTime();
    for (Board b : active) {
      BoardRun run =
          new BoardRun(
              b,
              http,
              base,
              contestFields,
              thinkMs,
              deadline,
              timer,
              signIn,
              entry,
              errors,
              errorKinds,
              acked,
              lastAck);
      run.resendOnFailure = kill;
      signing.acquire();
      signIns.add(run.signIn().whenComplete((x, e) -> signing.release()));
      ready.add(run);
    }
    CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new))
        .get(seconds + 600L, TimeUnit.SECONDS);
    double signInSeconds = (System.nanoTime() - signInStart) / 1e9;
    System.err.printf("phase 1: %d sign-ins in %.0f s%n", active.size(), signInSeconds);
    // Phase 2: every signed-in board saves its cards, all boards at once.
    long start = System.nanoTime();
    deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (BoardRun run : ready) {
      if (run.csrf != null) {
        run.deadline = deadline;
        run.nextEntry();
        runs.add(run.done);
      }
    }
    KillReport killed = null;
    if (kill) {
      killed = KillReport.killAtHalf(child, db, acked, totalCards);
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
        .get(seconds + 120L, TimeUnit.SECONDS);
    double wall = (lastAck.get() - start) / 1e9;
    timer.shutdownNow();
    if (kill) {
      child.stop();
      store = Store.open(db);
    } else {
      server.close();
    }
    clientPool.shutdownNow();

    // lost: acknowledged, but no submission row or no interpretation of its card
    int lost = KillReport.missing(store, new ArrayList<>(acked));
    boolean logOk = store.verifyLog("audit").isEmpty();
    String killLine = killed == null ? null : killed.summary(store, acked, RESENDS.get());
    store.close();

    long[] s = sorted(entry);
    long[] si = sorted(signIn);
    String report =
        report(
            boards,
            thinkMs,
            seconds,
            pg,
            active.size(),
            totalCards,
            setupSeconds,
            s,
            si,
            acked.size(),
            wall,
            errors.get(),
            errorKinds,
            lost,
            logOk,
            args);
    if (killLine != null) {
      report = report + "\n" + killLine + "\n";
    }
    System.out.println(report);
    Files.createDirectories(out.getParent() == null ? Path.of(".") : out.getParent());
    Files.writeString(out, report);
    System.exit(0);
  }

  /** One simulated board: sign in, open its list, then save its cards one after another. */
  static final class BoardRun {
    final Board b;
    final HttpClient http;
    final String base;
    final List<String> fields;
    final int thinkMs;
    long deadline;
    final ScheduledExecutorService timer;
    final List<Long> signIn;
    final List<Long> entry;
    final AtomicInteger errors;
    final Map<String, AtomicInteger> errorKinds;
    final ConcurrentLinkedQueue<String[]> acked;
    final AtomicLong lastAck;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    String cookie;
    String csrf;
    int next;
    boolean resendOnFailure;

    BoardRun(
        Board b,
        HttpClient http,
        String base,
        List<String> fields,
        int thinkMs,
        long deadline,
        ScheduledExecutorService timer,
        List<Long> signIn,
        List<Long> entry,
        AtomicInteger errors,
        Map<String, AtomicInteger> errorKinds,
        ConcurrentLinkedQueue<String[]> acked,
        AtomicLong lastAck) {
      this.b = b;
      this.http = http;
      this.base = base;
      this.fields = fields;
      this.thinkMs = thinkMs;
      this.deadline = deadline;
      this.timer = timer;
      this.signIn = signIn;
      this.entry = entry;
      this.errors = errors;
      this.errorKinds = errorKinds;
      this.acked = acked;
      this.lastAck = lastAck;
    }

    /** Signs in and reads the card list (for the CSRF token); completes when done or failed. */
    CompletableFuture<Void> signIn() {
      CompletableFuture<Void> signedIn = new CompletableFuture<>();
      Map<String, String> form = new LinkedHashMap<>();
      form.put("passphrase", b.issued().passphrase());
      form.put("member1", "A");
      form.put("party1", "DEM");
      form.put("member2", "B");
      form.put("party2", "REP");
      long t = System.nanoTime();
      http.sendAsync(post("/board/login", form, null), HttpResponse.BodyHandlers.ofString())
          .thenCompose(
              r -> {
                record(signIn, t);
                if (r.statusCode() != 303) {
                  throw new IllegalStateException("sign-in " + r.statusCode());
                }
                r.headers()
                    .allValues("Set-Cookie")
                    .forEach(
                        c -> {
                          Matcher m = COOKIE.matcher(c);
                          if (m.find()) {
                            cookie = m.group(1);
                          }
                        });
                return http.sendAsync(get("/board"), HttpResponse.BodyHandlers.ofString());
              })
          .whenComplete(
              (r, e) -> {
                if (e != null || r.statusCode() != 200) {
                  error(e != null ? "sign-in: " + kind(e) : "list " + r.statusCode());
                  signedIn.complete(null);
                  return;
                }
                Matcher m = CSRF.matcher(r.body());
                if (!m.find()) {
                  error("no csrf");
                } else {
                  csrf = m.group(1);
                }
                signedIn.complete(null);
              });
      return signedIn;
    }

    void nextEntry() {
      if (next >= b.cards().size() || System.nanoTime() > deadline) {
        done.complete(null);
        return;
      }
      if (thinkMs > 0) {
        long pause = (long) (Math.random() * 2 * thinkMs);
        timer.schedule(this::send, pause, TimeUnit.MILLISECONDS);
      } else {
        send();
      }
    }

    void send() {
      String card = b.cards().get(next++);
      String id = "load-" + b.issued().boardId() + "-" + next;
      Map<String, String> form = new LinkedHashMap<>();
      form.put("card", card);
      form.put("revision", "1");
      for (int i = 0; i < fields.size(); i++) {
        form.put("c" + i, fields.get(i));
      }
      form.put("submission", id);
      long t = System.nanoTime();
      http.sendAsync(
              post("/board/api/submissions", form, csrf), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                if (e != null && resendOnFailure && System.nanoTime() < deadline) {
                  // as board.js: keep the entry and send it again, with the same submission id
                  RESENDS.incrementAndGet();
                  next--;
                  timer.schedule(this::send, 250, TimeUnit.MILLISECONDS);
                  return;
                }
                if (e != null) {
                  error(kind(e));
                } else if (r.statusCode() != 200) {
                  error("entry " + r.statusCode() + " " + r.body());
                } else {
                  record(entry, t);
                  acked.add(new String[] {id, card});
                  lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                }
                nextEntry();
              });
    }

    void error(String kind) {
      errors.incrementAndGet();
      errorKinds
          .computeIfAbsent(
              kind.length() > 120 ? kind.substring(0, 120) : kind, k -> new AtomicInteger())
          .incrementAndGet();
    }

    HttpRequest get(String path) {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
      if (cookie != null) {
        r.header("Cookie", "riskaudit_session=" + cookie);
      }
      return r.build();
    }

    HttpRequest post(String path, Map<String, String> form, String token) {
      StringBuilder body = new StringBuilder();
      form.forEach(
          (k, v) ->
              body.append(body.length() == 0 ? "" : "&")
                  .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                  .append('=')
                  .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
      if (cookie != null) {
        r.header("Cookie", "riskaudit_session=" + cookie);
      }
      if (token != null) {
        r.header("X-CSRF-Token", token);
      }
      return r.build();
    }
  }

  static String kind(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  static void record(List<Long> into, long startNanos) {
    long micros = (System.nanoTime() - startNanos) / 1000;
    synchronized (into) {
      into.add(micros);
    }
  }

  static long[] sorted(List<Long> xs) {
    synchronized (xs) {
      long[] a = xs.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(a);
      return a;
    }
  }

  static double pct(long[] a, double p) {
    if (a.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
    return a[Math.max(0, Math.min(a.length - 1, i))] / 1000.0;
  }

  static String report(
      int boards,
      int thinkMs,
      int seconds,
      String pg,
      int active,
      int cards,
      double setup,
      long[] s,
      long[] si,
      int acked,
      double wall,
      int errors,
      Map<String, AtomicInteger> kinds,
      int lost,
      boolean logOk,
      String[] args)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %d | %d | %s |%n",
            pg == null ? "SQLite" : "PostgreSQL",
            thinkMs == 0 ? "none" : "0-" + (2 * thinkMs) + " ms",
            active,
            acked,
            cards,
            pct(s, 50),
            pct(s, 95),
            pct(s, 99),
            s.length == 0 ? Double.NaN : s[s.length - 1] / 1000.0,
            pct(si, 50),
            wall > 0 ? acked / wall : 0,
            errors,
            lost,
            logOk ? "yes" : "NO"));
    b.append("\n");
    b.append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(" MiB, host ")
        .append(InetAddress.getLocalHost().getHostName())
        .append(", load average at end ")
        .append(loadAverage())
        .append("; date ")
        .append(Instant.now())
        .append("; command `bench/run-web-load ")
        .append(String.join(" ", args))
        .append("`; setup ")
        .append(String.format(Locale.ROOT, "%.0f", setup))
        .append(" s; sign-in p99 ")
        .append(String.format(Locale.ROOT, "%.0f", pct(si, 99)))
        .append(" ms.\n");
    if (!kinds.isEmpty()) {
      b.append("\nErrors by kind:\n");
      new TreeMap<>(kinds)
          .forEach((k, v) -> b.append("- ").append(v.get()).append(" x ").append(k).append('\n'));
    }
    return b.toString();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static void cli(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
    }
  }

  static void audit(String db, String... args) {
    List<String> all = new ArrayList<>(List.of("audit"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db));
    cli(all.toArray(String[]::new));
  }

  private WebLoad() {}
}
