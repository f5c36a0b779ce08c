package org.riskaudit.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.riskaudit.core.contest.Contest;
import org.riskaudit.core.manifest.ManifestBatch;
import org.riskaudit.core.sampling.CardId;

/**
 * The result of a full hand count of one contest: the votes counted by hand in every batch of the
 * contest's counties. When the hand count is complete its outcome is the contest's outcome; when it
 * differs from the reported outcome it replaces it (workflow brief, step 6).
 *
 * @param missingBatches batches of the contest's counties without a hand tally (canonical batch id)
 * @param votes hand-counted votes per choice over all tallied batches
 * @param winners the hand count's winners; empty when the count is incomplete or tied
 * @param tie a description of the tie when the hand count ends tied, else empty
 */
public record HandCount(
    String contest,
    List<String> missingBatches,
    Map<String, Long> votes,
    List<String> winners,
    List<String> reportedWinners,
    String tie) {
  public HandCount {
    Objects.requireNonNull(contest, "contest");
    missingBatches = List.copyOf(missingBatches);
    votes = Map.copyOf(votes);
    winners = List.copyOf(winners);
    reportedWinners = List.copyOf(reportedWinners);
  }

  /**
   * Tallies the hand count of a contest.
   *
   * @param batches the manifest batches of the contest's counties
   * @param tallies hand-counted votes of this contest per batch, keyed by {@link #batchId}
   */
  public static HandCount of(
      AuditedContest contest, List<ManifestBatch> batches, Map<String, Map<String, Long>> tallies) {
    List<String> missing = new ArrayList<>();
    Map<String, Long> votes = new TreeMap<>();
    contest.reportedVotes().keySet().forEach(c -> votes.put(c, 0L));
    for (ManifestBatch b : batches) {
      if (!contest.counties().contains(b.county())) {
        continue;
      }
      Map<String, Long> t = tallies.get(batchId(b));
      if (t == null) {
        missing.add(batchId(b));
      } else {
        t.forEach((choice, n) -> votes.merge(choice, n, Long::sum));
      }
    }
    List<String> reported = contest.reported().winners();
    if (!missing.isEmpty()) {
      return new HandCount(contest.name(), missing, votes, List.of(), reported, "");
    }
    Contest counted =
        new Contest(
            contest.name(),
            contest.spec().rule(),
            contest.spec().winners(),
            contest.spec().share(),
            new LinkedHashMap<>(votes),
            contest.cards());
    try {
      return new HandCount(contest.name(), missing, votes, counted.winners(), reported, "");
    } catch (IllegalArgumentException tied) {
      return new HandCount(contest.name(), missing, votes, List.of(), reported, tied.getMessage());
    }
  }

  /** The canonical id of a batch: the card id prefix {@code county/tabulator/batch}. */
  public static String batchId(ManifestBatch b) {
    String p = CardId.prefix(b.county(), b.tabulator(), b.batch());
    return p.substring(0, p.length() - 1);
  }

  public boolean complete() {
    return missingBatches.isEmpty();
  }

  /** True when the complete hand count gives the reported winners. */
  public boolean confirmsReportedOutcome() {
    return complete()
        && tie.isEmpty()
        && new java.util.HashSet<>(winners).equals(new java.util.HashSet<>(reportedWinners));
  }
}
