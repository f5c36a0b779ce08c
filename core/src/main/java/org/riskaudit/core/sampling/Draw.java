package org.riskaudit.core.sampling;

import org.riskaudit.core.card.CardLocation;

/**
 * One draw of an audit sample: its 1-based number in the contest's ticket stream, the card, and the
 * ticket that drew it (generation > 1 when a card is drawn again with replacement).
 */
public record Draw(int number, CardLocation location, Ticket ticket) {
  public String cardId() {
    return ticket.id();
  }
}
