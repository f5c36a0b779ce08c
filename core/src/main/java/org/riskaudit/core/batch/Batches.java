package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;

/** Machine counts per precinct from cast vote records. */
public final class Batches {
  private Batches() {}

  /**
   * Precinct-level machine counts: the CVRs grouped by {@link Cvr#precinct()}, each precinct a
   * batch whose cards are its CVRs and whose votes count every valid choice (an overvoted contest
   * counts for no choice). Plurality-style contests only: ranked contests are not batch-audited.
   *
   * @param withoutPrecinct CVRs that name no precinct and so are in no batch
   */
  public record PrecinctCounts(List<Batch> batches, long withoutPrecinct) {
    public PrecinctCounts {
      batches = List.copyOf(batches);
    }
  }

  public static PrecinctCounts byPrecinct(Iterable<Cvr> cvrs) {
    Map<String, long[]> cards = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Long>>> votes = new LinkedHashMap<>();
    long without = 0;
    for (Cvr cvr : cvrs) {
      String p = cvr.precinct();
      if (p.isBlank()) {
        without++;
        continue;
      }
      cards.computeIfAbsent(p, k -> new long[1])[0]++;
      Map<String, Map<String, Long>> pv = votes.computeIfAbsent(p, k -> new LinkedHashMap<>());
      for (Map.Entry<String, ContestVote> e : cvr.contests().entrySet()) {
        Map<String, Long> c = pv.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
        for (String choice : e.getValue().choices()) {
          c.merge(choice, 1L, Long::sum);
        }
      }
    }
    List<Batch> out = new ArrayList<>();
    cards.forEach((p, n) -> out.add(new Batch(p, n[0], votes.get(p))));
    return new PrecinctCounts(out, without);
  }
}
