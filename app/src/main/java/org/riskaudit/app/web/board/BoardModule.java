package org.riskaudit.app.web.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.Access;
import org.riskaudit.app.web.BoardAccounts.Member;
import org.riskaudit.app.web.Html;
import org.riskaudit.app.web.Page;
import org.riskaudit.app.web.Principal;
import org.riskaudit.app.web.Role;
import org.riskaudit.app.web.Route;
import org.riskaudit.app.web.WebContext;
import org.riskaudit.app.web.WebModule;
import org.riskaudit.app.web.WebRequest;
import org.riskaudit.app.web.platform.LoginThrottle;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.store.InterpretationText;
import org.riskaudit.store.Store;
import org.riskaudit.store.web.BoardDao;
import org.riskaudit.store.web.BoardRow;

/**
 * The audit board's pages (docs/web-boards.md): sign-in by passphrase with both members named, the
 * board's cards in retrieval order, entry one card at a time (never showing the CVR), a review
 * before each save, and the board's sign-off. Plain forms work without JavaScript; board.js adds a
 * queue that keeps unsent entries on the device and re-sends them until acknowledged.
 */
public final class BoardModule implements WebModule {
  private static final Access BOARD = Access.of(Role.AUDIT_BOARD);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = "<script src=\"/static/board.js\" defer></script>";

  /** Renders a board page: its own stylesheet (large targets) and body class. */
  private static void render(Context ctx, String title, String body) {
    Page.render(
        ctx,
        title,
        "<link rel=\"stylesheet\" href=\"/static/board.css\"><div class=\"board-page\">"
            + body
            + "</div>");
  }

