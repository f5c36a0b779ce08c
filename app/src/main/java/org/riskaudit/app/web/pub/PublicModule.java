package org.riskaudit.app.web.pub;

import java.util.List;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/** The public pages: an audit's status, per-contest risk and its audit record, without sign-in. */
public final class PublicModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    return List.of();
  }
}
