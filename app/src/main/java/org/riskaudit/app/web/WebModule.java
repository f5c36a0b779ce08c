package org.riskaudit.app.web;

import java.util.List;

/** A group of pages (sign-in, state, county, audit board, public); see {@link WebModules}. */
public interface WebModule {
  List<Route> routes(WebContext web);
}
