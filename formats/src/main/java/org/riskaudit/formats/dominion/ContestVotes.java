package org.riskaudit.formats.dominion;

import java.util.ArrayList;
import java.util.List;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;

/**
 * Turns the marks of one contest on one card into a {@link ContestVote}: plurality/approval
 * contests count the distinct marked choices and become {@link ContestVote#OVERVOTE} when there are
 * more than Vote For; ranked contests order the choices by rank, drop repeats of a choice already
 * ranked, and stop at the first rank that is skipped or marked for two different choices (if that
 * is rank 1 the contest is overvoted). Single-choice votes are shared instances, so the common case
 * allocates nothing. One instance per contest; thread-safe after construction.
 */
final class ContestVotes {
  final ContestDefinition definition;
  private final String[] choiceNames;
  private final ContestVote[] single;

  /**
   * @param choiceNames the choice name of each candidate index (several indexes may share a name,
   *     for example write-in positions)
   */
  ContestVotes(ContestDefinition definition, String[] choiceNames) {
    this.definition = definition;
    this.choiceNames = choiceNames.clone();
    this.single = new ContestVote[choiceNames.length];
    for (int i = 0; i < choiceNames.length; i++) {
      single[i] = ContestVote.of(choiceNames[i]);
    }
  }

  int candidates() {
    return choiceNames.length;
  }

  /** Plurality: {@code marked[0..n)} are candidate indexes with a counted mark. */
  ContestVote plurality(int[] marked, int n) {
    if (n == 0) {
      return ContestVote.BLANK;
    }
    if (n == 1) {
      return single[marked[0]];
    }
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = choiceNames[marked[i]];
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    if (n > definition.voteFor()) {
      return ContestVote.OVERVOTE;
    }
    return names.size() == 1 ? single[marked[0]] : new ContestVote(names, false);
  }

  /** Ranked: candidate index {@code marked[i]} at rank {@code ranks[i]} (1-based), i < n. */
  ContestVote ranked(int[] marked, int[] ranks, int n) {
    if (n == 0) {
      return ContestVote.BLANK;
    }
    if (n == 1) {
      return ranks[0] == 1 ? single[marked[0]] : ContestVote.BLANK;
    }
    List<String> order = new ArrayList<>();
    for (int rank = 1; ; rank++) {
      int found = -1;
      boolean more = false;
      for (int i = 0; i < n; i++) {
        if (ranks[i] > rank) {
          more = true;
        } else if (ranks[i] == rank) {
          if (found >= 0 && !choiceNames[found].equals(choiceNames[marked[i]])) {
            return order.isEmpty() ? ContestVote.OVERVOTE : new ContestVote(order, false);
          }
          found = marked[i];
        }
      }
      if (found < 0) {
        break; // skipped rank: the ranking stops here
      }
      if (!order.contains(choiceNames[found])) {
        order.add(choiceNames[found]);
      }
      if (!more) {
        break;
      }
    }
    return new ContestVote(order, false);
  }
}
