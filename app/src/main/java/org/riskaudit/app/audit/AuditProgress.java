package org.riskaudit.app.audit;

import java.util.List;
import java.util.Map;
import org.riskaudit.core.audit.ContestMeasurement;

/**
 * The audit's progress: every contest's measured risk, and per county the cards drawn and recorded.
 *
 * @param contests every contest (targeted and opportunistic) with its measurement
 * @param counties per county: cards to retrieve, recorded, and sign-offs of the current round
 */
public record AuditProgress(
    AuditSnapshot snapshot, List<ContestProgress> contests, Map<String, CountyProgress> counties) {

  /** One contest: its draws so far, how many are measured, and the measurement. */
  public record ContestProgress(ContestMeasurement measurement, int drawn, boolean targeted) {
    public String name() {
      return measurement.contest().name();
    }

    public boolean met(double alpha) {
      return measurement.met(alpha);
    }
  }

  /** One county's cards: distinct cards drawn (all rounds), recorded, in the current round. */
  public record CountyProgress(
      int cards, int recorded, int roundCards, int roundRecorded, List<String> signedOff) {}

  /** The targeted contests that have not met the risk limit. */
  public List<ContestProgress> unmetTargets() {
    double alpha = snapshot.alpha();
    return contests.stream().filter(c -> c.targeted() && !c.met(alpha)).toList();
  }
}
