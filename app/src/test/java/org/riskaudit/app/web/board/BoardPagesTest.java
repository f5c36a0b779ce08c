package org.riskaudit.app.web.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.riskaudit.app.audit.AuditLoader;
import org.riskaudit.app.audit.RetrievalService;
import org.riskaudit.app.retrieval.RetrievalRow;
import org.riskaudit.app.web.BoardAccounts;
import org.riskaudit.app.web.platform.WebClient;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.sampling.CardId;
import org.riskaudit.store.Rows;
import org.riskaudit.store.web.BoardSubmissionDao;

/**
 * The audit board's pages over HTTP on a real server: a board sees only its cards, never the CVR,
 * reviews before saving, a re-sent entry is recorded once, a card drawn twice is marked, and the
 * board signs off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPagesTest {
  @TempDir static Path dir;
  BoardFixture f;
  List<AuditedContest> contests;

  @BeforeAll
  void start() throws Exception {
    f = BoardFixture.start(dir, 2, 150);
    contests =
        BoardRound.of(f.store, "audit", "County 1", BoardRound.now(f.store, "audit")).contests();
  }

  @AfterAll
  void stop() {
    f.close();
  }

  static String url(String card) {
    return "/board/card?card=" + URLEncoder.encode(card, StandardCharsets.UTF_8);
  }

  /** An entry marking the first choice of every contest (or another than {@code avoid}'s). */
  List<String> choices(Cvr avoid) {
    List<String> out = new ArrayList<>();
    for (AuditedContest c : contests) {
      List<String> names = new ArrayList<>(c.reported().votes().keySet());
      String pick = names.get(0);
      if (avoid != null) {
        ContestVote v = avoid.contests().get(c.name());
        if (v != null && v.votesFor(pick)) {
          pick = names.get(1);
        }
      }
      out.add("=" + pick);
    }
    return out;
  }

  private Map<String, String> saveForm(String card, int revision, List<String> choices, String id) {
    Map<String, String> form = f.entry(card, revision, choices);
    form.put("submission", id);
    return form;
  }

  private List<Rows.InterpretationRow> interpretationsOf(String card) {
    return f.store.rounds().interpretations("audit").stream()
        .filter(r -> r.cardId().equals(card))
        .toList();
  }

  @Test
  void aBoardSeesOnlyItsOwnCardsAndAnotherBoardsCardIsNotFound() {
    BoardAccounts.IssuedBoard mine = f.board(0, 0);
    BoardAccounts.IssuedBoard other = f.board(0, 1);
    BoardAccounts.IssuedBoard elsewhere = f.board(1, 0);
    List<RetrievalRow> myCards = f.cardsOf(mine, "County 1");
    List<RetrievalRow> otherCards = f.cardsOf(other, "County 1");
    assertThat(myCards).isNotEmpty();
    assertThat(otherCards).isNotEmpty();
    // the county's round is shared between its two boards, each card to exactly one
    Set<String> county = new TreeSet<>();
    RetrievalService.wholeRound(AuditLoader.load(f.store, "audit"), 2).stream()
        .filter(r -> r.county().equals("County 1"))
        .forEach(r -> county.add(r.cardId()));
    Set<String> both = new TreeSet<>();
    myCards.forEach(r -> both.add(r.cardId()));
    otherCards.forEach(r -> assertThat(both.add(r.cardId())).isTrue());
    assertThat(both).isEqualTo(county);

    WebClient c = f.signIn(mine);
    String list = c.get("/board").body();
    for (RetrievalRow r : myCards) {
      assertThat(list).contains(url(r.cardId()));
    }
    for (RetrievalRow r : otherCards) {
      assertThat(list).doesNotContain(url(r.cardId()));
    }
    String foreign = otherCards.get(0).cardId();
    assertThat(c.get(url(foreign)).statusCode()).isEqualTo(404);
    assertThat(c.get(url(f.cardsOf(elsewhere, "County 2").get(0).cardId())).statusCode())
        .isEqualTo(404);
    assertThat(c.get(url("County 1/no/such/1")).statusCode()).isEqualTo(404);
    assertThat(c.post("/board/card/review", f.entry(foreign, 1, choices(null))).statusCode())
        .isEqualTo(404);
    HttpResponse<String> api =
        c.post("/board/api/submissions", saveForm(foreign, 1, choices(null), "foreign-card-1"));
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(interpretationsOf(foreign)).isEmpty();
  }

  @Test
  void theBoardReviewsAnEntryBeforeItIsSavedAndSavingRecordsItOnceWithItsLogEntry() {
    BoardAccounts.IssuedBoard b = f.board(0, 0);
    WebClient c = f.signIn(b);
    String card = f.cardsOf(b, "County 1").get(1).cardId();
    String page = c.get(url(card)).body();
    assertThat(page).contains("Review this card");
    HttpResponse<String> review = c.post("/board/card/review", f.entry(card, 1, choices(null)));
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body()).contains("Check the entry against the card", "Save this card");
    assertThat(interpretationsOf(card)).as("nothing is saved by the review").isEmpty();
    Map<String, String> save = f.entry(card, 1, choices(null));
    save.put("submission", BoardFixture.submissionId(review.body()));
    HttpResponse<String> saved = c.post("/board/card/save", save);
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(WebClient.location(saved)).contains("saved=");
    assertThat(interpretationsOf(card)).hasSize(1);
    assertThat(interpretationsOf(card).get(0).recordedBy()).isEqualTo("board:County 1:Board 1");
    // the same form sent again (a double click, a reload) is not recorded again
    assertThat(c.post("/board/card/save", save).statusCode()).isEqualTo(303);
    assertThat(interpretationsOf(card)).hasSize(1);
    assertThat(
            f.store.logEntries("audit").stream()
                .filter(e -> e.action().equals("record") && e.details().contains(card))
                .count())
        .isEqualTo(1);
    assertThat(f.store.verifyLog("audit")).isEmpty();
  }

  @Test
  void anEntryMissingAContestIsSentBackWithWhatToFix() {
    BoardAccounts.IssuedBoard b = f.board(0, 0);
    WebClient c = f.signIn(b);
    String card = f.cardsOf(b, "County 1").get(2).cardId();
    Map<String, String> form = f.entry(card, 1, List.of());
    HttpResponse<String> r = c.post("/board/card/review", form);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("choose what is marked, or Blank, Cannot agree");
  }

  @Test
  void aReSentSubmissionIdIsRecordedOnceEvenWhenSentConcurrently() throws Exception {
    BoardAccounts.IssuedBoard b = f.board(0, 1);
    WebClient c = f.signIn(b);
    String card = f.cardsOf(b, "County 1").get(3).cardId();
    Map<String, String> form = saveForm(card, 1, choices(null), "resent-submission-0001");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> sends = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        sends.add(pool.submit(() -> c.post("/board/api/submissions", form)));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<HttpResponse<String>> s : sends) {
        HttpResponse<String> r = s.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        outcomes.add(r.body());
      }
      assertThat(outcomes.stream().filter(o -> o.contains("\"RECORDED\"")).count()).isEqualTo(1);
      assertThat(outcomes.stream().filter(o -> o.contains("ALREADY_RECORDED")).count())
          .isEqualTo(5);
    } finally {
      pool.shutdown();
    }
    HttpResponse<String> later = c.post("/board/api/submissions", form);
    assertThat(later.body()).contains("ALREADY_RECORDED");
    assertThat(interpretationsOf(card)).hasSize(1);
    assertThat(
            f.store.jdbi().withExtension(BoardSubmissionDao.class, d -> d.all("audit")).stream()
                .filter(s -> s.cardId().equals(card))
                .count())
        .isEqualTo(1);
  }

  private String rawVotes(CardLocation l) {
    return f.store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT votes FROM cvr WHERE audit_id = 'audit' AND county = :c AND"
                            + " tabulator = :t AND batch = :b AND position = :p")
                    .bind("c", l.county())
                    .bind("t", l.tabulator())
                    .bind("b", l.batch())
                    .bind("p", l.position())
                    .mapTo(String.class)
                    .one());
  }

  private void setRawVotes(CardLocation l, String votes) {
    f.store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE cvr SET votes = :v WHERE audit_id = 'audit' AND county = :c AND"
                            + " tabulator = :t AND batch = :b AND position = :p")
                    .bind("v", votes)
                    .bind("c", l.county())
                    .bind("t", l.tabulator())
                    .bind("b", l.batch())
                    .bind("p", l.position())
                    .execute());
  }

  @Test
  void noBoardPageShowsAnythingOfTheCvrEvenForACardWhoseCvrDiffersFromTheEntry() {
    BoardAccounts.IssuedBoard b = f.board(1, 0);
    List<RetrievalRow> cards = f.cardsOf(b, "County 2");
    String card = cards.get(0).cardId();
    CardLocation at = CardId.parse(card);
    Cvr cvr = f.store.cards().find("audit", at).orElseThrow();
    List<String> entry = choices(cvr);
    // another card whose CVR differs in the first contest
    String differentVotes = null;
    for (RetrievalRow r : cards) {
      Cvr other = f.store.cards().find("audit", CardId.parse(r.cardId())).orElseThrow();
      if (!other.contests().equals(cvr.contests())) {
        differentVotes = rawVotes(CardId.parse(r.cardId()));
        break;
      }
    }
    assertThat(differentVotes).as("a card with other votes").isNotNull();

    WebClient c = f.signIn(b);
    List<String> pages = new ArrayList<>();
    pages.add(c.get("/board").body());
    String fresh = c.get(url(card)).body();
    pages.add(fresh);
    assertThat(fresh).doesNotContain("checked");
    // The entry page is the same whatever the CVR says.
    String original = rawVotes(at);
    setRawVotes(at, differentVotes);
    try {
      assertThat(c.get(url(card)).body()).isEqualTo(fresh);
    } finally {
      setRawVotes(at, original);
    }
    HttpResponse<String> review = c.post("/board/card/review", f.entry(card, 1, entry));
    pages.add(review.body());
    Map<String, String> save = f.entry(card, 1, entry);
    save.put("submission", BoardFixture.submissionId(review.body()));
    HttpResponse<String> saved = c.post("/board/card/save", save);
    assertThat(saved.statusCode()).isEqualTo(303);
    pages.add(c.get(WebClient.location(saved)).body());
    pages.add(c.get(url(card)).body());
    pages.add(c.get("/board/sign-off").body());
    // what the CVR says and the board did not enter appears on no page
    List<String> cvrOnly = new ArrayList<>();
    if (!cvr.imprintedId().isEmpty()) {
      cvrOnly.add(cvr.imprintedId());
    }
    cvrOnly.add(original);
    for (int i = 0; i < contests.size(); i++) {
      ContestVote v = cvr.contests().get(contests.get(i).name());
      assertThat(v).isNotNull();
      assertThat(v.votesFor(entry.get(i).substring(1))).as("entry differs from the CVR").isFalse();
    }
    cvr.contests()
        .forEach(
            (contest, v) -> {
              if (contests.stream().noneMatch(x -> x.name().equals(contest))) {
                cvrOnly.add(contest);
                cvrOnly.addAll(v.choices());
              }
            });
    for (String page : pages) {
      for (String s : cvrOnly) {
        assertThat(page).doesNotContain(s);
      }
      assertThat(page).doesNotContainIgnoringCase("cvr").doesNotContain("machine");
    }
    // after saving, the card shows the board's own entry, not the CVR's choice
    String after = pages.get(4);
    for (int i = 0; i < contests.size(); i++) {
      String cvrChoice = cvr.contests().get(contests.get(i).name()).choices().get(0);
      String dd = "<dd>" + cvrChoice + "</dd>";
      assertThat(after).doesNotContain(dd);
      assertThat(after).contains("<dd>" + entry.get(i).substring(1) + "</dd>");
    }
  }

  @Test
  void aCardDrawnMoreThanOnceIsMarkedToBeRecordedOnce() {
    BoardAccounts.IssuedBoard board = null;
    RetrievalRow twice = null;
    String county = null;
    for (int k = 0; k < 2 && twice == null; k++) {
      for (int i = 0; i < 2 && twice == null; i++) {
        BoardAccounts.IssuedBoard b = f.board(k, i);
        for (RetrievalRow r : f.cardsOf(b, BoardFixture.COUNTIES.get(k))) {
          if (r.timesDrawn() > 1) {
            board = b;
            twice = r;
            county = BoardFixture.COUNTIES.get(k);
            break;
          }
        }
      }
    }
    assertThat(twice).as("a card drawn twice in a sample of 150 of 2,000").isNotNull();
    WebClient c = f.signIn(board);
    String n = Integer.toString(twice.timesDrawn());
    assertThat(c.get("/board").body()).contains("drawn " + n + " times: record once");
    assertThat(c.get(url(twice.cardId())).body())
        .contains("This ballot card was drawn " + n + " times: record it once.");
    RetrievalRow once =
        f.cardsOf(board, county).stream()
            .filter(r -> r.timesDrawn() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(c.get(url(once.cardId())).body()).doesNotContain("times: record it once");
  }

  @Test
  void signInRefusesAWrongPassphraseAndNeedsBothMembersWithTheirParty() {
    BoardAccounts.IssuedBoard b = f.board(0, 1);
    WebClient c = new WebClient(f.port());
    c.get("/board/login");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("passphrase", b.boardId() + " bako tire lupo ziva henu");
    form.put("member1", "Ana Diaz");
    form.put("party1", "DEM");
    form.put("member2", "Bo Reyes");
    form.put("party2", "REP");
    HttpResponse<String> wrong = c.post("/board/login", form);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("does not match an audit board");
    assertThat(c.get("/board").statusCode()).isNotEqualTo(200);
    form.put("passphrase", b.passphrase());
    form.put("party2", "");
    HttpResponse<String> noParty = c.post("/board/login", form);
    assertThat(noParty.statusCode()).isEqualTo(400);
    assertThat(noParty.body()).contains("Give the name and the party of member 2.");
    form.put("party2", "REP");
    assertThat(c.post("/board/login", form).statusCode()).isEqualTo(303);
    assertThat(c.get("/board").statusCode()).isEqualTo(200);
    assertThat(
            f.store.logEntries("audit").stream()
                .filter(e -> e.action().equals("board-sign-in"))
                .anyMatch(e -> e.details().contains("Ana Diaz (DEM), Bo Reyes (REP)")))
        .isTrue();
  }

  @Test
  void theBoardSignsOffOnlyWhenEveryCardIsSavedAndBothMembersConfirm() {
    BoardAccounts.IssuedBoard b = f.board(1, 1);
    WebClient c = f.signIn(b);
    List<RetrievalRow> cards = f.cardsOf(b, "County 2");
    HttpResponse<String> early =
        c.post("/board/sign-off", Map.of("confirm1", "1", "confirm2", "1"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("not saved yet");
    int i = 0;
    for (RetrievalRow r : cards) {
      HttpResponse<String> s =
          c.post(
              "/board/api/submissions",
              saveForm(r.cardId(), 1, choices(null), "sign-off-test-" + (i++)));
      assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    }
    assertThat(c.get("/board/sign-off").body()).contains("I, Ana Diaz (DEM), confirm");
    HttpResponse<String> one = c.post("/board/sign-off", Map.of("confirm1", "1"));
    assertThat(one.statusCode()).isEqualTo(400);
    assertThat(one.body()).contains("Bo Reyes must confirm");
    HttpResponse<String> done = c.post("/board/sign-off", Map.of("confirm1", "1", "confirm2", "1"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(c.get("/board").body()).contains("This board signed off round 1");
    assertThat(
            new StoreBoardAccounts(f.store, f.store.clock())
                .list("audit", "County 2").stream()
                    .filter(x -> x.boardId() == b.boardId())
                    .findFirst()
                    .orElseThrow()
                    .signedOff())
        .isTrue();
    HttpResponse<String> late =
        c.post(
            "/board/api/submissions",
            saveForm(cards.get(0).cardId(), 2, choices(null), "after-sign-off-1"));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("signed off");
    // an entry saved before the sign-off whose acknowledgement was lost is acknowledged again
    HttpResponse<String> resent =
        c.post(
            "/board/api/submissions",
            saveForm(cards.get(0).cardId(), 1, choices(null), "sign-off-test-0"));
    assertThat(resent.statusCode()).isEqualTo(200);
    assertThat(resent.body()).contains("ALREADY_RECORDED");
    assertThat(
            f.store.logEntries("audit").stream().filter(e -> e.action().equals("board-sign-off")))
        .hasSize(1);
  }

  @Test
  void entriesCommittedTogetherAreEachCheckedAndARefusedOneDoesNotStopTheOthers() {
    List<RetrievalRow> cards = f.cardsOf(f.board(0, 1), "County 1");
    String a = cards.get(5).cardId();
    String b = cards.get(6).cardId();
    AuditedContest c = contests.get(0);
    java.util.function.Function<String, org.riskaudit.app.audit.RecordingService.Entry> entry =
        card ->
            new org.riskaudit.app.audit.RecordingService.Entry(
                new org.riskaudit.formats.audit.RecordedCard(
                    card,
                    org.riskaudit.core.card.Interpretation.read(
                        Map.of(
                            c.name(),
                            ContestVote.of(c.reported().votes().keySet().iterator().next()))),
                    1,
                    "batch test",
                    0),
                "batch test",
                h -> {});
    List<org.riskaudit.store.WriteResult> results =
        new org.riskaudit.app.audit.RecordingService(f.store, "audit")
            .recordCards(
                List.of(
                    entry.apply(a),
                    entry.apply("County 1/no/such/1"),
                    entry.apply(b),
                    entry.apply(a)),
                1,
                org.riskaudit.app.audit.RecordingService.choices(
                    AuditLoader.load(f.store, "audit")));
    assertThat(results.get(0)).isInstanceOf(org.riskaudit.store.WriteResult.Written.class);
    assertThat(results.get(1)).isInstanceOf(org.riskaudit.store.WriteResult.Refused.class);
    assertThat(results.get(2)).isInstanceOf(org.riskaudit.store.WriteResult.Written.class);
    assertThat(((org.riskaudit.store.WriteResult.Refused) results.get(3)).message())
        .contains("already has revision 1");
    assertThat(interpretationsOf(a)).hasSize(1);
    assertThat(interpretationsOf(b)).hasSize(1);
    assertThat(f.store.verifyLog("audit")).isEmpty();
  }
}
