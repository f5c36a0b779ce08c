package org.riskaudit.bench.webload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code riskaudit serve} in a child JVM, so that the load test can kill it with SIGKILL (nothing
 * runs on the way down: no shutdown hook, no final commit) and start it again on the same port and
 * data, as an operator would after a crash.
 */
final class ServerProcess {
  private final Path data;
  private final String database;
  private final int port;
  private Process process;

  private ServerProcess(Path data, String database, int port) {
    this.data = data;
    this.database = database;
    this.port = port;
  }

  /** Starts {@code serve} on a free loopback port with the data folder (and PostgreSQL URL). */
  static ServerProcess start(Path data, String database) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ServerProcess p = new ServerProcess(data, database, port);
    p.launch();
    return p;
  }

  int port() {
    return port;
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server did not die within 60 s of SIGKILL");
    }
  }

  /** Starts the server again on the same port and data; returns when it accepts requests. */
  void restart() throws IOException {
    launch();
  }

  /** Stops the server normally (SIGTERM) at the end of the run. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  private void launch() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(List.of("org.riskaudit.app.cli.Main", "serve", "--port", Integer.toString(port)));
    cmd.addAll(List.of("--data", data.toString()));
    if (database != null) {
      cmd.addAll(List.of("--database", database));
    }
    process =
        new ProcessBuilder(cmd)
            .redirectError(
                ProcessBuilder.Redirect.appendTo(data.resolve("server-stderr.log").toFile()))
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.contains("http://127.0.0.1:" + port)) {
        drain(out);
        return;
      }
    }
    throw new IllegalStateException(
        "the server did not start; see " + data.resolve("server-stderr.log"));
  }

  private static void drain(BufferedReader out) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // keep the pipe from filling
                }
              } catch (IOException ended) {
                // the server ended
              }
            },
            "server-stdout");
    t.setDaemon(true);
    t.start();
  }
}
