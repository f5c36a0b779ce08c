package org.riskaudit.core.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.riskaudit.core.card.CardLocation;

/**
 * A physical card to retrieve, with every draw that selected it across contests. A card drawn for
 * two contests, or twice for one contest with replacement, is retrieved once; {@link
 * #multiplicity()} says how many draws it answers.
 */
public record SelectedCard(CardLocation location, String cardId, Map<String, List<Draw>> draws) {

  /** The number of draws (over all contests) this card answers. */
  public int multiplicity() {
    return draws.values().stream().mapToInt(List::size).sum();
  }

  /** The smallest ticket that drew this card. */
  public Ticket firstTicket() {
    return draws.values().stream()
        .flatMap(List::stream)
        .map(Draw::ticket)
        .min(Ticket::compareTo)
        .orElseThrow();
  }

  /** Merges per-contest draws into the set of cards to retrieve, in first-ticket order. */
  public static List<SelectedCard> union(Map<String, List<Draw>> drawsByContest) {
    Map<String, CardLocation> where = new LinkedHashMap<>();
    Map<String, Map<String, List<Draw>>> byCard = new LinkedHashMap<>();
    drawsByContest.forEach(
        (contest, draws) -> {
          for (Draw d : draws) {
            where.put(d.cardId(), d.location());
            byCard
                .computeIfAbsent(d.cardId(), k -> new TreeMap<>())
                .computeIfAbsent(contest, k -> new ArrayList<>())
                .add(d);
          }
        });
    List<SelectedCard> out = new ArrayList<>();
    byCard.forEach(
        (id, m) -> out.add(new SelectedCard(where.get(id), id, Collections.unmodifiableMap(m))));
    out.sort((a, b) -> a.firstTicket().compareTo(b.firstTicket()));
    return out;
  }
}
