package org.riskaudit.app.web.county;

import io.javalin.http.Context;
import java.util.List;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;
import org.riskaudit.app.web.platform.UploadLimit;

/**
 * The county administrator's pages (docs/web-county.md), all under {@code /county/{audit}/{county}}
 * and open to the county's administrators and, for oversight and help, to state administrators
 * (except the county's own attestations: confirming its inputs and signing off a round): the
 * overview, uploads with hashes and the reconciliation, audit boards and their credentials, the
 * round's retrieval lists and placeholder sheets, the boards' progress and the county's sign-off.
 * Handlers are thin: they call the same services as the command line.
 */
public final class CountyModule implements WebModule {
  static final Access COUNTY = Access.of(Role.COUNTY_ADMIN, Role.STATE_ADMIN);

  /** The county's own attestations (confirming its inputs, signing off a round): not the state. */
  static final Access COUNTY_ONLY = Access.of(Role.COUNTY_ADMIN);

  private final long maxUploadBytes;

  /** The upload limit from {@code RISKAUDIT_MAX_UPLOAD_MB} or {@code -Driskaudit.maxUploadMb}. */
  public CountyModule() {
    this(UploadLimit.configured());
  }

  /** With an upload limit of {@code maxUploadBytes} per upload (all files of one form). */
  public CountyModule(long maxUploadBytes) {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive");
    }
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public List<Route> routes(WebContext web) {
    String base = "/county/{audit}/{county}";
    DashboardPage dashboard = new DashboardPage(web);
    InputPages inputs = new InputPages(web, maxUploadBytes);
    BoardPages boards = new BoardPages(web);
    RoundPages round = new RoundPages(web);
    return List.of(
        Route.get(base, COUNTY, dashboard::show),
        Route.get(base + "/inputs", COUNTY, inputs::show),
        Route.post(base + "/inputs/upload", COUNTY, inputs::upload),
        Route.get(base + "/reconciliation", COUNTY, inputs::reconciliation),
        Route.post(base + "/inputs/confirm", COUNTY_ONLY, inputs::confirm),
        Route.get(base + "/boards", COUNTY, boards::show),
        Route.post(base + "/boards", COUNTY, boards::create),
        Route.post(base + "/boards/credentials.pdf", COUNTY, boards::credentials),
        Route.get(base + "/round", COUNTY, round::show),
        Route.get(base + "/round/retrieval.csv", COUNTY, round::csv),
        Route.get(base + "/round/retrieval.pdf", COUNTY, round::pdf),
        Route.post(base + "/round/sign-off", COUNTY_ONLY, round::signOff));
  }

  /** The audit of the path, or null after answering 404 with what to do. */
  static AuditSnapshot snapshot(WebContext web, Context ctx) {
    String auditId = ctx.pathParam("audit");
    try {
      if (web.store().audits().audit(auditId).isEmpty()) {
        throw new AuditFailure.NotFound("There is no audit '" + auditId + "'.");
      }
      return AuditLoader.load(web.store(), auditId);
    } catch (AuditFailure.NotFound e) {
      ctx.status(404);
      Page.render(
          ctx,
          "Not found",
          CountyUi.error(e.getMessage() + " Check the address, or go to your start page."));
      return null;
    }
  }
}
