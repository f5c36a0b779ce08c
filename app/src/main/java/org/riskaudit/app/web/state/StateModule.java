package org.riskaudit.app.web.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/**
 * The state administrator's pages (docs/web-state.md): thin handlers over the audit services that
 * the command line uses. Every route is for {@link Role#STATE_ADMIN} only; every action is written
 * to the audit's activity log by the service it calls (or, for publishing, by {@link
 * Publications}).
 */
public final class StateModule implements WebModule {
  static final Access STATE = Access.of(Role.STATE_ADMIN);

  @Override
  public List<Route> routes(WebContext web) {
    AuditsPages audits = new AuditsPages(web);
    DashboardPages dashboard = new DashboardPages(web);
    SeedPages seed = new SeedPages(web);
    SamplePages sample = new SamplePages(web);
    RoundsPages rounds = new RoundsPages(web);
    PublishPages publish = new PublishPages(web);
    String css = resource("display.css");
    String a = "/state/audits/{audit}";
    return List.of(
        Route.get("/state", STATE, StateUi.page("Audits", audits::list)),
        Route.get("/state/audits/new", STATE, audits::newForm),
        Route.post("/state/audits", STATE, audits::create),
        Route.get(a, STATE, dashboard::show),
        Route.get(a + "/reconciliation", STATE, dashboard::reconciliation),
        Route.post(a + "/commit", STATE, dashboard::commit),
        Route.get(a + "/seed", STATE, seed::show),
        Route.post(a + "/seed", STATE, seed::set),
        Route.get(a + "/seed/display", STATE, seed::display),
        Route.get(a + "/sample", STATE, sample::show),
        Route.get(a + "/rounds", STATE, rounds::show),
        Route.post(a + "/rounds", STATE, sample::launch),
        Route.post(a + "/rounds/end", STATE, rounds::end),
        Route.get(a + "/publish", STATE, publish::show),
        Route.post(a + "/publish", STATE, publish::publish),
        Route.get(a + "/published/{version}/<file>", STATE, publish::download),
        Route.get(
            "/state/display.css",
            STATE,
            ctx -> ctx.contentType("text/css; charset=utf-8").result(css)));
  }

  private static String resource(String name) {
    try (InputStream in = StateModule.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
