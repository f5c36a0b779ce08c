package org.riskaudit.app.audit;

import java.util.List;
import java.util.Map;
import org.riskaudit.core.audit.ContestEstimate;

/**
 * What a round drew: the estimate behind each targeted contest's size, the draws added per contest
 * (opportunistic contests included), and the distinct cards each county must retrieve.
 */
public record RoundPlan(
    int round,
    List<ContestEstimate> estimates,
    Map<String, Integer> drawsAdded,
    Map<String, Integer> cardsToRetrieve) {
  public RoundPlan {
    estimates = List.copyOf(estimates);
    drawsAdded = Map.copyOf(drawsAdded);
    cardsToRetrieve = Map.copyOf(cardsToRetrieve);
  }
}
