package org.riskaudit.core.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.riskaudit.core.card.ContestDefinition;
import org.riskaudit.core.card.ContestVote;
import org.riskaudit.core.card.Cvr;

/**
 * Tabulates a stream of CVRs independently of the voting system (California Elections Code
 * 15366(a)(1)): every valid vote counts once for its choice; an overvoted contest counts for no
 * choice; for ranked contests only the first preference is counted here. Not thread-safe: use one
 * per import stream and {@link #merge} the results.
 */
public final class Tabulator implements Consumer<Cvr> {
  private final Map<String, Counts> byContest = new LinkedHashMap<>();
  private long cards;

  /** A tabulator that reports every defined choice, including those with no votes. */
  public static Tabulator forContests(List<ContestDefinition> contests) {
    Tabulator t = new Tabulator();
    for (ContestDefinition c : contests) {
      Counts counts = t.counts(c.name());
      counts.ranked = c.isRanked();
      for (String choice : c.choices()) {
        counts.votes.computeIfAbsent(choice, k -> new long[1]);
      }
    }
    return t;
  }

  @Override
  public void accept(Cvr cvr) {
    cards++;
    for (Map.Entry<String, ContestVote> e : cvr.contests().entrySet()) {
      Counts c = counts(e.getKey());
      ContestVote v = e.getValue();
      c.cards++;
      if (v.overvote()) {
        c.overvotes++;
      } else if (v.choices().isEmpty()) {
        c.blanks++;
      }
      List<String> choices = v.choices();
      int n = c.ranked ? Math.min(1, choices.size()) : choices.size();
      for (int i = 0; i < n; i++) {
        c.votes.computeIfAbsent(choices.get(i), k -> new long[1])[0]++;
      }
    }
  }

  /** Marks a contest as ranked, so only first preferences are counted for it. */
  public Tabulator ranked(String contest) {
    counts(contest).ranked = true;
    return this;
  }

  private Counts counts(String contest) {
    return byContest.computeIfAbsent(contest, k -> new Counts());
  }

  /** Adds another tabulator's counts into this one. */
  public void merge(Tabulator other) {
    cards += other.cards;
    other.byContest.forEach(
        (name, o) -> {
          Counts c = counts(name);
          c.cards += o.cards;
          c.overvotes += o.overvotes;
          c.blanks += o.blanks;
          c.ranked |= o.ranked;
          o.votes.forEach(
              (choice, n) -> c.votes.computeIfAbsent(choice, k -> new long[1])[0] += n[0]);
        });
  }

  /** Number of cards tabulated. */
  public long cards() {
    return cards;
  }

  /** The tallies, one per contest, in the order contests were first seen or defined. */
  public List<ContestTally> tallies() {
    List<ContestTally> out = new ArrayList<>();
    byContest.forEach(
        (name, c) -> {
          Map<String, Long> votes = new LinkedHashMap<>();
          c.votes.forEach((choice, n) -> votes.put(choice, n[0]));
          out.add(new ContestTally(name, votes, c.cards, c.overvotes, c.blanks));
        });
    return out;
  }

  /** The tally of one contest, or null when no card had it and it was not defined. */
  public ContestTally tally(String contest) {
    return tallies().stream().filter(t -> t.contest().equals(contest)).findFirst().orElse(null);
  }

  private static final class Counts {
    final Map<String, long[]> votes = new LinkedHashMap<>();
    long cards;
    long overvotes;
    long blanks;
    boolean ranked;
  }
}
