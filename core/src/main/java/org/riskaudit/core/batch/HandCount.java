package org.riskaudit.core.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The hand count of one whole batch: votes per contest and choice, after the tally sheets were
 * added up and checked (see org.riskaudit.core.manualtally.HandTally). A choice or contest absent
 * here had no votes.
 */
public record HandCount(String batchId, Map<String, Map<String, Long>> votes) {
  public HandCount {
    Objects.requireNonNull(batchId, "batchId");
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    votes.forEach(
        (contest, choices) -> {
          choices.forEach(
              (choice, n) -> {
                if (n == null || n < 0) {
                  throw new IllegalArgumentException(
                      "hand count of batch '"
                          + batchId
                          + "', contest '"
                          + contest
                          + "', choice '"
                          + choice
                          + "' must be >= 0, got "
                          + n);
                }
              });
          copy.put(contest, Collections.unmodifiableMap(new LinkedHashMap<>(choices)));
        });
    votes = Collections.unmodifiableMap(copy);
  }

  /** Hand-counted votes for a choice (0 when absent). */
  public long votes(String contest, String choice) {
    Map<String, Long> c = votes.get(contest);
    return c == null ? 0 : c.getOrDefault(choice, 0L);
  }

  /** A hand count that agrees exactly with the batch's reported counts. */
  public static HandCount matching(Batch b) {
    return new HandCount(b.id(), b.votes());
  }
}
