package org.riskaudit.core.card;

import java.util.Map;
import java.util.Objects;

/**
 * A cast vote record for one ballot card, normalised from any vendor format.
 *
 * <p>A contest is on the card exactly when {@code contests} has a key for it (card-style data); the
 * value says what the card shows for that contest. Contests are keyed by their name as given in the
 * contest definition.
 *
 * @param location where the paper card is stored
 * @param imprintedId the vendor's id for the card (Dominion ImprintedId, Hart CvrGuid, ...), or
 *     empty
 * @param ballotStyle ballot style / type, or empty when unknown
 * @param precinct precinct or precinct portion, or empty when unknown
 * @param contests the contests on this card and what it shows for each
 */
public record Cvr(
    CardLocation location,
    String imprintedId,
    String ballotStyle,
    String precinct,
    Map<String, ContestVote> contests) {
  public Cvr {
    Objects.requireNonNull(location, "location");
    imprintedId = imprintedId == null ? "" : imprintedId;
    ballotStyle = ballotStyle == null ? "" : ballotStyle;
    precinct = precinct == null ? "" : precinct;
    contests = Map.copyOf(Objects.requireNonNull(contests, "contests"));
  }

  public boolean hasContest(String contest) {
    return contests.containsKey(contest);
  }

  /** What this card shows for the contest, or null when the contest is not on the card. */
  public ContestVote vote(String contest) {
    return contests.get(contest);
  }
}
