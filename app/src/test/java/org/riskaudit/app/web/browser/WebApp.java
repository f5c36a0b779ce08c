package org.riskaudit.app.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.riskaudit.app.web.platform.WebServer;
import org.riskaudit.store.Store;

/**
 * The application under test: {@code platform.WebServer} on a free loopback port over a new SQLite
 * store in a temporary folder, as {@code riskaudit serve --data DIR --port 0} would run it.
 */
final class WebApp implements AutoCloseable {
  final Path dataDir;
  final Store store;
  final WebServer server;

  private WebApp(Path dataDir, Store store, WebServer server) {
    this.dataDir = dataDir;
    this.store = store;
    this.server = server;
  }

  static WebApp start(Path dir) {
    try {
      Path data = Files.createDirectories(dir.resolve("riskaudit-data"));
      Store store = Store.open(data.resolve("riskaudit.db").toString());
      try {
        return new WebApp(data, store, WebServer.start(store, data, "127.0.0.1", 0));
      } catch (RuntimeException e) {
        store.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
