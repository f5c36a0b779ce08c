package org.riskaudit.app.web.platform;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModules;
import org.riskaudit.app.web.board.StoreBoardAccounts;
import org.riskaudit.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RiskAudit web server ({@code riskaudit serve}): Javalin on loopback by default, every route
 * of {@link org.riskaudit.app.web.WebModules} registered behind the access check, security headers,
 * CSRF and sessions in the store.
 *
 * <p>Request processing: a before-handler on every request sets the security headers, loads the
 * session from the store (principal and CSRF token as request attributes) and rejects a
 * state-changing request of a signed-in session that lacks its CSRF token, or that comes from
 * another site; then each route's own handler runs only after {@link AccessCheck} accepted the
 * principal for that route (role, and the audit and county in its path). Nothing a second instance
 * would need is kept in memory.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final int ACCEPT_QUEUE = 4096;

  private final Javalin app;
  private final WebContext web;
  private final StoreSessions sessions;

  private WebServer(Javalin app, WebContext web, StoreSessions sessions) {
    this.app = app;
    this.web = web;
    this.sessions = sessions;
  }

  /**
   * Starts a server with the default options and the store's clock.
   *
   * @param store the shared store (the caller closes it after the server)
   * @param dataDir uploads and published records
   * @param host the address to bind (default 127.0.0.1)
   * @param port the port (0 picks a free one; see {@link #port()})
   */
  public static WebServer start(Store store, Path dataDir, String host, int port) {
    return start(store, dataDir, host, port, WebOptions.defaults(store.clock()));
  }

  /** Starts a server with the given options (session lifetimes, cookies, clock). */
  public static WebServer start(
      Store store, Path dataDir, String host, int port, WebOptions options) {
    return start(store, dataDir, host, port, options, WebModules.all());
  }

  /** As {@link #start(Store, Path, String, int, WebOptions)} with the given modules (tests). */
  static WebServer start(
      Store store,
      Path dataDir,
      String host,
      int port,
      WebOptions options,
      List<org.riskaudit.app.web.WebModule> modules) {
    long uploadLimit = UploadLimit.configured();
    StoreSessions sessions = new StoreSessions(store, options);
    WebContext web =
        new WebContext(
            store,
            dataDir,
            options.clock(),
            sessions,
            new StoreBoardAccounts(store, options.clock()));
    List<Route> routes = new java.util.ArrayList<>();
    modules.forEach(m -> routes.addAll(m.routes(web)));
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.router.ignoreTrailingSlashes = true;
              cfg.http.generateEtags = false;
              cfg.jetty.addConnector((server, http) -> connector(server, http, host, port));
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/static";
                    sf.directory = "/web/static";
                    sf.location = Location.CLASSPATH;
                    sf.headers = SecurityHeaders.forStatic();
                  });
            });
    app.before(
        ctx -> {
          boolean isStatic = ctx.path().startsWith("/static/");
          SecurityHeaders.apply(ctx, isStatic);
          if (isStatic) {
            return;
          }
          UploadLimit.check(ctx, uploadLimit); // before anything reads (spools) a multipart body
          sessions.load(ctx);
          Csrf.check(ctx);
        });
    AccessCheck access = new AccessCheck();
    boolean hasRoot = false;
    for (Route r : routes) {
      app.addHttpHandler(
          r.method(),
          r.path(),
          ctx -> {
            access.check(r, ctx);
            r.handler().handle(ctx);
          });
      hasRoot |= r.method() == HandlerType.GET && r.path().equals("/");
    }
    if (!hasRoot) {
      app.get("/", ctx -> ctx.redirect("/home"));
    }
    ErrorPages.register(app);
    app.events(e -> e.serverStopped(() -> LOG.info("web server stopped")));
    try {
      app.start(); // on the connector above
    } catch (RuntimeException e) {
      app.stop();
      sessions.close();
      throw new IllegalStateException(
          "Cannot start the web server on "
              + host
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + "). Is another server using the port? Choose another with --port.",
          e);
    }
    return new WebServer(app, web, sessions);
  }

  /**
   * The listening connector, with a long accept queue: when hundreds of audit boards (re)connect at
   * once, e.g. after a network drop, the JDK's default backlog of 50 overflows and the kernel drops
   * or resets their connections (measured in the web load test: 1,423 listen-queue overflows and
   * 254 resets with 1,000 boards). Linux caps the queue at {@code net.core.somaxconn}.
   */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, String host, int port) {
    ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
    c.setHost(host);
    c.setPort(port);
    c.setAcceptQueueSize(ACCEPT_QUEUE);
    return c;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** The port actually bound. */
  public int port() {
    return app.port();
  }

  /** What the handlers of this server share (the store, the sessions, the clock). */
  public WebContext context() {
    return web;
  }

  /** Stops accepting requests and waits for those in progress; the store stays open. */
  @Override
  public void close() {
    app.stop();
    sessions.close();
  }

  /** Signals that the request's principal may not use the route (403) or must sign in (401). */
  public static final class Denied extends HttpResponseException {
    public Denied(int status, String message) {
      super(status, message, java.util.Map.of());
    }
  }

  static boolean wantsJson(Context ctx) {
    String accept = ctx.header("Accept");
    String type = ctx.header("Content-Type");
    boolean json =
        (accept != null && accept.contains("application/json"))
            || (type != null && type.startsWith("application/json"));
    return json && (accept == null || !accept.contains("text/html"));
  }
}
