package org.riskaudit.app.audit;

import java.util.List;
import org.riskaudit.core.audit.AuditStage;
import org.riskaudit.core.audit.HandCount;

/**
 * What ending a round decided: the audit is complete, goes to a full hand count, or continues with
 * another round ({@code plan}).
 *
 * @param handCounts the full hand counts' results when the audit completed after one
 */
public record RoundOutcome(
    AuditStage stage, RoundPlan plan, List<String> handCountContests, List<HandCount> handCounts) {
  public RoundOutcome {
    handCountContests = List.copyOf(handCountContests);
    handCounts = List.copyOf(handCounts);
  }
}
