package org.riskaudit.app.web.board;

import java.util.List;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;

/**
 * The audit board's pages: sign-in by passphrase, cards in retrieval order, entry, review,
 * sign-off.
 */
public final class BoardModule implements WebModule {
  @Override
  public List<Route> routes(WebContext web) {
    return List.of();
  }
}
