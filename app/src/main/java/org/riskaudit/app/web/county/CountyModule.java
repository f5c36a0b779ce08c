package org.riskaudit.app.web.county;

import java.util.List;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/** The county administrator's pages. */
public final class CountyModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    return List.of();
  }
}
