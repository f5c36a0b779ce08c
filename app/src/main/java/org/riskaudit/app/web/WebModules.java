package org.riskaudit.app.web;

import java.util.ArrayList;
import java.util.List;

/** Every module of the web application; the server registers exactly these routes. */
public final class WebModules {
  private WebModules() {}

  public static List<WebModule> all() {
    return List.of(
        new org.riskaudit.app.web.platform.AccountModule(),
        new org.riskaudit.app.web.state.StateModule(),
        new org.riskaudit.app.web.county.CountyModule(),
        new org.riskaudit.app.web.board.BoardModule(),
        new org.riskaudit.app.web.pub.PublicModule());
  }

  /** All routes of all modules (the route-permission matrix test enumerates these). */
  public static List<Route> routes(WebContext web) {
    List<Route> all = new ArrayList<>();
    for (WebModule m : all()) {
      all.addAll(m.routes(web));
    }
    return all;
  }
}
