package org.riskaudit.app.web.county;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.riskaudit.app.audit.AuditFailure;
import org.riskaudit.app.audit.AuditProgress;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.audit.ProgressService;
import org.riskaudit.app.audit.RoundService;
import org.riskaudit.app.retrieval.RetrievalCsv;
import org.riskaudit.app.retrieval.RetrievalPdf;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.store.web.BoardRow;

/**
 * The county's round: retrieval lists and placeholder sheets (PDF per board, CSV) from {@link
 * org.riskaudit.app.audit.RetrievalService} and app/retrieval, the boards' progress, and the
 * county's two-person sign-off through {@link RoundService#signOff} (as {@code riskaudit audit
 * sign-off}), refused while cards remain unrecorded.
 */
final class RoundPages {
  private final WebContext web;

  RoundPages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, "");
  }

  private void render(Context ctx, String top) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    StringBuilder b = new StringBuilder(CountyUi.nav(ctx, "/round")).append(top);
    int round = s.state().round();
    if (round == 0) {
      b.append("<p>No round has started yet. Once the state starts round 1, its retrieval")
          .append(" lists appear here.</p>");
      Page.render(ctx, county + ": round", b.toString());
      return;
    }
    CountyCards cards = CountyCards.of(web.store(), s, county);
    AuditProgress.CountyProgress p = ProgressService.counties(s).get(county);
    int roundCards = p == null ? 0 : p.roundCards();
    int roundRecorded = p == null ? 0 : p.roundRecorded();
    b.append("<p>Round ")
        .append(round)
        .append(" (")
        .append(esc(CountyUi.stage(s.state().stage())))
        .append("): <strong>")
        .append(roundRecorded)
        .append(" of ")
        .append(roundCards)
        .append("</strong> cards of ")
        .append(esc(county))
        .append(" recorded.</p>");
    b.append("<h2>Retrieval lists and placeholder sheets</h2>");
    if (cards.boards().isEmpty()) {
      b.append("<p>The county has no audit boards yet: the list below is for one board.")
          .append(" <a href=\"")
          .append(esc(CountyUi.url(ctx, "/boards")))
          .append("\">Create the boards</a> first to split the cards among them.</p>");
    }
    b.append("<ul class=\"links\"><li><a href=\"")
        .append(esc(CountyUi.url(ctx, "/round/retrieval.pdf")))
        .append("\">All cards (PDF with placeholder sheets, ")
        .append(cards.rows().size())
        .append(" cards)</a></li>");
    for (int k = 1; k <= cards.boards().size(); k++) {
      b.append("<li><a href=\"")
          .append(esc(CountyUi.url(ctx, "/round/retrieval.pdf?board=" + k)))
          .append("\">Audit board ")
          .append(k)
          .append(", ")
          .append(esc(cards.boards().get(k - 1).name()))
          .append(" (PDF, ")
          .append(cards.ofBoard(k).size())
          .append(" cards)</a></li>");
    }
    b.append("<li><a href=\"")
        .append(esc(CountyUi.url(ctx, "/round/retrieval.csv")))
        .append("\">All cards (CSV)</a></li></ul>");
    b.append("<h2>Audit boards' progress</h2>")
        .append(boardTable(s, cards, web.boards().list(s.auditId(), county)));
    signOffSection(b, ctx, s, county, roundCards - roundRecorded);
    Page.render(ctx, county + ": round " + round, b.toString());
  }

  /** Each board: members, its cards of the round and how many are recorded, its sign-off. */
  static String boardTable(AuditSnapshot s, CountyCards cards, List<BoardAccounts.Board> boards) {
    if (boards.isEmpty()) {
      return "<p>No audit boards yet.</p>";
    }
    StringBuilder b =
        new StringBuilder(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Audit"
                + " boards\"><table><caption>Audit boards</caption><thead><tr>"
                + "<th scope=\"col\">Board</th><th scope=\"col\">Members</th>"
                + "<th scope=\"col\" class=\"num\">Cards recorded</th>"
                + "<th scope=\"col\" class=\"num\">Cards assigned</th>"
                + "<th scope=\"col\">Board signed off</th></tr></thead><tbody>");
    for (BoardAccounts.Board board : boards) {
      int k = cards.numberOf(board.boardId());
      List<RetrievalRow> mine = k == 0 ? List.of() : cards.ofBoard(k);
      List<String> members = new ArrayList<>();
      board.members().forEach(m -> members.add(m.name() + " (" + m.party() + ")"));
      b.append("<tr><th scope=\"row\">")
          .append(esc(board.name()))
          .append(k == 0 ? "" : " (list " + k + ")")
          .append("</th><td>")
          .append(esc(String.join(", ", members)))
          .append("</td><td class=\"num\">")
          .append(CountyCards.recorded(s, mine))
          .append("</td><td class=\"num\">")
          .append(
              k == 0 && cards.round() > 0
                  ? "0 (created after the round started: joins the next round)"
                  : Integer.toString(mine.size()))
          .append("</td><td>")
          .append(board.signedOff() ? "yes" : "no")
          .append("</td></tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  private void signOffSection(
      StringBuilder b, Context ctx, AuditSnapshot s, String county, int unrecorded) {
    b.append("<h2>Sign off the round</h2>");
    List<String> signed =
        DashboardPage.signOffs(s, county).stream().map(o -> o.person()).distinct().toList();
    if (!signed.isEmpty()) {
      b.append("<p>Signed off by: ").append(esc(String.join(", ", signed))).append(".</p>");
    }
    if (signed.size() >= 2) {
      b.append(CountyUi.success("Two people signed off this round for the county."));
      return;
    }
    if (s.state().stage() != AuditStage.ROUND_IN_PROGRESS) {
      b.append("<p>The round is not in progress; there is nothing to sign off.</p>");
      return;
    }
    b.append("<p>Two people, of different parties where the law asks it, sign off once every")
        .append(" card of the county is recorded.");
    if (unrecorded > 0) {
      b.append(" <strong>").append(unrecorded).append(" card(s) are not recorded yet.</strong>");
    }
    b.append("</p><form class=\"stack\" method=\"post\" action=\"")
        .append(esc(CountyUi.url(ctx, "/round/sign-off")))
        .append("\">")
        .append(WebRequest.csrfField(ctx));
    for (int i = 1; i <= 2 - signed.size(); i++) {
      b.append("<fieldset><legend>Person ")
          .append(i + signed.size())
          .append("</legend><p><label for=\"person")
          .append(i)
          .append("\">Name</label><input id=\"person")
          .append(i)
          .append("\" name=\"person")
          .append(i)
          .append("\" autocomplete=\"name\"")
          .append(i == 1 ? " required" : "")
          .append("></p><p><label for=\"party")
          .append(i)
          .append("\">Party</label><input id=\"party")
          .append(i)
          .append("\" name=\"party")
          .append(i)
          .append("\"")
          .append(i == 1 ? " required" : "")
          .append("></p></fieldset>");
    }
    b.append("<p><button type=\"submit\" class=\"primary\">Sign off round ")
        .append(s.state().round())
        .append(" for ")
        .append(esc(county))
        .append("</button></p></form>");
  }

  void signOff(Context ctx) {
    Principal who = WebRequest.signedIn(ctx);
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    List<String> people = new ArrayList<>();
    String problem = null;
    for (int i = 1; i <= 2; i++) {
      String name = CountyUi.field(ctx, "person" + i);
      String party = CountyUi.field(ctx, "party" + i);
      if (name.isEmpty() && party.isEmpty()) {
        continue;
      }
      if (name.isEmpty() || party.isEmpty() || name.length() > 200 || party.length() > 100) {
        problem = "Give the name and the party of person " + i + ".";
      }
      people.add(name + " (" + party + ")");
    }
    if (people.isEmpty()) {
      problem = "Give the name and party of the person signing off.";
    } else if (people.size() == 2
        && people.get(0).toLowerCase(Locale.ROOT).equals(people.get(1).toLowerCase(Locale.ROOT))) {
      problem = "The two people signing off must be two different people.";
    }
    if (problem == null) {
      try {
        RoundService rounds = new RoundService(web.store(), s.auditId());
        for (String person : people) {
          rounds.signOff(county, person, who.actor());
        }
      } catch (AuditFailure e) {
        problem = e.getMessage();
        ctx.status(CountyUi.status(e));
      }
    } else {
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    if (problem != null) {
      render(ctx, CountyUi.error(problem));
      return;
    }
    ctx.redirect(CountyUi.url(ctx, "/round?signed=1"), HttpStatus.SEE_OTHER);
  }

  void csv(Context ctx) throws IOException {
    Rows r = rows(ctx, 0);
    if (r == null) {
      return;
    }
    ctx.contentType("text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + Uploads.folder(r.county) + "-round-" + r.round + ".csv\"");
    Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    RetrievalCsv.write(r.rows, w);
    w.flush();
  }

  void pdf(Context ctx) throws IOException {
    int board;
    try {
      board = Integer.parseInt(java.util.Optional.ofNullable(ctx.queryParam("board")).orElse("0"));
    } catch (NumberFormatException e) {
      board = -1;
    }
    Rows r = rows(ctx, board);
    if (r == null) {
      return;
    }
    String what =
        board == 0 ? "all audit boards" : "audit board " + board + " (" + r.boardName + ")";
    ctx.contentType("application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + Uploads.folder(r.county)
                + "-round-"
                + r.round
                + (board == 0 ? "" : "-board-" + board)
                + ".pdf\"");
    RetrievalPdf.write(r.county + " - round " + r.round + " - " + what, r.rows, ctx.outputStream());
  }

  private record Rows(String county, int round, String boardName, List<RetrievalRow> rows) {}

  /** The county's rows of the round for list {@code board} (0: all), or null after an error. */
  private Rows rows(Context ctx, int board) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return null;
    }
    if (s.state().round() == 0) {
      ctx.status(HttpStatus.CONFLICT);
      Page.render(
          ctx, "No round yet", CountyUi.error("No round has started yet: no list to print."));
      return null;
    }
    CountyCards cards = CountyCards.of(web.store(), s, county);
    if (board < 0 || board > cards.boards().size()) {
      ctx.status(HttpStatus.NOT_FOUND);
      Page.render(
          ctx,
          "Not found",
          CountyUi.error(
              "There is no audit board "
                  + board
                  + " in "
                  + county
                  + "'s round; choose one of the lists on the round page."));
      return null;
    }
    List<BoardRow> boards = cards.boards();
    return new Rows(
        county,
        s.state().round(),
        board == 0 ? "" : boards.get(board - 1).name(),
        cards.ofBoard(board));
  }
}
