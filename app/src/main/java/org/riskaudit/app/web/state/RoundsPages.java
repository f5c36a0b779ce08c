package org.riskaudit.app.web.state;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RoundEnd;
import org.riskaudit.app.audit.RoundOutcome;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.audit.RoundService.StopChance;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AssertionMeasurement;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.ContestEstimate;
import org.riskaudit.core.audit.HandCount;
import org.riskaudit.store.Rows;

/**
 * Watches and ends rounds: per-county progress (cards recorded of cards drawn, boards and people
 * signed off), per-contest risk per assertion with a chart of risk against cards audited (from
 * {@link ProgressService}), ending the round ({@link RoundEnd}, as {@code riskaudit audit
 * next-round}: contests that met the limit stop, the others escalate or go to a full hand count),
 * and the full hand count's status.
 */
final class RoundsPages {
  private final WebContext web;

  RoundsPages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, null, "P80", "");
  }

  void end(Context ctx) {
    String auditId = ctx.pathParam("audit");
    String choice = StateUi.field(ctx, "size");
    String custom = StateUi.field(ctx, "custom");
    boolean handCount = "hand-count".equals(choice);
    RoundOutcome outcome;
    try {
      String id = AuditLoader.resolve(web.store(), auditId);
      StopChance chance = StopChance.P80;
      int additional = 0;
      if (choice.equals("custom")) {
        additional = SamplePages.custom(custom);
      } else if (!handCount && !choice.isEmpty()) {
        try {
          chance = StopChance.valueOf(choice);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Choose the next round's size: 50 %, 80 % or 90 % chance of stopping, a custom"
                  + " size, or a full hand count.");
        }
      }
      outcome =
          new RoundEnd(web.store(), id)
              .next(chance, additional, handCount, WebRequest.signedIn(ctx).actor());
    } catch (AuditFailure | IllegalArgumentException e) {
      ctx.status(e instanceof AuditFailure af ? StateUi.status(af) : 400);
      render(ctx, e.getMessage(), choice, custom);
      return;
    }
    String note =
        switch (outcome.stage()) {
          case COMPLETE -> "complete";
          case FULL_HAND_COUNT -> "hand-count";
          default -> "next";
        };
    ctx.redirect(StateUi.auditUrl(auditId, "/rounds?ended=" + note), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, String error, String choice, String custom) {
    String auditId = ctx.pathParam("audit");
    AuditSnapshot s;
    try {
      s = AuditLoader.load(web.store(), auditId);
    } catch (AuditFailure.NotFound e) {
      ctx.status(404);
      Page.render(ctx, "Not found", StateUi.error(e.getMessage()));
      return;
    }
    AuditProgress p = new ProgressService(web.store()).progress(s);
    AuditStage stage = s.state().stage();
    StringBuilder b = new StringBuilder(StateUi.nav(auditId, "/rounds"));
    b.append(StateUi.error(error));
    messages(ctx, b);
    b.append("<dl class=\"facts\"><dt>Stage</dt><dd>")
        .append(esc(StateUi.stage(stage)))
        .append("</dd><dt>Round</dt><dd>")
        .append(s.state().round())
        .append("</dd><dt>Risk limit</dt><dd>")
        .append(esc(s.audit().riskLimit().toPlainString()))
        .append("</dd></dl>");
    if (s.state().round() == 0) {
      b.append("<p>No round has been drawn yet. <a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/sample")))
          .append("\">Review the sample sizes</a>.</p>");
      Page.render(ctx, "Rounds and risk", b.toString());
      return;
    }
    counties(b, s, p);
    contests(b, s, p);
    if (stage == AuditStage.ROUND_IN_PROGRESS || stage == AuditStage.ROUND_ENDED) {
      endForm(ctx, b, auditId, s, p, choice, custom);
    } else if (stage == AuditStage.FULL_HAND_COUNT) {
      handCount(ctx, b, auditId, s, p);
    } else if (stage == AuditStage.COMPLETE) {
      b.append("<h2>The audit is complete</h2><p><a href=\"")
          .append(esc(StateUi.auditUrl(auditId, "/publish")))
          .append("\">Publish the audit record</a>.</p>");
    }
    Page.render(ctx, "Rounds and risk", b.toString());
  }

  private static void messages(Context ctx, StringBuilder b) {
    String launched = ctx.queryParam("launched");
    if (launched != null) {
      b.append(
          StateUi.notice(
              "Round "
                  + launched
                  + " drawn. The counties can print their retrieval lists and their audit boards"
                  + " can start."));
    }
    String ended = ctx.queryParam("ended");
    if (ended != null) {
      b.append(
          StateUi.notice(
              switch (ended) {
                case "complete" -> "Round ended: every targeted contest met the risk limit.";
                case "hand-count" ->
                    "Round ended: the contests that did not meet the risk limit go to a full hand"
                        + " count.";
                default ->
                    "Round ended: contests that met the risk limit stop; the others escalate in"
                        + " a new round.";
              }));
    }
  }

  private void counties(StringBuilder b, AuditSnapshot s, AuditProgress p) {
    b.append("<h2>Counties</h2><table><caption>Progress of round ")
        .append(s.state().round())
        .append(" by county</caption><thead><tr><th scope=\"col\">County</th>")
        .append("<th scope=\"col\">Cards recorded of cards drawn (this round)</th>")
        .append("<th scope=\"col\">All rounds</th><th scope=\"col\">Boards signed off</th>")
        .append("<th scope=\"col\">Round signed off by</th></tr></thead><tbody>");
    for (Map.Entry<String, AuditProgress.CountyProgress> e : p.counties().entrySet()) {
      AuditProgress.CountyProgress c = e.getValue();
      b.append("<tr><th scope=\"row\">")
          .append(esc(e.getKey()))
          .append("</th><td>")
          .append(StateUi.count(c.roundRecorded()))
          .append(" of ")
          .append(StateUi.count(c.roundCards()))
          .append(c.roundCards() > 0 && c.roundRecorded() == c.roundCards() ? " (all)" : "")
          .append("</td><td>")
          .append(StateUi.count(c.recorded()))
          .append(" of ")
          .append(StateUi.count(c.cards()))
          .append("</td><td>")
          .append(esc(boards(s.auditId(), e.getKey())))
          .append("</td><td>")
          .append(
              c.signedOff().isEmpty()
                  ? "nobody yet"
                  : esc(String.join(", ", c.signedOff())) + " (" + c.signedOff().size() + " of 2)")
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
  }

  /** "2 of 3" boards signed off, from the board accounts (absent while none exist). */
  private String boards(String auditId, String county) {
    try {
      List<BoardAccounts.Board> list = web.boards().list(auditId, county);
      if (list.isEmpty()) {
        return "no boards";
      }
      long signed = list.stream().filter(BoardAccounts.Board::signedOff).count();
      return signed + " of " + list.size();
    } catch (RuntimeException e) {
      return "not available";
    }
  }

  private void contests(StringBuilder b, AuditSnapshot s, AuditProgress p) {
    Map<String, List<Integer>> roundEnds = roundEnds(web.store().rounds().risks(s.auditId()));
    double alpha = s.alpha();
    b.append("<h2>Contests</h2>");
    int index = 0;
    for (AuditProgress.ContestProgress c : p.contests()) {
      index++;
      var m = c.measurement();
      b.append("<section aria-labelledby=\"contest-")
          .append(index)
          .append("\"><h3 id=\"contest-")
          .append(index)
          .append("\">")
          .append(esc(c.name()))
          .append("</h3><p>")
          .append(c.targeted() ? "Targeted" : "Opportunistic")
          .append(". ")
          .append(StateUi.count(m.draws()))
          .append(" of ")
          .append(StateUi.count(c.drawn()))
          .append(" draws measured (a draw counts once every earlier draw is recorded). Risk ")
          .append(esc(StateUi.percent(m.risk())))
          .append(": ")
          .append(
              c.met(alpha)
                  ? "<strong class=\"ok\">met the risk limit</strong>"
                  : "<strong class=\"warn\">has not met the risk limit</strong>")
          .append(".</p>");
      b.append("<table><caption>Risk per assertion of ")
          .append(esc(c.name()))
          .append("</caption><thead><tr><th scope=\"col\">Assertion</th>")
          .append("<th scope=\"col\">Diluted margin</th><th scope=\"col\">Risk (p-value)</th>")
          .append("<th scope=\"col\">Met at draw</th><th scope=\"col\">Discrepancies</th>")
          .append("</tr></thead><tbody>");
      List<RiskSvg.Series> series = new ArrayList<>();
      for (AssertionMeasurement a : m.assertions()) {
        String label = a.assertion().assorter().describe();
        series.add(new RiskSvg.Series(label, a.pValues()));
        int at = a.metAt(alpha);
        b.append("<tr><th scope=\"row\">")
            .append(esc(label))
            .append("</th><td>")
            .append(String.format(java.util.Locale.ROOT, "%.4f", a.assertion().margin()))
            .append("</td><td>")
            .append(esc(StateUi.percent(a.pValue())))
            .append("</td><td>")
            .append(at < 0 ? "not yet" : StateUi.count(at))
            .append("</td><td>")
            .append(a.discrepancies().size())
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
      if (m.assertions().size() > RiskSvg.MAX_SERIES) {
        b.append("<p>The chart shows the first ")
            .append(RiskSvg.MAX_SERIES)
            .append(" assertions; the table lists them all.</p>");
      }
      b.append(
          RiskSvg.chart(
              "chart-" + index,
              "Risk of " + c.name() + " against cards audited",
              series,
              alpha,
              roundEnds.getOrDefault(c.name(), List.of())));
      b.append("</section>");
    }
  }

  /** Each contest's draws measured at the end of each round, in round order. */
  static Map<String, List<Integer>> roundEnds(List<Rows.RiskMeasurementRow> risks) {
    Map<String, TreeMap<Integer, Integer>> byContest = new TreeMap<>();
    for (Rows.RiskMeasurementRow r : risks) {
      byContest
          .computeIfAbsent(r.contest(), k -> new TreeMap<>())
          .merge(r.roundNo(), r.sampleSize(), Math::max);
    }
    Map<String, List<Integer>> out = new TreeMap<>();
    byContest.forEach((c, m) -> out.put(c, new ArrayList<>(new TreeSet<>(m.values()))));
    return out;
  }

  private void endForm(
      Context ctx,
      StringBuilder b,
      String auditId,
      AuditSnapshot s,
      AuditProgress p,
      String choice,
      String custom) {
    b.append("<h2>End round ").append(s.state().round()).append("</h2>");
    List<String> waiting = new ArrayList<>();
    p.counties()
        .forEach(
            (county, c) -> {
              if (c.roundRecorded() < c.roundCards()) {
                waiting.add(
                    county + ": " + (c.roundCards() - c.roundRecorded()) + " cards to record");
              } else if (c.roundCards() > 0 && c.signedOff().size() < 2) {
                waiting.add(county + ": " + c.signedOff().size() + " of 2 sign-offs");
              }
            });
    if (!waiting.isEmpty()) {
      b.append("<p>The round can end once every card is recorded and two people have signed it")
          .append(" off in every county with cards. Waiting for:</p><ul>");
      waiting.forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
      b.append("</ul>");
    }
    List<ContestEstimate> next =
        waiting.isEmpty() ? new RoundService(web.store(), auditId).estimates() : null;
    if (next != null && !next.isEmpty()) {
      b.append("<p>Contests that met the risk limit stop. If the round ends now, these contests")
          .append(" continue:</p>");
      SamplePages.estimatesTable(b, next);
    } else if (next != null) {
      b.append("<p>Every targeted contest has met the risk limit: ending the round completes")
          .append(" the audit.</p>");
    }
    b.append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/rounds/end")));
    b.append("<fieldset><legend>If contests continue, the next round</legend>");
    SamplePages.radio(b, "P50", "draws for a 50 % chance of stopping", choice);
    SamplePages.radio(b, "P80", "draws for an 80 % chance of stopping (recommended)", choice);
    SamplePages.radio(b, "P90", "draws for a 90 % chance of stopping", choice);
    SamplePages.radio(b, "custom", "a custom number of new draws per contest", choice);
    SamplePages.radio(b, "hand-count", "a full hand count instead of another round", choice);
    b.append("<p><label for=\"custom\">Custom number of draws per contest</label> ")
        .append("<input type=\"number\" min=\"1\" id=\"custom\" name=\"custom\" value=\"")
        .append(esc(custom))
        .append("\"></p></fieldset>");
    b.append("<p><button type=\"submit\">End the round</button></p></form>");
  }

  private void handCount(
      Context ctx, StringBuilder b, String auditId, AuditSnapshot s, AuditProgress p) {
    b.append("<h2>Full hand count</h2><table><caption>Hand count status</caption><thead><tr>")
        .append("<th scope=\"col\">Contest</th><th scope=\"col\">Batches still to tally</th>")
        .append(
            "<th scope=\"col\">Votes tallied so far</th><th scope=\"col\">Reported winners</th>")
        .append("</tr></thead><tbody>");
    boolean complete = true;
    for (HandCount h : RoundEnd.handCounts(s, p)) {
      complete &= h.complete();
      b.append("<tr><th scope=\"row\">")
          .append(esc(h.contest()))
          .append("</th><td>")
          .append(StateUi.count(h.missingBatches().size()))
          .append("</td><td>")
          .append(esc(new TreeMap<>(h.votes()).toString()))
          .append("</td><td>")
          .append(esc(String.join(", ", h.reportedWinners())))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (complete) {
      b.append("<p>Every batch is tallied. Finishing the hand count completes the audit with its")
          .append(" outcome, which replaces the reported one if they differ.</p>")
          .append(StateUi.form(ctx, StateUi.auditUrl(auditId, "/rounds/end")))
          .append("<p><button type=\"submit\">Finish the full hand count</button></p></form>");
    } else {
      b.append("<p>The counties record their batch tally sheets; the hand count can be finished")
          .append(" once every batch has a tally.</p>");
    }
  }
}