  @Override
  public List<Route> routes(WebContext web) {
    Store store = web.store();
    return List.of(
        Route.get("/board/login", Access.PUBLIC, ctx -> loginPage(ctx, List.of(), Map.of())),
        Route.post("/board/login", Access.PUBLIC, ctx -> login(web, ctx)),
        Route.get("/board", BOARD, ctx -> cardList(store, ctx)),
        Route.get("/board/card", BOARD, ctx -> cardPage(store, ctx)),
        Route.post("/board/card/edit", BOARD, ctx -> cardPage(store, ctx)),
        Route.post("/board/card/review", BOARD, ctx -> review(store, ctx)),
        Route.post("/board/card/save", BOARD, ctx -> save(store, ctx, false)),
        Route.post("/board/api/submissions", BOARD, ctx -> save(store, ctx, true)),
        Route.get("/board/sign-off", BOARD, ctx -> signOffPage(store, ctx, List.of())),
        Route.post("/board/sign-off", BOARD, ctx -> signOff(store, ctx)));
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-in

  private static void loginPage(Context ctx, List<String> problems, Map<String, String> typed) {
    StringBuilder b = new StringBuilder();
    errors(b, problems);
    b.append(
            "<p>Type the passphrase printed on your board's credentials sheet: its number and"
                + " five words. Both members name themselves with their party.</p>")
        .append("<form method=\"post\" action=\"/board/login\" class=\"board-form\">")
        .append(WebRequest.csrfField(ctx))
        .append("<p><label for=\"passphrase\">Passphrase</label>")
        .append(
            "<input id=\"passphrase\" name=\"passphrase\" type=\"password\" required"
                + " autocomplete=\"off\" autocapitalize=\"none\" spellcheck=\"false\""
                + " aria-describedby=\"passphrase-hint\">")
        .append(
            "<span id=\"passphrase-hint\" class=\"hint\">For example: 12 bako tire lupo ziva"
                + " henu</span></p>");
    for (int i = 1; i <= 2; i++) {
      b.append("<fieldset><legend>Member ")
          .append(i)
          .append("</legend><p><label for=\"member")
          .append(i)
          .append("\">Name</label><input id=\"member")
          .append(i)
          .append("\" name=\"member")
          .append(i)
          .append("\" required autocomplete=\"off\" value=\"")
          .append(Html.esc(typed.getOrDefault("member" + i, "")))
          .append("\"></p><p><label for=\"party")
          .append(i)
          .append("\">Party</label><input id=\"party")
          .append(i)
          .append("\" name=\"party")
          .append(i)
          .append("\" required autocomplete=\"off\" value=\"")
          .append(Html.esc(typed.getOrDefault("party" + i, "")))
          .append("\"></p></fieldset>");
    }
    b.append("<p><button type=\"submit\" class=\"primary big\">Sign in</button></p></form>")
        .append(SCRIPT);
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    render(ctx, "Audit board sign-in", b.toString());
  }

  private static void login(WebContext web, Context ctx) {
    Map<String, String> typed = new HashMap<>();
    for (String f : List.of("member1", "party1", "member2", "party2")) {
      typed.put(f, Optional.ofNullable(ctx.formParam(f)).orElse("").strip());
    }
    List<String> problems = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      if (typed.get("member" + i).isEmpty() || typed.get("party" + i).isEmpty()) {
        problems.add("Give the name and the party of member " + i + ".");
      }
      if (typed.get("member" + i).length() > 200 || typed.get("party" + i).length() > 100) {
        problems.add("Member " + i + "'s name or party is too long.");
      }
    }
    if (!typed.get("member1").isEmpty()
        && typed.get("member1").equalsIgnoreCase(typed.get("member2"))) {
      problems.add("The two members must be two different people.");
    }
    String passphrase = Optional.ofNullable(ctx.formParam("passphrase")).orElse("");
    long number = Passphrases.boardNumber(passphrase);
    Optional<BoardRow> board =
        number < 0
            ? Optional.empty()
            : web.store().jdbi().withExtension(BoardDao.class, d -> d.board(number));
    String subject = "board:" + Math.max(number, 0);
    LoginThrottle throttle = new LoginThrottle(web.store(), web.clock());
    Optional<java.time.Instant> locked = throttle.lockedUntil(subject, ctx.ip());
    if (locked.isPresent()) {
      problems.add(0, throttle.lockedMessage(locked.get()));
      loginPage(ctx, problems, typed);
      return;
    }
    boolean ok = board.isPresent() && Passphrases.verify(passphrase, board.get().passphraseHash());
    if (!ok) {
      throttle.failed(subject, ctx.ip());
      problems.add(
          0,
          "The passphrase does not match an audit board. Type the board's number and the five"
              + " words exactly as printed on the credentials sheet.");
    }
    if (!problems.isEmpty()) {
      loginPage(ctx, problems, typed);
      return;
    }
    throttle.succeeded(subject);
    BoardRow b = board.get();
    List<Member> members =
        List.of(
            new Member(typed.get("member1"), typed.get("party1")),
            new Member(typed.get("member2"), typed.get("party2")));
    Principal who = new Principal(Role.AUDIT_BOARD, b.name(), b.auditId(), b.county(), b.boardId());
    web.store()
        .jdbi()
        .useTransaction(
            h -> {
              h.attach(BoardDao.class)
                  .updateMembers(b.boardId(), StoreBoardAccounts.membersJson(members));
              StoreBoardAccounts.log(
                  h,
                  web.clock(),
                  b.auditId(),
                  who.actor(),
                  "board-sign-in",
                  "board=" + b.boardId() + " members=" + describe(members));
            });
    web.sessions().start(ctx, who);
    ctx.redirect("/board", HttpStatus.SEE_OTHER);
  }

  static String describe(List<Member> members) {
    return String.join(", ", members.stream().map(m -> m.name() + " (" + m.party() + ")").toList());
  }

  // ---------------------------------------------------------------------------------------------
  // The board's cards

  /** The signed-in board's principal (the access check already ran; checked again here). */
  private static Principal board(Context ctx) {
    Principal p = WebRequest.signedIn(ctx);
    if (p.role() != Role.AUDIT_BOARD || p.boardId() == null) {
      throw new io.javalin.http.ForbiddenResponse("Only an audit board can use this page.");
    }
    return p;
  }

  private record View(
      Principal who, BoardRound.Now now, BoardRound.CountyRound round, BoardRow row) {
    List<RetrievalRow> cards() {
      return round.cardsOf(who.boardId());
    }

    boolean signedOff() {
      return row.signedOffRound() != null && row.signedOffRound() == now.round();
    }
  }

