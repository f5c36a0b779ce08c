package org.riskaudit.app.web.state;

import java.util.List;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/** The state administrator's pages. */
public final class StateModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    return List.of();
  }
}
