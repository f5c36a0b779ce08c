package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RoundPlan;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.audit.RoundService.StopChance;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditState;
import org.riskaudit.core.audit.ContestEstimate;

/**
 * Reviews the estimated size of the next round (the same {@link RoundService#estimates()} as {@code
 * riskaudit audit sample --estimate-only}): the draws by which 50, 80 or 90 % of simulated audits
 * stopped, or a custom number, then draws the round.
 */
final class SamplePages {
  /** The largest custom number of draws per contest the form accepts. */
  static final int MAX_CUSTOM = 1_000_000;

  private final WebContext web;

  SamplePages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, null, "P80", "");
  }

  void launch(Context ctx) {
    String auditId = ctx.pathParam("audit");
    String choice = StateUi.field(ctx, "size");
    String custom = StateUi.field(ctx, "custom");
    RoundPlan plan;
    try {
      String id = AuditLoader.resolve(web.store(), auditId);
      StopChance chance = StopChance.P80;
      int additional = 0;
      if (choice.equals("custom")) {
        additional = custom(custom);
      } else {
        try {
          chance = StopChance.valueOf(choice);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Choose a sample size: 50 %, 80 % or 90 % chance of stopping, or a custom size.");
        }
      }
      plan =
          new RoundService(web.store(), id)
              .draw(chance, additional, WebRequest.signedIn(ctx).actor());
    } catch (AuditFailure | IllegalArgumentException e) {
      ctx.status(e instanceof AuditFailure af ? StateUi.status(af) : 400);
      render(ctx, e.getMessage(), choice, custom);
      return;
    }
    ctx.redirect(
        StateUi.auditUrl(auditId, "/rounds?launched=" + plan.round()), HttpStatus.SEE_OTHER);
  }

  static int custom(String text) {
    int n;
    try {
      n = Integer.parseInt(text.replace(",", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The custom size must be a whole number of draws per contest, such as 300, not '"
              + text
              + "'.");
    }
    if (n < 1 || n > MAX_CUSTOM) {
      throw new IllegalArgumentException(
          "The custom size must be between 1 and " + StateUi.count(MAX_CUSTOM) + " draws.");
    }
    return n;
  }

  private void render(Context ctx, String error, String choice, String custom) {
    String auditId = ctx.pathParam("audit");
    AuditState state = StateUi.stateOr404(web.store(), ctx, auditId);
    if (state == null) {
      return;
    }
    StringBuilder b = new StringBuilder(StateUi.nav(auditId, "/sample"));
    b.append(StateUi.error(error));
    AuditStage stage = state.stage();
    if (stage != AuditStage.SEEDED && stage != AuditStage.ROUND_ENDED) {
      b.append("<p>")
          .append(
              switch (stage) {
                case DEFINED, INPUTS_COMMITTED ->
                    "Sample sizes are estimated after the inputs are committed and the seed is"
                        + " set.";
                case ROUND_IN_PROGRESS ->
                    "Round "
                        + state.round()
                        + " is in progress. The next round's size is chosen when it ends.";
                default -> "No further round can be drawn in this audit.";
              })
          .append("</p><p><a href=\"")
          .append(
              esc(
                  StateUi.auditUrl(
                      auditId, stage.compareTo(AuditStage.SEEDED) < 0 ? "/seed" : "/rounds")))
          .append("\">")
          .append(stage.compareTo(AuditStage.SEEDED) < 0 ? "Seed ceremony" : "Rounds and risk")
          .append("</a></p>");
      Page.render(ctx, "Sample sizes", b.toString());
      return;
    }
    List<ContestEstimate> estimates = new RoundService(web.store(), auditId).estimates();
    b.append("<p>Each size is the total number of draws of a contest by which that share of ")
        .append("simulated audits (with the expected rate of errors) met the risk limit. The 80 %")
        .append(" size is recommended. The draws are made from the public seed and can be")
        .append(" recomputed by anyone.</p>");
    estimatesTable(b, estimates);
    if (estimates.stream().anyMatch(ContestEstimate::fullHandCountAdvised)) {
      b.append(
          "<p class=\"warn\">For at least one contest the sample would be most of its cards: a"
              + " full hand count is advised instead.</p>");
    }
    b.append("<h2>Draw round ").append(state.round() + 1).append("</h2>");
    b.append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/rounds")));
    b.append("<fieldset><legend>Size of the round</legend>");
    radio(b, "P50", "50 % chance of stopping in this round", choice);
    radio(b, "P80", "80 % chance of stopping in this round (recommended)", choice);
    radio(b, "P90", "90 % chance of stopping in this round", choice);
    radio(b, "custom", "Custom: the same number of new draws for each contest", choice);
    b.append("<p><label for=\"custom\">Custom number of draws per contest</label> ")
        .append("<input type=\"number\" min=\"1\" id=\"custom\" name=\"custom\" value=\"")
        .append(esc(custom))
        .append("\"></p></fieldset>");
    b.append("<p><button type=\"submit\">Draw the round</button></p></form>");
    Page.render(ctx, "Sample sizes", b.toString());
  }

  static void estimatesTable(StringBuilder b, List<ContestEstimate> estimates) {
    b.append("<table><caption>Estimated total draws per contest</caption><thead><tr>")
        .append("<th scope=\"col\">Contest</th><th scope=\"col\">Already drawn</th>")
        .append("<th scope=\"col\">50 %</th><th scope=\"col\">80 %</th>")
        .append("<th scope=\"col\">90 %</th><th scope=\"col\">Full hand count advised</th>")
        .append("</tr></thead><tbody>");
    for (ContestEstimate e : estimates) {
      b.append("<tr><th scope=\"row\">")
          .append(esc(e.contest()))
          .append("</th><td>")
          .append(StateUi.count(e.drawn()))
          .append("</td><td>")
          .append(StateUi.count(e.p50()))
          .append("</td><td>")
          .append(StateUi.count(e.p80()))
          .append("</td><td>")
          .append(StateUi.count(e.p90()))
          .append("</td><td>")
          .append(e.fullHandCountAdvised() ? "yes" : "no")
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  static void radio(StringBuilder b, String value, String label, String choice) {
    String id = "size-" + value;
    b.append("<p><input type=\"radio\" name=\"size\" id=\"")
        .append(id)
        .append("\" value=\"")
        .append(value)
        .append('"')
        .append(value.equals(choice) ? " checked" : "")
        .append("> <label for=\"")
        .append(id)
        .append("\">")
        .append(esc(label))
        .append("</label></p>");
  }
}
