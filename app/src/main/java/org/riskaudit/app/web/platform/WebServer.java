package org.riskaudit.app.web.platform;

import java.nio.file.Path;
import org.riskaudit.store.Store;

/**
 * The RiskAudit web server ({@code riskaudit serve}): Javalin on loopback by default, every route
 * of {@link org.riskaudit.app.web.WebModules} registered behind the access check, security headers,
 * CSRF and sessions in the store.
 */
public final class WebServer implements AutoCloseable {

  /**
   * Starts a server.
   *
   * @param store the shared store (the caller closes it after the server)
   * @param dataDir uploads and published records
   * @param host the address to bind (default 127.0.0.1)
   * @param port the port (0 picks a free one; see {@link #port()})
   */
  public static WebServer start(Store store, Path dataDir, String host, int port) {
    throw new UnsupportedOperationException("web server: not yet built");
  }

  /** The port actually bound. */
  public int port() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
