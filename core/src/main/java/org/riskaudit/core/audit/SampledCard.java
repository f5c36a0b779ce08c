package org.riskaudit.core.audit;

import java.util.Objects;
import org.riskaudit.core.card.Interpretation;

/**
 * One draw of an audit as the risk measurement sees it: the card's CVR assorter value (for a
 * comparison audit; 1/2 for a phantom, the pool mean for a ONEAudit card) and what the audit board
 * recorded. A card drawn twice appears twice.
 *
 * @param cardId the card's canonical id
 * @param cvr the CVR, or null for a phantom or a pooled (ONEAudit) card
 * @param poolMean for a ONEAudit card, its pool's mean assorter value; NaN otherwise
 * @param mvr the audit board's interpretation
 */
public record SampledCard(
    String cardId, org.riskaudit.core.card.Cvr cvr, double poolMean, Interpretation mvr) {
  public SampledCard {
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(mvr, "mvr");
  }

  public static SampledCard of(String cardId, org.riskaudit.core.card.Cvr cvr, Interpretation mvr) {
    return new SampledCard(cardId, cvr, Double.NaN, mvr);
  }
}
