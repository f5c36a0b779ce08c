package org.riskaudit.app.web.county;

import static org.riskaudit.app.web.Html.esc;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.riskaudit.app.audit.AuditSnapshot;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.BoardAccounts.Member;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.app.web.board.Passphrases;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.store.web.BoardDao;
import org.riskaudit.store.web.BoardRow;

/**
 * The county's audit boards: creation through {@link BoardAccounts} (two members named with their
 * party; the passphrase shown once), and the credentials sheet (PDF). The passphrase is never kept
 * in clear: the page that shows it carries it in a form that posts it back for the PDF, where it is
 * checked against the board's stored hash before it is printed.
 */
final class BoardPages {
  private final WebContext web;

  BoardPages(WebContext web) {
    this.web = web;
  }

  void show(Context ctx) {
    render(ctx, "", new String[5]);
  }

  private void render(Context ctx, String top, String[] typed) {
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    StringBuilder b = new StringBuilder(CountyUi.nav(ctx, "/boards")).append(top);
    b.append("<h2>The county's audit boards</h2>")
        .append(
            RoundPages.boardTable(
                s, CountyCards.of(web.store(), s, county), web.boards().list(s.auditId(), county)));
    b.append("<h2>Create an audit board</h2>")
        .append("<p>Each board has two members, named with their party. The board's passphrase")
        .append(" is shown once, after creation: print the credentials sheet then. A board")
        .append(" created while a round is under way takes part from the next round, unless")
        .append(" the county had no boards when the round started.</p>")
        .append("<form class=\"stack\" method=\"post\" action=\"")
        .append(esc(CountyUi.url(ctx, "/boards")))
        .append("\">")
        .append(WebRequest.csrfField(ctx))
        .append("<p><label for=\"name\">Board name</label><input id=\"name\" name=\"name\"")
        .append(" required maxlength=\"100\" autocomplete=\"off\" value=\"")
        .append(esc(Optional.ofNullable(typed[0]).orElse("")))
        .append("\"></p>");
    for (int i = 1; i <= 2; i++) {
      b.append("<fieldset><legend>Member ")
          .append(i)
          .append("</legend><p><label for=\"member")
          .append(i)
          .append("\">Name</label><input id=\"member")
          .append(i)
          .append("\" name=\"member")
          .append(i)
          .append("\" required maxlength=\"200\" autocomplete=\"off\" value=\"")
          .append(esc(Optional.ofNullable(typed[2 * i - 1]).orElse("")))
          .append("\"></p><p><label for=\"party")
          .append(i)
          .append("\">Party</label><input id=\"party")
          .append(i)
          .append("\" name=\"party")
          .append(i)
          .append("\" required maxlength=\"100\" autocomplete=\"off\" value=\"")
          .append(esc(Optional.ofNullable(typed[2 * i]).orElse("")))
          .append("\"></p></fieldset>");
    }
    b.append("<p><button type=\"submit\" class=\"primary\">Create the board</button></p></form>");
    Page.render(ctx, county + ": audit boards", b.toString());
  }

