package org.riskaudit.app.web.platform;

import java.util.List;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/** Sign-in (password and TOTP), sign-out, accounts and county invitations. */
public final class AccountModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    return List.of();
  }
}
