package org.riskaudit.core.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch of ballot cards with its reported (machine) counts: a precinct, or a tabulator batch.
 *
 * @param id the batch's id (a precinct id, or county/tabulator/batch), unique in an audit
 * @param cards the number of ballot cards in the batch (from the ballot manifest when there is one)
 * @param votes reported votes per contest and choice; a contest is on the batch's ballots exactly
 *     when it has a key here
 */
public record Batch(String id, long cards, Map<String, Map<String, Long>> votes) {
  public Batch {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a batch id must not be blank");
    }
    if (cards < 0) {
      throw new IllegalArgumentException(
          "batch '" + id + "' has " + cards + " ballot cards; a batch has 0 or more");
    }
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(votes, "votes")
        .forEach(
            (contest, choices) -> {
              Map<String, Long> c = new LinkedHashMap<>();
              choices.forEach(
                  (choice, n) -> {
                    if (n == null || n < 0 || n > cards) {
                      throw new IllegalArgumentException(
                          "batch '"
                              + id
                              + "', contest '"
                              + contest
                              + "', choice '"
                              + choice
                              + "': reported votes must be between 0 and the batch's "
                              + cards
                              + " cards, got "
                              + n);
                    }
                    c.put(choice, n);
                  });
              copy.put(contest, Collections.unmodifiableMap(c));
            });
    votes = Collections.unmodifiableMap(copy);
  }

  public boolean hasContest(String contest) {
    return votes.containsKey(contest);
  }

  /** Reported votes for a choice (0 when the choice or the contest is absent). */
  public long votes(String contest, String choice) {
    Map<String, Long> c = votes.get(contest);
    return c == null ? 0 : c.getOrDefault(choice, 0L);
  }

  /**
   * Commingled batches (ballots of several reporting batches stored together) are audited as one
   * batch: their cards and reported counts are added, so the merged batch's error bound covers
   * every error either could hide, and its hand count is of all their ballots together.
   */
  public static Batch merge(String id, List<Batch> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge into batch '" + id + "'");
    }
    long cards = 0;
    Map<String, Map<String, Long>> votes = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    for (Batch b : parts) {
      if (seen.contains(b.id)) {
        throw new IllegalArgumentException("batch '" + b.id + "' is listed twice in a merge");
      }
      seen.add(b.id);
      cards = Math.addExact(cards, b.cards);
      b.votes.forEach(
          (contest, choices) ->
              choices.forEach(
                  (choice, n) ->
                      votes
                          .computeIfAbsent(contest, k -> new LinkedHashMap<>())
                          .merge(choice, n, Long::sum)));
    }
    return new Batch(id, cards, votes);
  }
}
