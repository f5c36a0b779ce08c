package org.riskaudit.core.contest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contest under audit: its rule, the reported votes per choice, the reported winners, and the
 * number of ballot cards N in its sampling population, which comes from the trusted ballot manifest
 * (never from the CVR count alone; statistics brief section 1).
 *
 * @param name contest name
 * @param rule the social choice function
 * @param winnersAllowed k, the number of winners (1 for majority and supermajority)
 * @param supermajorityShare f for {@link ContestRule#SUPERMAJORITY} (in (0, 1)); 0.5 otherwise
 * @param votes reported valid votes per choice, in ballot order
 * @param cards N, the cards in the contest's sampling population (at least the total votes / k)
 */
public record Contest(
    String name,
    ContestRule rule,
    int winnersAllowed,
    double supermajorityShare,
    Map<String, Long> votes,
    long cards) {

  public Contest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    if (votes.size() < 2) {
      throw new IllegalArgumentException(
          "contest '" + name + "' needs at least two choices, got " + votes.keySet());
    }
    votes.forEach(
        (choice, n) -> {
          if (n == null || n < 0) {
            throw new IllegalArgumentException(
                "contest '" + name + "': votes for '" + choice + "' must be >= 0, got " + n);
          }
        });
    if (winnersAllowed < 1 || winnersAllowed >= votes.size()) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "' has "
              + votes.size()
              + " choices and "
              + winnersAllowed
              + " winners; there must be at least one winner and one loser");
    }
    if ((rule == ContestRule.MAJORITY || rule == ContestRule.SUPERMAJORITY)
        && winnersAllowed != 1) {
      throw new IllegalArgumentException(
          "contest '" + name + "': a " + rule + " contest has exactly one winner");
    }
    if (rule == ContestRule.SUPERMAJORITY
        ? !(supermajorityShare > 0 && supermajorityShare < 1)
        : supermajorityShare != 0.5) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "': the winning share f must be in (0, 1) for a supermajority and 0.5 otherwise, got "
              + supermajorityShare);
    }
    long total = votes.values().stream().mapToLong(Long::longValue).sum();
    long needed = rule == ContestRule.APPROVAL ? 1 : (total + winnersAllowed - 1) / winnersAllowed;
    if (cards < needed || cards < 1) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "' has "
              + total
              + " votes but only "
              + cards
              + " cards in its population; the ballot manifest must count at least "
              + needed);
    }
  }

  /** A plurality contest with k winners. */
  public static Contest plurality(String name, int k, Map<String, Long> votes, long cards) {
    return new Contest(name, ContestRule.PLURALITY, k, 0.5, votes, cards);
  }

  /** An approval contest with k winners. */
  public static Contest approval(String name, int k, Map<String, Long> votes, long cards) {
    return new Contest(name, ContestRule.APPROVAL, k, 0.5, votes, cards);
  }

  /** A yes/no (or two-choice) question decided by simple majority. */
  public static Contest majority(String name, Map<String, Long> votes, long cards) {
    return new Contest(name, ContestRule.MAJORITY, 1, 0.5, votes, cards);
  }

  /** A contest whose winner needs a share f of the valid votes. */
  public static Contest supermajority(String name, double f, Map<String, Long> votes, long cards) {
    return new Contest(name, ContestRule.SUPERMAJORITY, 1, f, votes, cards);
  }

  /** Total reported valid votes. */
  public long totalVotes() {
    return votes.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The reported winners: the k choices with the most votes. A tie across the winner/loser boundary
   * cannot be audited (no assertion has a positive margin) and is rejected. For a supermajority
   * contest the leading choice must also reach the share f.
   */
  public List<String> winners() {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(votes.entrySet());
    sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    long lastWinner = sorted.get(winnersAllowed - 1).getValue();
    long firstLoser = sorted.get(winnersAllowed).getValue();
    if (lastWinner == firstLoser) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "' is tied between '"
              + sorted.get(winnersAllowed - 1).getKey()
              + "' and '"
              + sorted.get(winnersAllowed).getKey()
              + "' at "
              + lastWinner
              + " votes; a tied contest cannot be confirmed by an audit (it needs a full hand count)");
    }
    if (rule == ContestRule.SUPERMAJORITY && lastWinner <= supermajorityShare * totalVotes()) {
      throw new IllegalArgumentException(
          "contest '"
              + name
              + "': no choice reached the required share "
              + supermajorityShare
              + " of "
              + totalVotes()
              + " valid votes; the reported outcome is that the measure failed, which this"
              + " assertion cannot audit");
    }
    List<String> winners = new ArrayList<>();
    for (int i = 0; i < winnersAllowed; i++) {
      winners.add(sorted.get(i).getKey());
    }
    return List.copyOf(winners);
  }

  /** The reported losers: every choice that is not a winner. */
  public List<String> losers() {
    List<String> winners = winners();
    return votes.keySet().stream().filter(c -> !winners.contains(c)).toList();
  }

  /** Adds the per-county contests with the same name into one statewide contest. */
  public static Contest aggregate(List<Contest> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to aggregate: no county contests given");
    }
    Contest first = parts.get(0);
    Map<String, Long> votes = new LinkedHashMap<>();
    long cards = 0;
    for (Contest c : parts) {
      if (!c.name.equals(first.name)
          || c.rule != first.rule
          || c.winnersAllowed != first.winnersAllowed) {
        throw new IllegalArgumentException(
            "cannot aggregate contest '"
                + c.name
                + "' ("
                + c.rule
                + ") with '"
                + first.name
                + "' ("
                + first.rule
                + "): name, rule and number of winners must match");
      }
      c.votes.forEach((choice, n) -> votes.merge(choice, n, Long::sum));
      cards += c.cards;
    }
    return new Contest(
        first.name, first.rule, first.winnersAllowed, first.supermajorityShare, votes, cards);
  }
}