  private static View view(Store store, Context ctx) {
    Principal who = board(ctx);
    BoardRound.Now now = BoardRound.now(store, who.auditId());
    BoardRow row =
        store
            .jdbi()
            .withExtension(BoardDao.class, d -> d.board(who.boardId()))
            .orElseThrow(() -> new io.javalin.http.ForbiddenResponse("This board was removed."));
    return new View(who, now, BoardRound.of(store, who.auditId(), who.county(), now), row);
  }

  /** The latest revision of each card of the audit that has an interpretation. */
  private static Map<String, Integer> revisions(Store store, String auditId) {
    Map<String, Integer> out = new HashMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT card_id, MAX(revision) FROM interpretation WHERE audit_id = :a"
                            + " GROUP BY card_id")
                    .bind("a", auditId)
                    .map((rs, c) -> out.put(rs.getString(1), rs.getInt(2)))
                    .list());
    return out;
  }

  private static Optional<Interpretation> latest(Store store, String auditId, String cardId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT status, votes FROM interpretation WHERE audit_id = :a"
                            + " AND card_id = :c ORDER BY revision DESC LIMIT 1")
                    .bind("a", auditId)
                    .bind("c", cardId)
                    .map((rs, c) -> InterpretationText.decode(rs.getString(1), rs.getString(2)))
                    .findOne());
  }

  private static int latestRevision(Store store, String auditId, String cardId) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COALESCE(MAX(revision), 0) FROM interpretation"
                            + " WHERE audit_id = :a AND card_id = :c")
                    .bind("a", auditId)
                    .bind("c", cardId)
                    .mapTo(Integer.class)
                    .one());
  }

  private static void cardList(Store store, Context ctx) {
    View v = view(store, ctx);
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"who-board\">")
        .append(Html.esc(v.who().name()))
        .append(", ")
        .append(Html.esc(v.who().county()))
        .append(
            "</p><div id=\"queue-status\" class=\"queue\" role=\"status\""
                + " aria-live=\"polite\"></div>");
    String saved = ctx.queryParam("saved");
    if (saved != null) {
      b.append("<p class=\"notice\" role=\"status\">Card ")
          .append(Html.esc(saved))
          .append(" saved.</p>");
    }
    if (v.now().stage() != AuditStage.ROUND_IN_PROGRESS) {
      b.append("<p class=\"notice\">No round is in progress now");
      if (v.now().round() > 0) {
        b.append(" (round ").append(v.now().round()).append(" has ended)");
      }
      b.append(". There is nothing to enter.</p>");
      render(ctx, "Your cards", b.append(SCRIPT).toString());
      return;
    }
    List<RetrievalRow> cards = v.cards();
    Map<String, Integer> rev = revisions(store, v.who().auditId());
    long done = cards.stream().filter(r -> rev.containsKey(r.cardId())).count();
    b.append("<p class=\"progress\">Round ")
        .append(v.now().round())
        .append(": <strong>")
        .append(done)
        .append(" of ")
        .append(cards.size())
        .append("</strong> cards saved.</p>");
    if (v.signedOff()) {
      b.append("<p class=\"notice\">This board signed off round ")
          .append(v.now().round())
          .append(". Thank you.</p>");
    }
    if (cards.isEmpty()) {
      b.append("<p>No cards are assigned to this board in this round.</p>");
    } else {
      Optional<RetrievalRow> next =
          cards.stream().filter(r -> !rev.containsKey(r.cardId())).findFirst();
      if (next.isPresent() && !v.signedOff()) {
        b.append("<p><a class=\"button primary big\" href=\"")
            .append(cardUrl(next.get().cardId()))
            .append("\">Enter the next card</a></p>");
      }
      b.append(
          "<table class=\"cards\"><caption>Cards in retrieval order</caption><thead><tr>"
              + "<th scope=\"col\">#</th><th scope=\"col\">Container</th>"
              + "<th scope=\"col\">Tabulator</th><th scope=\"col\">Batch</th>"
              + "<th scope=\"col\">Position</th><th scope=\"col\">Status</th>"
              + "<th scope=\"col\">Entry</th></tr></thead><tbody>");
      int i = 0;
      for (RetrievalRow r : cards) {
        i++;
        boolean isSaved = rev.containsKey(r.cardId());
        b.append("<tr><td>")
            .append(i)
            .append("</td><td>")
            .append(Html.esc(r.container()))
            .append("</td><td>")
            .append(Html.esc(r.tabulator()))
            .append("</td><td>")
            .append(Html.esc(r.batch()))
            .append("</td><td>")
            .append(r.position())
            .append(multiplicity(r, true))
            .append("</td><td>")
            .append(isSaved ? "<span class=\"ok\">Saved</span>" : "To do")
            .append("</td><td>");
        if (!v.signedOff()) {
          b.append("<a href=\"")
              .append(cardUrl(r.cardId()))
              .append("\" aria-label=\"")
              .append(isSaved ? "Correct" : "Enter")
              .append(" card ")
              .append(i)
              .append("\">")
              .append(isSaved ? "Correct" : "Enter")
              .append("</a>");
        }
        b.append("</td></tr>");
      }
      b.append("</tbody></table>");
      if (!v.signedOff()) {
        b.append("<p><a class=\"button big\" href=\"/board/sign-off\">Sign off this round</a></p>");
      }
    }
    render(ctx, "Your cards", b.append(SCRIPT).toString());
  }

  private static String cardUrl(String cardId) {
    return "/board/card?card=" + URLEncoder.encode(cardId, StandardCharsets.UTF_8);
  }

  /** The mark of a card drawn more than once (record it once). */
  private static String multiplicity(RetrievalRow r, boolean inTable) {
    if (r.timesDrawn() <= 1) {
      return "";
    }
    return inTable
        ? " <strong class=\"multi\">drawn " + r.timesDrawn() + " times: record once</strong>"
        : "<p class=\"multi\" role=\"note\"><strong>This ballot card was drawn "
            + r.timesDrawn()
            + " times: record it once.</strong></p>";
  }

  /** The card addressed by the request, or a 404 page when it is not on this board's list. */
  private static Optional<RetrievalRow> assigned(View v, Context ctx, String cardId) {
    Optional<RetrievalRow> card =
        cardId == null ? Optional.empty() : v.round().card(v.who().boardId(), cardId);
    if (card.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      render(
          ctx,
          "Card not found",
          "<p>This card is not on your board's list for the current round.</p>"
              + "<p><a href=\"/board\">Back to your cards</a></p>");
    }
    return card;
  }

  private static String param(Context ctx, String name) {
    String q = ctx.queryParam(name);
    return q != null ? q : ctx.formParam(name);
  }

  private static void cardPage(Store store, Context ctx) {
    View v = view(store, ctx);
    Optional<RetrievalRow> card = assigned(v, ctx, param(ctx, "card"));
    if (card.isEmpty()) {
      return;
    }
    Map<String, List<String>> prefill =
        ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParamMap() : Map.of();
    renderCard(store, ctx, v, card.get(), prefill, List.of());
  }

  private static void renderCard(
      Store store,
      Context ctx,
      View v,
      RetrievalRow r,
      Map<String, List<String>> prefill,
      List<String> problems) {
    List<RetrievalRow> cards = v.cards();
    int index = cards.indexOf(r) + 1;
    int revision = latestRevision(store, v.who().auditId(), r.cardId());
    StringBuilder b = new StringBuilder();
    errors(b, problems);
    b.append(
        "<div id=\"queue-status\" class=\"queue\" role=\"status\" aria-live=\"polite\"></div>");
    location(b, r, index, cards.size());
    if (revision > 0) {
      b.append("<div class=\"notice\"><p>This card is already saved. What was saved:</p>");
      latest(store, v.who().auditId(), r.cardId())
          .ifPresent(mvr -> b.append(BoardEntry.review(mvr, v.round().contests())));
      b.append("<p>To correct it, enter the card again, review and save.</p></div>");
    }
    if (v.signedOff()) {
      b.append("<p class=\"notice\">This board signed off the round; entries are closed.</p>");
      render(ctx, "Card " + index + " of " + cards.size(), b.append(SCRIPT).toString());
      return;
    }
    b.append("<form method=\"post\" action=\"/board/card/review\" class=\"entry\">")
        .append(WebRequest.csrfField(ctx))
        .append(hidden("card", r.cardId()))
        .append(hidden("revision", Integer.toString(revision + 1)));
    List<AuditedContest> contests = v.round().contests();
    for (int i = 0; i < contests.size(); i++) {
      AuditedContest c = contests.get(i);
      String f = BoardEntry.field(i);
      List<String> chosen = prefill.getOrDefault(f, List.of());
      b.append("<fieldset class=\"contest\"><legend>")
          .append(Html.esc(c.name()))
          .append("</legend><p class=\"hint\">Mark every choice marked on the card.</p>");
      int k = 0;
      for (String choice : c.reported().votes().keySet()) {
        option(b, f, f + "-" + (k++), "=" + choice, Html.esc(choice), chosen);
      }
      option(b, f, f + "-blank", BoardEntry.BLANK, "Blank (no mark)", chosen);
      option(b, f, f + "-noagree", BoardEntry.NO_AGREE, "We cannot agree", chosen);
      option(b, f, f + "-absent", BoardEntry.ABSENT, "Not on this card", chosen);
      b.append("</fieldset>");
    }
    b.append("<fieldset class=\"contest\"><legend>Card missing?</legend>");
    option(
        b,
        "notfound",
        "notfound",
        "1",
        "The card could not be found (leave the contests empty)",
        prefill.getOrDefault("notfound", List.of()));
    b.append("</fieldset>")
        .append("<p><button type=\"submit\" class=\"primary big\">Review this card</button></p>")
        .append("</form><p><a href=\"/board\">Back to your cards</a></p>");
    render(ctx, "Card " + index + " of " + cards.size(), b.append(SCRIPT).toString());
  }

  private static void location(StringBuilder b, RetrievalRow r, int index, int of) {
    b.append("<dl class=\"where\"><dt>Container</dt><dd>")
        .append(Html.esc(r.container()))
        .append("</dd><dt>Tabulator</dt><dd>")
        .append(Html.esc(r.tabulator()))
        .append("</dd><dt>Batch</dt><dd>")
        .append(Html.esc(r.batch()))
        .append("</dd><dt>Position in batch</dt><dd>")
        .append(r.position())
        .append("</dd></dl>")
        .append(multiplicity(r, false));
  }

  private static void option(
      StringBuilder b, String name, String id, String value, String label, List<String> chosen) {
    b.append("<label class=\"choice\" for=\"")
        .append(Html.esc(id))
        .append("\"><input type=\"checkbox\" id=\"")
        .append(Html.esc(id))
        .append("\" name=\"")
        .append(Html.esc(name))
        .append("\" value=\"")
        .append(Html.esc(value))
        .append("\"")
        .append(chosen.contains(value) ? " checked" : "")
        .append("> <span>")
        .append(label)
        .append("</span></label>");
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\""
        + Html.esc(name)
        + "\" value=\""
        + Html.esc(value)
        + "\">";
  }

  private static void errors(StringBuilder b, List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    b.append("<div class=\"errors\" role=\"alert\"><h2>Please fix this before going on</h2><ul>");
    problems.forEach(p -> b.append("<li>").append(Html.esc(p)).append("</li>"));
    b.append("</ul></div>");
  }

  private static int revisionParam(Context ctx) {
    try {
      int r = Integer.parseInt(Optional.ofNullable(param(ctx, "revision")).orElse("1"));
      return Math.max(1, r);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void review(Store store, Context ctx) {
    View v = view(store, ctx);
    Optional<RetrievalRow> card = assigned(v, ctx, ctx.formParam("card"));
    if (card.isEmpty()) {
      return;
    }
    RetrievalRow r = card.get();
    Map<String, List<String>> form = ctx.formParamMap();
    BoardEntry.Parsed parsed = BoardEntry.parse(form, v.round().contests(), v.round().voteFor());
    if (parsed.mvr() == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderCard(store, ctx, v, r, form, parsed.problems());
      return;
    }
    renderReview(ctx, v, r, form, parsed.mvr(), List.of());
  }

  private static void renderReview(
      Context ctx,
      View v,
      RetrievalRow r,
      Map<String, List<String>> form,
      Interpretation mvr,
      List<String> problems) {
    List<RetrievalRow> cards = v.cards();
    int index = cards.indexOf(r) + 1;
    int contests = v.round().contests().size();
    String fields =
        WebRequest.csrfField(ctx)
            + hidden("card", r.cardId())
            + hidden("revision", Integer.toString(revisionParam(ctx)))
            + BoardEntry.hidden(form, contests);
    String next =
        cards.stream().skip(index).findFirst().map(x -> cardUrl(x.cardId())).orElse("/board");
    StringBuilder b = new StringBuilder();
    errors(b, problems);
    b.append(
        "<div id=\"queue-status\" class=\"queue\" role=\"status\" aria-live=\"polite\"></div>");
    location(b, r, index, cards.size());
    b.append("<h2>Check the entry against the card</h2>")
        .append(BoardEntry.review(mvr, v.round().contests()))
        .append("<form method=\"post\" action=\"/board/card/save\" class=\"save\"")
        .append(" data-api=\"/board/api/submissions\" data-next=\"")
        .append(Html.esc(next))
        .append("\">")
        .append(fields)
        .append(hidden("submission", UUID.randomUUID().toString()))
        .append("<p><button type=\"submit\" class=\"primary big\">Save this card</button></p>")
        .append("</form><form method=\"post\" action=\"/board/card/edit\">")
        .append(fields)
        .append("<p><button type=\"submit\" class=\"big\">Change the entry</button></p></form>");
    render(ctx, "Review card " + index + " of " + cards.size(), b.append(SCRIPT).toString());
  }

  private static void save(Store store, Context ctx, boolean api) throws Exception {
    View v = view(store, ctx);
    String cardId = ctx.formParam("card");
    Optional<RetrievalRow> card =
        cardId == null ? Optional.empty() : v.round().card(v.who().boardId(), cardId);
    if (card.isEmpty()) {
      if (api) {
        json(ctx, 404, "NOT_FOUND", "This card is not on your board's list for this round.");
      } else {
        assigned(v, ctx, cardId);
      }
      return;
    }
    RetrievalRow r = card.get();
    Map<String, List<String>> form = ctx.formParamMap();
    BoardEntry.Parsed parsed = BoardEntry.parse(form, v.round().contests(), v.round().voteFor());
    String submission = ctx.formParam("submission");
    if (parsed.mvr() == null || !BoardSubmissions.validId(submission)) {
      List<String> problems = new ArrayList<>(parsed.problems());
      if (!BoardSubmissions.validId(submission)) {
        problems.add("The entry has no valid submission id; review the card again.");
      }
      if (api) {
        json(ctx, 400, "INVALID", String.join(" ", problems));
      } else {
        ctx.status(HttpStatus.BAD_REQUEST);
        renderCard(store, ctx, v, r, form, problems);
      }
      return;
    }
    BoardSubmissions.Outcome o =
        BoardSubmissions.submit(
            store,
            v.who(),
            v.round(),
            r.cardId(),
            revisionParam(ctx),
            parsed.mvr(),
            submission,
            v.signedOff());
    if (api) {
      json(
          ctx,
          o.status() == BoardSubmissions.Status.REFUSED ? 409 : 200,
          o.status().name(),
          o.message());
      return;
    }
    if (o.status() == BoardSubmissions.Status.REFUSED) {
      ctx.status(HttpStatus.CONFLICT);
      renderReview(ctx, v, r, form, parsed.mvr(), List.of(o.message()));
      return;
    }
    Map<String, Integer> rev = revisions(store, v.who().auditId());
    Optional<RetrievalRow> next =
        v.cards().stream().filter(x -> !rev.containsKey(x.cardId())).findFirst();
    String saved = "saved=" + URLEncoder.encode(r.cardId(), StandardCharsets.UTF_8);
    ctx.redirect(
        next.map(x -> cardUrl(x.cardId()) + "&" + saved).orElse("/board?" + saved),
        HttpStatus.SEE_OTHER);
  }

  private static void json(Context ctx, int status, String outcome, String message)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", outcome);
    body.put("message", message);
    ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
  }

  // ---------------------------------------------------------------------------------------------
  // Sign-off

  private static void signOffPage(Store store, Context ctx, List<String> problems) {
    View v = view(store, ctx);
    Map<String, Integer> rev = revisions(store, v.who().auditId());
    List<RetrievalRow> cards = v.cards();
    long open = cards.stream().filter(r -> !rev.containsKey(r.cardId())).count();
    StringBuilder b = new StringBuilder();
    errors(b, problems);
    if (v.now().stage() != AuditStage.ROUND_IN_PROGRESS) {
      b.append("<p class=\"notice\">No round is in progress; there is nothing to sign off.</p>");
    } else if (v.signedOff()) {
      b.append("<p class=\"notice\">This board signed off round ")
          .append(v.now().round())
          .append(".</p>");
    } else if (open > 0) {
      b.append("<p>")
          .append(open)
          .append(" of ")
          .append(cards.size())
          .append(
              " cards are not saved yet. Enter every card (or mark it not found) before signing"
                  + " off.</p>");
    } else {
      List<Member> members = StoreBoardAccounts.members(v.row().membersJson());
      b.append("<p>All ")
          .append(cards.size())
          .append(" cards of round ")
          .append(v.now().round())
          .append(" are saved. Each member confirms that the entries are what the cards show.</p>")
          .append("<form method=\"post\" action=\"/board/sign-off\" class=\"board-form\">")
          .append(WebRequest.csrfField(ctx));
      int i = 0;
      for (Member m : members) {
        i++;
        b.append("<p><label class=\"choice\" for=\"confirm")
            .append(i)
            .append("\"><input type=\"checkbox\" required id=\"confirm")
            .append(i)
            .append("\" name=\"confirm")
            .append(i)
            .append("\" value=\"1\"> <span>I, ")
            .append(Html.esc(m.name()))
            .append(" (")
            .append(Html.esc(m.party()))
            .append("), confirm these entries.</span></label></p>");
      }
      b.append("<p><button type=\"submit\" class=\"primary big\">Sign off round ")
          .append(v.now().round())
          .append("</button></p></form>");
    }
    b.append("<p><a href=\"/board\">Back to your cards</a></p>");
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    render(ctx, "Sign off", b.toString());
  }

  private static void signOff(Store store, Context ctx) {
    View v = view(store, ctx);
    Map<String, Integer> rev = revisions(store, v.who().auditId());
    long open = v.cards().stream().filter(r -> !rev.containsKey(r.cardId())).count();
    List<Member> members = StoreBoardAccounts.members(v.row().membersJson());
    List<String> problems = new ArrayList<>();
    if (v.now().stage() != AuditStage.ROUND_IN_PROGRESS) {
      problems.add("No round is in progress; there is nothing to sign off.");
    } else if (v.signedOff()) {
      problems.add("This board already signed off round " + v.now().round() + ".");
    } else if (open > 0) {
      problems.add(open + " card(s) are not saved yet; enter them before signing off.");
    }
    for (int i = 1; i <= members.size(); i++) {
      if (!"1".equals(ctx.formParam("confirm" + i))) {
        problems.add(
            "Member "
                + members.get(i - 1).name()
                + " must confirm the entries (tick the box) before signing off.");
      }
    }
    if (!problems.isEmpty()) {
      signOffPage(store, ctx, problems);
      return;
    }
    store
        .jdbi()
        .useTransaction(
            h -> {
              h.attach(BoardDao.class)
                  .signOff(v.who().boardId(), v.now().round(), store.clock().instant());
              StoreBoardAccounts.log(
                  h,
                  store.clock(),
                  v.who().auditId(),
                  v.who().actor(),
                  "board-sign-off",
                  "board="
                      + v.who().boardId()
                      + " round="
                      + v.now().round()
                      + " cards="
                      + v.cards().size()
                      + " members="
                      + describe(members));
            });
    ctx.redirect("/board", HttpStatus.SEE_OTHER);
  }
}
