package org.riskaudit.core.tally;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The independent tabulation of one contest from CVRs: valid votes per choice (first preferences
 * for ranked contests), the number of cards that contain the contest, and how many of those were
 * overvoted or carried no valid vote at all.
 */
public record ContestTally(
    String contest, Map<String, Long> votes, long cards, long overvotes, long blanks) {
  public ContestTally {
    votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
  }

  public long votesFor(String choice) {
    return votes.getOrDefault(choice, 0L);
  }

  /** Total valid votes over all choices. */
  public long totalVotes() {
    long t = 0;
    for (long v : votes.values()) {
      t += v;
    }
    return t;
  }
}
