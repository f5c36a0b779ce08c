package org.riskaudit.core.audit;

import java.util.Objects;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;

/**
 * One draw of an audit as the risk measurement sees it: the card's CVR (null for a phantom, A(c) =
 * 1/2), or its ONEAudit pool, and what the audit board recorded. A card drawn twice appears twice.
 *
 * @param cardId the card's canonical id
 * @param cvr the CVR, or null for a phantom or a pooled card
 * @param pool for a card of a county with only batch totals, its batch's pool; null otherwise
 * @param mvr the audit board's interpretation
 */
public record SampledCard(String cardId, Cvr cvr, Pool pool, Interpretation mvr) {
  public SampledCard {
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(mvr, "mvr");
    if (cvr != null && pool != null) {
      throw new IllegalArgumentException(
          "card '" + cardId + "' cannot have both a linked CVR and a ONEAudit pool");
    }
  }

  public static SampledCard of(String cardId, Cvr cvr, Interpretation mvr) {
    return new SampledCard(cardId, cvr, null, mvr);
  }
}
