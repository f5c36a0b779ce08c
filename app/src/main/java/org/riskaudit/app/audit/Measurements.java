package org.riskaudit.app.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.riskaudit.core.audit.AuditType;
import org.riskaudit.core.audit.AuditedContest;
import org.riskaudit.core.audit.ContestMeasurement;
import org.riskaudit.core.audit.Pool;
import org.riskaudit.core.audit.SampledCard;
import org.riskaudit.core.card.CardLocation;
import org.riskaudit.core.card.Cvr;
import org.riskaudit.core.card.Interpretation;
import org.riskaudit.core.sampling.CardId;

/**
 * Assembles a contest's sampled cards from its draws and measures its risk: one function for the
 * audit itself, its reports and the independent verification of its record, so that all three
 * compute the same discrepancies and p-values from the same facts.
 */
public final class Measurements {
  private Measurements() {}

  /**
   * What is known about the drawn cards.
   *
   * @param cvrs CVRs by card id (a drawn card of a comparison county without one is a phantom)
   * @param pools ONEAudit pools by name (see {@link AuditSnapshot#pools()})
   * @param mvrs the latest interpretation of each recorded card, by card id
   */
  public record CardFacts(
      Map<String, Cvr> cvrs,
      Map<String, Pool> pools,
      Map<String, AuditType> countyTypes,
      Map<String, Interpretation> mvrs) {}

  /** The measurement over the longest prefix of the draws whose cards are all recorded. */
  public static ContestMeasurement measure(
      AuditedContest contest, List<String> cardsInDrawOrder, CardFacts facts) {
    List<SampledCard> prefix = new ArrayList<>();
    for (String id : cardsInDrawOrder) {
      Interpretation mvr = facts.mvrs().get(id);
      if (mvr == null) {
        break;
      }
      CardLocation l = CardId.parse(id);
      AuditType type = facts.countyTypes().getOrDefault(l.county(), AuditType.COMPARISON);
      Pool pool =
          type == AuditType.COMPARISON
              ? null
              : AuditSnapshot.poolOf(facts.pools(), l.county(), l.tabulator(), l.batch());
      Cvr cvr = pool == null ? facts.cvrs().get(id) : null;
      prefix.add(new SampledCard(id, cvr, pool, mvr));
    }
    return ContestMeasurement.measure(contest, prefix);
  }
}