  void create(Context ctx) {
    Principal who = WebRequest.signedIn(ctx);
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    String[] typed = {
      CountyUi.field(ctx, "name"),
      CountyUi.field(ctx, "member1"),
      CountyUi.field(ctx, "party1"),
      CountyUi.field(ctx, "member2"),
      CountyUi.field(ctx, "party2")
    };
    List<String> problems = new ArrayList<>();
    if (typed[0].isEmpty() || typed[0].length() > 100) {
      problems.add("Give the board a name of at most 100 characters, e.g. 'Board 1'.");
    }
    for (int i = 1; i <= 2; i++) {
      if (typed[2 * i - 1].isEmpty() || typed[2 * i].isEmpty()) {
        problems.add("Give the name and the party of member " + i + ".");
      } else if (typed[2 * i - 1].length() > 200 || typed[2 * i].length() > 100) {
        problems.add("Member " + i + "'s name or party is too long.");
      }
    }
    if (!typed[1].isEmpty()
        && typed[1].toLowerCase(Locale.ROOT).equals(typed[3].toLowerCase(Locale.ROOT))) {
      problems.add("The two members must be two different people.");
    }
    if (s.state().stage() == AuditStage.COMPLETE) {
      problems.add("The audit is complete; no more boards are needed.");
    }
    if (!s.countyTypes().containsKey(county)) {
      problems.add(
          "County '" + county + "' has no inputs in this audit yet; upload its manifest first.");
    }
    BoardAccounts.IssuedBoard issued = null;
    if (problems.isEmpty()) {
      try {
        issued =
            web.boards()
                .create(
                    s.auditId(),
                    county,
                    typed[0],
                    List.of(new Member(typed[1], typed[2]), new Member(typed[3], typed[4])),
                    who.actor());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      StringBuilder top = new StringBuilder("<div class=\"notice error\" role=\"alert\"><ul>");
      problems.forEach(p -> top.append("<li>").append(esc(p)).append("</li>"));
      render(ctx, top.append("</ul></div>").toString(), typed);
      return;
    }
    StringBuilder top = new StringBuilder();
    top.append("<section class=\"notice success\" role=\"status\"><h2>Board '")
        .append(esc(issued.name()))
        .append("' created</h2><p>Its passphrase, shown only this once:</p>")
        .append("<p class=\"secret\"><code>")
        .append(esc(issued.passphrase()))
        .append("</code></p><p>The board signs in at <strong>")
        .append(esc(signInUrl(ctx)))
        .append("</strong>.</p><form method=\"post\" action=\"")
        .append(esc(CountyUi.url(ctx, "/boards/credentials.pdf")))
        .append("\">")
        .append(WebRequest.csrfField(ctx))
        .append("<input type=\"hidden\" name=\"board\" value=\"")
        .append(issued.boardId())
        .append("\"><input type=\"hidden\" name=\"passphrase\" value=\"")
        .append(esc(issued.passphrase()))
        .append("\"><button type=\"submit\" class=\"primary\">Download the credentials sheet")
        .append(" (PDF)</button></form></section>");
    render(ctx, top.toString(), new String[5]);
  }

  static String signInUrl(Context ctx) {
    return ctx.scheme() + "://" + ctx.host() + "/board/login";
  }

  void credentials(Context ctx) throws IOException {
    Principal who = WebRequest.signedIn(ctx);
    String county = ctx.pathParam("county");
    AuditSnapshot s = CountyModule.snapshot(web, ctx);
    if (s == null) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(CountyUi.field(ctx, "board"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    long boardId = id;
    Optional<BoardRow> board =
        boardId < 0
            ? Optional.empty()
            : web.store().jdbi().withExtension(BoardDao.class, d -> d.board(boardId));
    if (board.isEmpty()
        || !board.get().auditId().equals(s.auditId())
        || !board.get().county().equals(county)) {
      ctx.status(HttpStatus.NOT_FOUND);
      render(ctx, CountyUi.error("There is no such audit board in " + county + "."), new String[5]);
      return;
    }
    String passphrase = CountyUi.field(ctx, "passphrase");
    if (Passphrases.boardNumber(passphrase) != boardId
        || !Passphrases.verify(passphrase, board.get().passphraseHash())) {
      ctx.status(HttpStatus.FORBIDDEN);
      render(
          ctx,
          CountyUi.error(
              "That is not the passphrase of board '"
                  + board.get().name()
                  + "'. A passphrase is shown only once, when the board is created; if it is"
                  + " lost, create a new board."),
          new String[5]);
      return;
    }
    List<String> members = new ArrayList<>();
    web.boards().list(s.auditId(), county).stream()
        .filter(b -> b.boardId() == boardId)
        .findFirst()
        .ifPresent(b -> b.members().forEach(m -> members.add(m.name() + " (" + m.party() + ")")));
    web.store()
        .log(
            s.auditId(),
            who.actor(),
            "board-credentials-printed",
            "board=" + boardId + " county=" + county + " name=" + board.get().name());
    ctx.contentType("application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"board-" + boardId + "-credentials.pdf\"");
    CredentialsPdf.write(
        s.audit().name(),
        county,
        board.get().name(),
        members,
        passphrase,
        signInUrl(ctx),
        ctx.outputStream());
  }
}
