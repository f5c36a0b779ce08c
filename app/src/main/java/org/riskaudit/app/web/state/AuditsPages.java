package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import java.util.List;
import org.riskaudit.app.audit.AuditDefinition;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditSetup;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.store.Rows;

/** The list of audits ({@code /state}) and the form that creates one. */
final class AuditsPages {
  private final WebContext web;

  AuditsPages(WebContext web) {
    this.web = web;
  }

  String list(Context ctx) {
    List<Rows.AuditRow> audits = web.store().audits().audits();
    StringBuilder b = new StringBuilder();
    b.append("<p><a class=\"button\" href=\"/state/audits/new\">Create an audit</a></p>");
    if (audits.isEmpty()) {
      return b.append("<p>No audit yet.</p>").toString();
    }
    b.append("<table><caption>Audits</caption><thead><tr><th scope=\"col\">Audit</th>")
        .append("<th scope=\"col\">Election</th><th scope=\"col\">Risk limit</th>")
        .append("<th scope=\"col\">Stage</th><th scope=\"col\">Created</th></tr></thead><tbody>");
    for (Rows.AuditRow a : audits) {
      b.append("<tr><th scope=\"row\"><a href=\"")
          .append(esc(StateUi.auditUrl(a.auditId(), "")))
          .append("\">")
          .append(esc(a.auditId()))
          .append("</a></th><td>")
          .append(esc(a.name()))
          .append("</td><td>")
          .append(esc(a.riskLimit().toPlainString()))
          .append("</td><td>")
          .append(esc(StateUi.stage(a.stage())))
          .append("</td><td>")
          .append(esc(a.createdAt()))
          .append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  void newForm(Context ctx) {
    int rows = AuditForm.rows(ctx.queryParam("contests"));
    Page.render(ctx, "Create an audit", form(ctx, AuditForm.empty(rows), null));
  }

  void create(Context ctx) {
    AuditForm f = AuditForm.read(ctx);
    AuditDefinition d;
    try {
      d = f.definition();
      AuditSetup.define(web.store(), d, WebRequest.signedIn(ctx).actor());
    } catch (IllegalArgumentException | AuditFailure e) {
      ctx.status(e instanceof AuditFailure af ? StateUi.status(af) : 400);
      Page.render(ctx, "Create an audit", form(ctx, f, e.getMessage()));
      return;
    }
    ctx.redirect(StateUi.auditUrl(d.auditId(), "?created=1"), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  static String form(Context ctx, AuditForm f, String error) {
    StringBuilder b = new StringBuilder();
    b.append(StateUi.error(error));
    b.append("<p>Contest and county names must match the counties' CVR exports, manifests and")
        .append(" reported results exactly. The risk limit must be greater than 0 and at most")
        .append(" 5 % (California Elections Code 15367).</p>");
    b.append(StateUi.form(ctx, "/state/audits"));
    b.append("<input type=\"hidden\" name=\"rows\" value=\"")
        .append(f.contests().size())
        .append("\">");
    b.append("<fieldset><legend>The audit</legend>");
    input(b, "id", "Audit id", f.id(), "Short id used in links, e.g. recall-2021.", "text");
    input(b, "election", "Election", f.election(), "The election's official name.", "text");
    input(
        b,
        "riskLimit",
        "Risk limit",
        f.riskLimit(),
        "At most 0.05 (5 %). A smaller limit needs more ballots.",
        "text");
    input(
        b,
        "trials",
        "Simulated audits per sample-size estimate",
        f.trials(),
        "1000 unless you have a reason to change it.",
        "number");
    b.append("</fieldset>");
    b.append("<fieldset><legend>Contests</legend>");
    b.append("<p id=\"contests-help\">Mark at least one contest targeted. Opportunistic contests")
        .append(" are measured on the cards drawn for the targeted ones. Leave a row's name empty")
        .append(" to skip it.</p>");
    b.append("<table><caption>Contests</caption><thead><tr>")
        .append("<th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">Rule</th>")
        .append("<th scope=\"col\">Winners</th><th scope=\"col\">Supermajority share</th>")
        .append("<th scope=\"col\">Audit type</th></tr></thead><tbody>");
    for (int i = 0; i < f.contests().size(); i++) {
      AuditForm.ContestRow r = f.contests().get(i);
      int n = i + 1;
      b.append("<tr><td><input type=\"text\" name=\"contest")
          .append(i)
          .append("\" value=\"")
          .append(esc(r.name()))
          .append("\" aria-label=\"Contest ")
          .append(n)
          .append(" name\" aria-describedby=\"contests-help\"></td><td>");
      select(
          b,
          "role" + i,
          "Contest " + n + " role",
          r.role(),
          new String[][] {
            {"", "not audited"}, {"targeted", "targeted"}, {"opportunistic", "opportunistic"}
          });
      b.append("</td><td>");
      select(
          b,
          "rule" + i,
          "Contest " + n + " rule",
          r.rule(),
          new String[][] {
            {"plurality", "plurality"},
            {"majority", "majority"},
            {"approval", "approval"},
            {"supermajority", "supermajority"}
          });
      b.append("</td><td><input type=\"number\" min=\"1\" name=\"winners")
          .append(i)
          .append("\" value=\"")
          .append(esc(r.winners()))
          .append("\" aria-label=\"Contest ")
          .append(n)
          .append(" winners\"></td><td><input type=\"text\" name=\"share")
          .append(i)
          .append("\" value=\"")
          .append(esc(r.share()))
          .append("\" aria-label=\"Contest ")
          .append(n)
          .append(" supermajority share\" placeholder=\"e.g. 0.6667\"></td><td>");
      select(
          b,
          "type" + i,
          "Contest " + n + " audit type",
          r.type(),
          new String[][] {{"comparison", "ballot comparison"}, {"polling", "ballot polling"}});
      b.append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<p><a href=\"/state/audits/new?contests=")
        .append(Math.min(AuditForm.MAX_ROWS, f.contests().size() + 4))
        .append("\">Show more contest rows</a> (starts a new form)</p>");
    b.append("</fieldset>");
    b.append("<fieldset><legend>Counties taking part</legend>");
    b.append("<label for=\"counties\">Counties, one a line</label>")
        .append("<p id=\"counties-help\">Write the name as in the county's ballot manifest. After")
        .append(
            " a comma, give its audit type if it is not ballot comparison: <code>oneaudit</code>")
        .append(" for a county with only batch totals, <code>polling</code> for a county whose")
        .append(" electronic records are not used. Example: <code>Alpine, oneaudit</code>.</p>")
        .append(
            "<textarea id=\"counties\" name=\"counties\" rows=\"8\""
                + " aria-describedby=\"counties-help\">")
        .append(esc(f.counties()))
        .append("</textarea></fieldset>");
    b.append("<p>Next, invite each county's administrator from the audit's counties page.</p>");
    b.append("<button type=\"submit\">Create the audit</button></form>");
    return b.toString();
  }

  private static void input(
      StringBuilder b, String name, String label, String value, String help, String type) {
    b.append("<p><label for=\"")
        .append(name)
        .append("\">")
        .append(esc(label))
        .append("</label> <input type=\"")
        .append(type)
        .append("\" id=\"")
        .append(name)
        .append("\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(esc(value))
        .append("\" aria-describedby=\"")
        .append(name)
        .append("-help\" required> <span class=\"help\" id=\"")
        .append(name)
        .append("-help\">")
        .append(esc(help))
        .append("</span></p>");
  }

  private static void select(
      StringBuilder b, String name, String label, String value, String[][] options) {
    b.append("<select name=\"")
        .append(name)
        .append("\" aria-label=\"")
        .append(esc(label))
        .append("\">");
    for (String[] o : options) {
      b.append("<option value=\"").append(esc(o[0])).append('"');
      if (o[0].equalsIgnoreCase(value)) {
        b.append(" selected");
      }
      b.append('>').append(esc(o[1])).append("</option>");
    }
    b.append("</select>");
  }
}
