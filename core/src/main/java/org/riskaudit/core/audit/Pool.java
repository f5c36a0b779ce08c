package org.riskaudit.core.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.riskaudit.core.assertion.Assertion;

/**
 * A ONEAudit pool (Stark 2023, "ONEAudit", section 3): a batch of cards whose CVRs cannot be linked
 * to the paper, known only by its reported subtotals. In a comparison audit every card of the pool
 * is given the pool's mean assorter value as its "CVR" value.
 *
 * @param name the batch's canonical id prefix (county/tabulator/batch)
 * @param cards ballot cards in the batch, from the manifest
 * @param votes reported valid votes per contest and choice in the batch
 */
public record Pool(String name, long cards, Map<String, Map<String, Long>> votes) {
  public Pool {
    Objects.requireNonNull(name, "name");
    if (cards < 1) {
      throw new IllegalArgumentException("pool '" + name + "' must have at least 1 card");
    }
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    votes.forEach(
        (contest, byChoice) -> copy.put(contest, Map.copyOf(new LinkedHashMap<>(byChoice))));
    votes = Collections.unmodifiableMap(copy);
  }

  /** The pool's mean of the assertion's assorter; 1/2 when the pool's cards lack the contest. */
  public double mean(Assertion a) {
    Map<String, Long> v = votes.get(a.contest());
    return v == null ? 0.5 : a.assorter().meanOfTally(v, cards);
  }
}
