package org.riskaudit.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.riskaudit.app.web.platform.Accounts;
import org.riskaudit.app.web.platform.WebOptions;
import org.riskaudit.app.web.platform.WebServer;
import org.riskaudit.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code riskaudit serve}: the web application (docs/web.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the web application for state and county administrators, audit boards and the"
          + " public (docs/web.md).",
      "With --create-admin, creates a state administrator instead (password from the terminal"
          + " or stdin) and prints the authenticator key."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "port (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
  String host = "127.0.0.1";

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "data folder: the SQLite database riskaudit.db, uploads, published records (default:"
              + " $RISKAUDIT_HOME, else ./riskaudit-data)")
  Path data;

  @Option(
      names = "--database",
      paramLabel = "URL",
      description =
          "PostgreSQL instead of the SQLite file, e.g. postgresql://host:5432/db?user=riskaudit;"
              + " every server instance behind a load balancer uses the same one")
  String database;

  @Option(
      names = "--create-admin",
      paramLabel = "NAME",
      description = "create a state administrator NAME, print the authenticator key, and exit")
  String createAdmin;

  @Option(
      names = "--secure-cookies",
      description = "mark the session cookie Secure even on plain HTTP (behind a TLS proxy)")
  boolean secureCookies;

  @Option(
      names = "--trust-proxy",
      description = "take the client address from X-Forwarded-For (only behind your own proxy)")
  boolean trustProxy;

  @Option(
      names = "--admin-idle-minutes",
      paramLabel = "N",
      description = "administrators' sessions end after N idle minutes (default: ${DEFAULT-VALUE})")
  int adminIdleMinutes = 30;

  @Option(
      names = "--board-idle-hours",
      paramLabel = "N",
      description = "audit boards' sessions end after N idle hours (default: ${DEFAULT-VALUE})")
  int boardIdleHours = 12;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = dataDir();
    Files.createDirectories(dir);
    String location = database != null ? database : dir.resolve("riskaudit.db").toString();
    if (adminIdleMinutes < 1 || boardIdleHours < 1) {
      throw new IllegalArgumentException("idle times must be at least 1");
    }
    Store store = Store.open(location);
    if (createAdmin != null) {
      try (store) {
        String password = readPassword(out);
        Accounts.Enrollment e =
            new Accounts(store, Clock.systemUTC())
                .createStateAdmin(
                    createAdmin, password, "cli:" + System.getProperty("user.name", "unknown"));
        out.println("Created state administrator '" + e.username() + "'.");
        out.println();
        out.println("Add this key to an authenticator app (time-based, 6 digits, 30 seconds):");
        out.println("  " + e.secret().replaceAll("(.{4})(?=.)", "$1 "));
        out.println("or, if the app takes a link (or make a QR code of it):");
        out.println("  " + e.uri());
        out.println();
        out.println("The key is shown only now. Then start the server: riskaudit serve");
        out.flush();
        return 0;
      }
    }
    WebOptions options =
        WebOptions.defaults(Clock.systemUTC())
            .withSecureCookies(secureCookies)
            .withTrustForwardedFor(trustProxy)
            .withAdminIdle(Duration.ofMinutes(adminIdleMinutes))
            .withBoardIdle(Duration.ofHours(boardIdleHours));
    WebServer server;
    try {
      server = WebServer.start(store, dir, host, port, options);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              store.close();
              stopped.countDown();
            },
            "riskaudit-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(
        "RiskAudit web server at http://"
            + (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + server.port()
            + "/  (database: "
            + (database != null ? "PostgreSQL" : location)
            + ", data: "
            + dir
            + ")");
    if (new Accounts(store, Clock.systemUTC()).stateAdminCount() == 0) {
      out.println(
          "No state administrator yet: create one with 'riskaudit serve --create-admin NAME'.");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  private Path dataDir() {
    if (data != null) {
      return data;
    }
    String home = System.getenv("RISKAUDIT_HOME");
    return Path.of(home != null && !home.isBlank() ? home : "riskaudit-data");
  }

  private String readPassword(PrintWriter out) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] a = console.readPassword("Password for %s (at least 12 characters): ", createAdmin);
      char[] b = console.readPassword("The same password again: ");
      if (a == null || b == null || !new String(a).equals(new String(b))) {
        throw new IllegalArgumentException("the two passwords differ; nothing was created");
      }
      return new String(a);
    }
    out.println("Reading the password for " + createAdmin + " from standard input (one line).");
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input; nothing was created");
    }
    return line;
  }
}
