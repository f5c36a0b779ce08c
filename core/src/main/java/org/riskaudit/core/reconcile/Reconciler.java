package org.riskaudit.core.reconcile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.manifest.BallotManifest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.tally.ContestTally;
import org.riskaudit.core.tally.ReportedResults;
import org.riskaudit.core.tally.Tabulator;

/**
 * Reconciles CVRs with the ballot manifest and the reported results before any sampling (workflow
 * brief, "Commit"): the CVRs' independent tabulation against the reported results per county
 * (California Elections Code 15366(a)(1)), CVRs per batch against the manifest, duplicate cards,
 * CVRs that cannot be placed, contests with more votes than ballots allow, and the phantoms that
 * will fill manifest positions without CVR. It consumes CVRs as a stream and keeps only per-batch
 * bitsets and counters.
 */
public final class Reconciler implements Consumer<Cvr> {
  private final BallotManifest manifest;
  private final Map<String, ManifestBatch> batches = new HashMap<>();
  private final Map<String, BitSet> seen = new HashMap<>();
  private final Map<String, Tabulator> tabulators = new LinkedHashMap<>();
  private final List<Finding> duplicates = new ArrayList<>();
  private final List<Finding> unplaced = new ArrayList<>();
  private long duplicateCount;
  private long unplacedCount;
  private long cvrs;
  private long placed;

  public Reconciler(BallotManifest manifest) {
    this.manifest = manifest;
    for (ManifestBatch b : manifest.batches()) {
      batches.put(key(b.county(), b.tabulator(), b.batch()), b);
    }
  }

  private static String key(String county, String tabulator, String batch) {
    return county + "\u0000" + tabulator + "\u0000" + batch;
  }

  @Override
  public void accept(Cvr cvr) {
    cvrs++;
    CardLocation l = cvr.location();
    tabulators.computeIfAbsent(l.county(), k -> new Tabulator()).accept(cvr);
    String k = key(l.county(), l.tabulator(), l.batch());
    ManifestBatch b = batches.get(k);
    if (b == null) {
      b = batches.get(key(l.county(), "", l.batch()));
      k = key(l.county(), "", l.batch());
    }
    if (b == null || l.position() > b.cards()) {
      unplacedCount++;
      if (unplaced.size() < 100) {
        unplaced.add(
            new Finding(
                Finding.Kind.UNPLACED_CVR,
                false,
                describe(l),
                b == null
                    ? "no batch '"
                        + l.batch()
                        + "' of tabulator '"
                        + l.tabulator()
                        + "' in the "
                        + l.county()
                        + " manifest"
                    : "position "
                        + l.position()
                        + " is beyond the batch's "
                        + b.cards()
                        + " cards"));
      }
      return;
    }
    BitSet s = seen.computeIfAbsent(k, x -> new BitSet());
    if (s.get(l.position())) {
      duplicateCount++;
      if (duplicates.size() < 100) {
        duplicates.add(
            new Finding(
                Finding.Kind.DUPLICATE_CARD, false, describe(l), "two CVRs claim the same card"));
      }
      return;
    }
    s.set(l.position());
    placed++;
  }

  private static String describe(CardLocation l) {
    return l.county() + " / " + l.tabulator() + " / " + l.batch() + " / " + l.position();
  }

