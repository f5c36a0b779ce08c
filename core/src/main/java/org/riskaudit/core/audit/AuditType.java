package org.riskaudit.core.audit;

/** How a contest (or a county's part of it) is audited. */
public enum AuditType {
  /** Ballot-level comparison: each sampled card is compared with its linked CVR. */
  COMPARISON,
  /** Ballot polling: no electronic record is trusted. */
  POLLING,
  /** ONEAudit: batch or precinct subtotals where CVRs cannot be linked to the paper. */
  ONEAUDIT
}
