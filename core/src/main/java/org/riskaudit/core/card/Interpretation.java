package org.riskaudit.core.card;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an audit board recorded for one sampled card (the manual vote record, MVR): per contest, the
 * marks seen (as a {@link ContestVote}); or that the board could not agree on a contest; or that
 * the card was not found at all. A contest absent from {@code contests} and not in {@code
 * noConsensus} is not on the card.
 */
public record Interpretation(
    boolean notFound, Map<String, ContestVote> contests, Set<String> noConsensus) {
  public Interpretation {
    contests = Map.copyOf(Objects.requireNonNull(contests, "contests"));
    noConsensus = Set.copyOf(Objects.requireNonNull(noConsensus, "noConsensus"));
    if (notFound && (!contests.isEmpty() || !noConsensus.isEmpty())) {
      throw new IllegalArgumentException("a card that was not found cannot have recorded marks");
    }
    for (String c : noConsensus) {
      if (contests.containsKey(c)) {
        throw new IllegalArgumentException(
            "contest '" + c + "' is recorded both with marks and as 'no consensus'");
      }
    }
  }

  /** The card could not be found. */
  public static Interpretation cardNotFound() {
    return new Interpretation(true, Map.of(), Set.of());
  }

  /** The card was found and read; contests maps each contest on the card to its marks. */
  public static Interpretation read(Map<String, ContestVote> contests) {
    return new Interpretation(false, contests, Set.of());
  }

  /** The MVR as the paper shows it, for a card matching a CVR exactly (used in simulations). */
  public static Interpretation matching(Cvr cvr) {
    return read(cvr.contests());
  }

  /** True when this contest's reading must count against the reported outcome. */
  public boolean isWorstCaseFor(String contest) {
    return notFound || noConsensus.contains(contest);
  }
}
