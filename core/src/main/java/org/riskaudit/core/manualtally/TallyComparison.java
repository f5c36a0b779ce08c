package org.riskaudit.core.manualtally;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskaudit.core.batch.Batch;
import org.riskaudit.core.batch.HandCount;

/**
 * The manual tally's comparison report: for every tallied batch, contest and choice, the machine
 * count, the hand count and their difference (hand - machine), with every difference listed.
 */
public final class TallyComparison {
  private TallyComparison() {}

  /** One choice in one batch; {@code difference} = hand - machine. */
  public record Row(String batch, String contest, String choice, long machine, long hand) {
    public long difference() {
      return hand - machine;
    }
  }

  /**
   * @param rows every compared choice, in batch, contest and choice order
   * @param notCounted batches given with machine counts but no hand count
   */
  public record Report(List<Row> rows, List<String> notCounted) {
    public Report {
      rows = List.copyOf(rows);
      notCounted = List.copyOf(notCounted);
    }

    /** The rows where hand and machine differ. */
    public List<Row> differences() {
      return rows.stream().filter(r -> r.difference() != 0).toList();
    }

    /** Sum of |difference| over all rows. */
    public long totalAbsoluteDifference() {
      return rows.stream().mapToLong(r -> Math.abs(r.difference())).sum();
    }
  }

  /**
   * @param machine machine counts of the batches in the tally (from CVRs by precinct or a results
   *     file)
   * @param hand the checked hand counts ({@link HandTally.Entry#counts()})
   */
  public static Report compare(List<Batch> machine, Map<String, HandCount> hand) {
    List<Row> rows = new ArrayList<>();
    List<String> notCounted = new ArrayList<>();
    for (Batch b : machine) {
      HandCount h = hand.get(b.id());
      if (h == null) {
        notCounted.add(b.id());
        continue;
      }
      Set<String> contests = new LinkedHashSet<>(b.votes().keySet());
      contests.addAll(h.votes().keySet());
      for (String c : contests) {
        Set<String> choices = new LinkedHashSet<>(b.votes().getOrDefault(c, Map.of()).keySet());
        choices.addAll(h.votes().getOrDefault(c, Map.of()).keySet());
        for (String choice : choices) {
          rows.add(new Row(b.id(), c, choice, b.votes(c, choice), h.votes(c, choice)));
        }
      }
    }
    return new Report(rows, notCounted);
  }
}