  /**
   * The report.
   *
   * @param reported the reported results, or null to skip that comparison
   * @param contests contest definitions (for Vote For), possibly empty
   */
  public Reconciliation report(ReportedResults reported, List<ContestDefinition> contests) {
    List<Finding> out = new ArrayList<>();
    if (reported != null) {
      compareWithReported(reported, out);
    }
    long phantoms = 0;
    long batchProblems = 0;
    for (ManifestBatch b : manifest.batches()) {
      BitSet s = seen.get(key(b.county(), b.tabulator(), b.batch()));
      int n = s == null ? 0 : s.cardinality();
      if (n != b.cards()) {
        phantoms += b.cards() - n;
        batchProblems++;
        out.add(
            new Finding(
                Finding.Kind.BATCH_COUNT,
                false,
                b.county() + " / " + b.tabulator() + " / " + b.batch(),
                "manifest " + b.cards() + " cards, " + n + " CVRs placed"));
      }
    }
    if (batchProblems == 0) {
      out.add(
          new Finding(
              Finding.Kind.BATCH_COUNT,
              true,
              "all batches",
              "every batch has as many CVRs as the manifest has cards"));
    }
    out.add(
        new Finding(
            Finding.Kind.DUPLICATE_CARD,
            duplicateCount == 0,
            "all CVRs",
            duplicateCount + " CVRs claim a card another CVR already claimed"));
    out.addAll(duplicates);
    out.add(
        new Finding(
            Finding.Kind.UNPLACED_CVR,
            unplacedCount == 0,
            "all CVRs",
            unplacedCount + " CVRs cannot be placed in the manifest"));
    out.addAll(unplaced);
    checkVotesAgainstBallots(contests, out);
    out.add(
        new Finding(
            Finding.Kind.PHANTOMS,
            true,
            "all counties",
            phantoms
                + " manifest positions have no CVR and will be phantoms (counted against the reported outcome)"));
    return new Reconciliation(out, manifest.totalCards(), cvrs, placed, phantoms);
  }

  private void compareWithReported(ReportedResults reported, List<Finding> out) {
    reported
        .byCounty()
        .forEach(
            (county, contests) -> {
              Tabulator t = tabulators.get(county);
              contests.forEach(
                  (contest, choices) -> {
                    ContestTally tally = t == null ? null : t.tally(contest);
                    List<String> diffs = new ArrayList<>();
                    choices.forEach(
                        (choice, votes) -> {
                          long cvrVotes = tally == null ? 0 : tally.votesFor(choice);
                          if (cvrVotes != votes) {
                            diffs.add(
                                choice
                                    + ": reported "
                                    + votes
                                    + ", CVRs "
                                    + cvrVotes
                                    + " ("
                                    + signed(cvrVotes - votes)
                                    + ")");
                          }
                        });
                    if (tally != null) {
                      tally
                          .votes()
                          .forEach(
                              (choice, n) -> {
                                if (!choices.containsKey(choice) && n > 0) {
                                  diffs.add(choice + ": not in the reported results, CVRs " + n);
                                }
                              });
                    }
                    out.add(
                        new Finding(
                            Finding.Kind.TABULATION_VS_REPORTED,
                            diffs.isEmpty(),
                            county + " / " + contest,
                            diffs.isEmpty()
                                ? "CVR tabulation equals the reported results"
                                : String.join("; ", diffs)));
                  });
            });
  }

  private void checkVotesAgainstBallots(List<ContestDefinition> contests, List<Finding> out) {
    Map<String, Integer> voteFor = new HashMap<>();
    for (ContestDefinition d : contests) {
      voteFor.put(d.name(), d.voteFor());
    }
    tabulators.forEach(
        (county, t) -> {
          for (ContestTally tally : t.tallies()) {
            int k = voteFor.getOrDefault(tally.contest(), 1);
            if (tally.totalVotes() > (long) k * tally.cards()) {
              out.add(
                  new Finding(
                      Finding.Kind.VOTES_EXCEED_BALLOTS,
                      false,
                      county + " / " + tally.contest(),
                      tally.totalVotes()
                          + " votes on "
                          + tally.cards()
                          + " cards with Vote For "
                          + k));
            }
          }
        });
  }

  /** The independent tabulation of the CVRs read so far, per county. */
  public Map<String, List<ContestTally>> countyTallies() {
    Map<String, List<ContestTally>> out = new LinkedHashMap<>();
    tabulators.forEach((county, t) -> out.put(county, t.tallies()));
    return out;
  }

  private static String signed(long d) {
    return d > 0 ? "+" + d : Long.toString(d);
  }
}
