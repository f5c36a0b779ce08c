package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestSpec;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.formats.audit.BatchVotes;
import org.riskaudit.formats.audit.RecordedCard;
import org.riskaudit.store.InterpretationText;
import org.riskaudit.store.Rows;
import org.riskaudit.store.Store;
import org.riskaudit.store.WriteResult;

/**
 * Records what audit boards saw (workflow brief, step 5). Each card is written in its own
 * transaction and acknowledged only after the commit, so a crash loses nothing acknowledged. A card
 * is refused (and the others still recorded) when it was not drawn, when it already has an
 * interpretation and no explicit next revision is given, or when it names a contest or choice the
 * audit does not know (a typo would otherwise count as no vote).
 */
public final class RecordingService {
  private final Store store;
  private final String auditId;

  public RecordingService(Store store, String auditId) {
    this.store = store;
    this.auditId = auditId;
  }

  /** The cards written and those refused, each with the reason. */
  public record Result(int written, List<String> refused) {
    public Result {
      refused = List.copyOf(refused);
    }
  }

  public Result record(List<RecordedCard> cards, String defaultBoard) {
    return record(cards, defaultBoard, id -> {});
  }

  /**
   * As {@link #record(List, String)}, calling {@code saved} with each card id right after its
   * interpretation is committed (an acknowledgement that survives any crash from then on).
   */
  public Result record(
      List<RecordedCard> cards, String defaultBoard, java.util.function.Consumer<String> saved) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    Map<String, Set<String>> choices = choices(s);
    int written = 0;
    List<String> refused = new ArrayList<>();
    for (RecordedCard c : cards) {
      WriteResult r = recordCard(c, defaultBoard, s.state().round(), choices, h -> {});
      if (r instanceof WriteResult.Refused no) {
        refused.add("line " + c.line() + ": " + no.message());
      } else {
        written++;
        saved.accept(c.cardId());
      }
    }
    return new Result(written, refused);
  }

  /**
   * Records one card in its own transaction (committed when this returns {@link
   * WriteResult.Written}); {@code alsoInTransaction} writes more rows through the same handle (the
   * web entry's submission id), so they commit together or not at all.
   *
   * @param round the audit's current round
   * @param choices the audit's contests and their choices ({@link #choices(AuditSnapshot)}, fixed
   *     once the inputs are committed, so callers may keep it for the audit)
   */
  public WriteResult recordCard(
      RecordedCard c,
      String defaultBoard,
      int round,
      Map<String, Set<String>> choices,
      java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {
    String problem = unknownName(c.mvr(), choices);
    if (problem != null) {
      return new WriteResult.Refused("card '" + c.cardId() + "': " + problem);
    }
    return store.recordInterpretation(row(c, defaultBoard, round), alsoInTransaction);
  }

  /** One card to record with {@link #recordCards}, and what to write with it. */
  public record Entry(
      RecordedCard card,
      String defaultBoard,
      java.util.function.Consumer<org.jdbi.v3.core.Handle> alsoInTransaction) {}

  /**
   * Group commit: records several cards, each checked as {@link #recordCard} checks it, in one
   * transaction (one durable commit for all; {@link Store#recordInterpretations}). Nothing is
   * committed when this throws.
   *
   * @return each entry's result, in order
   */
  public List<WriteResult> recordCards(
      List<Entry> entries, int round, Map<String, Set<String>> choices) {
    List<WriteResult> out = new ArrayList<>(entries.size());
    List<Rows.InterpretationRow> rows = new ArrayList<>();
    List<java.util.function.Consumer<org.jdbi.v3.core.Handle>> also = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (Entry e : entries) {
      RecordedCard c = e.card();
      String problem = unknownName(c.mvr(), choices);
      if (problem != null) {
        out.add(new WriteResult.Refused("card '" + c.cardId() + "': " + problem));
        continue;
      }
      out.add(null);
      at.add(out.size() - 1);
      rows.add(row(c, e.defaultBoard(), round));
      also.add(e.alsoInTransaction());
    }
    if (!rows.isEmpty()) {
      List<WriteResult> written = store.recordInterpretations(rows, also);
      for (int i = 0; i < at.size(); i++) {
        out.set(at.get(i), written.get(i));
      }
    }
    return out;
  }

  private Rows.InterpretationRow row(RecordedCard c, String defaultBoard, int round) {
    String board = c.recordedBy().isEmpty() ? defaultBoard : c.recordedBy();
    return new Rows.InterpretationRow(
        auditId,
        round,
        c.cardId(),
        c.revision() == 0 ? 1 : c.revision(),
        InterpretationText.status(c.mvr()),
        InterpretationText.votes(c.mvr()),
        board,
        store.clock().instant());
  }

  /** The choices of every contest of the audit: reported, tallied, and the contest's spec. */
  public static Map<String, Set<String>> choices(AuditSnapshot s) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (ContestSpec spec : s.specs()) {
      out.put(spec.name(), new TreeSet<>());
    }
    s.reported()
        .byCounty()
        .values()
        .forEach(
            contests ->
                contests.forEach(
                    (contest, votes) -> {
                      if (out.containsKey(contest)) {
                        out.get(contest).addAll(votes.keySet());
                      }
                    }));
    for (Rows.TallyRow t : s.tallies()) {
      if (out.containsKey(t.contest())) {
        out.get(t.contest()).add(t.choice());
      }
    }
    return out;
  }

  private static String unknownName(Interpretation mvr, Map<String, Set<String>> choices) {
    Set<String> contests = new TreeSet<>(mvr.contests().keySet());
    contests.addAll(mvr.noConsensus());
    for (String contest : contests) {
      if (!choices.containsKey(contest)) {
        return "contest '"
            + contest
            + "' is not in this audit; its contests are "
            + choices.keySet();
      }
    }
    for (Map.Entry<String, ContestVote> e : mvr.contests().entrySet()) {
      for (String choice : e.getValue().choices()) {
        if (!choices.get(e.getKey()).contains(choice)) {
          return "'"
              + choice
              + "' is not a choice of '"
              + e.getKey()
              + "'; its choices are "
              + choices.get(e.getKey());
        }
      }
    }
    return null;
  }

  /**
   * Records the tally sheets of a full hand count, all or nothing: every row must name a batch of
   * the manifest, a contest of the audit and one of its choices, and a batch's votes for a choice
   * cannot exceed its cards.
   */
  public int recordHandCount(List<BatchVotes> rows, String board, String fileDescription) {
    AuditSnapshot s = AuditLoader.load(store, auditId);
    Map<String, ManifestBatch> batches = new TreeMap<>();
    for (ManifestBatch b : s.manifest().batches()) {
      batches.put(AuditSnapshot.batchId(b.county(), b.tabulator(), b.batch()), b);
    }
    Map<String, Set<String>> choices = choices(s);
    List<String> problems = new ArrayList<>();
    List<Rows.HandTallyRow> out = new ArrayList<>();
    for (BatchVotes v : rows) {
      String id = AuditSnapshot.batchId(v.county(), v.tabulator(), v.batch());
      ManifestBatch b = batches.get(id);
      if (b == null) {
        problems.add("batch " + id + " is not in the ballot manifest");
      } else if (!choices.containsKey(v.contest())) {
        problems.add(id + ": contest '" + v.contest() + "' is not in this audit");
      } else if (!choices.get(v.contest()).contains(v.choice())) {
        problems.add(
            id
                + ": '"
                + v.choice()
                + "' is not a choice of '"
                + v.contest()
                + "'; its choices are "
                + choices.get(v.contest()));
      } else if (v.votes() > b.cards()) {
        problems.add(
            id
                + ": "
                + v.votes()
                + " votes for '"
                + v.choice()
                + "' in a batch of "
                + b.cards()
                + " cards");
      } else {
        out.add(
            new Rows.HandTallyRow(
                auditId,
                v.county(),
                v.tabulator(),
                v.batch(),
                v.contest(),
                v.choice(),
                v.sheet(),
                v.votes(),
                board,
                store.clock().instant()));
      }
    }
    if (!problems.isEmpty()) {
      throw new AuditFailure.Refused(
          problems.size()
              + " hand-count row(s) are wrong; nothing was recorded: "
              + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
              + (problems.size() > 5 ? "; ..." : ""));
    }
    WriteResult r =
        store.recordHandTallies(auditId, out, board, "rows=" + out.size() + " " + fileDescription);
    if (r instanceof WriteResult.Refused no) {
      throw new AuditFailure.Refused(no.message());
    }
    return out.size();
  }

  /** The contests the board should record for cards of a county (blind entry: names only). */
  public static List<AuditedContest> contestsOf(AuditSnapshot s, String county) {
    return s.contests().stream().filter(c -> c.counties().contains(county)).toList();
  }
}
