package org.riskaudit.formats.audit;

import java.util.Objects;
import org.riskaudit.core.card.Interpretation;

/**
 * One card's interpretation as an audit board recorded it in a file.
 *
 * @param cardId the card's canonical id (docs/sampling.md)
 * @param revision the revision the file asks for, or 0 when the file gives none (then it must be
 *     the card's first record)
 * @param recordedBy who recorded it (a column of the file, or the command's --board)
 * @param line the first line of the card in the file, for messages
 */
public record RecordedCard(
    String cardId, Interpretation mvr, int revision, String recordedBy, long line) {
  public RecordedCard {
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(mvr, "mvr");
    recordedBy = recordedBy == null ? "" : recordedBy;
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
  }
}
