package org.riskaudit.core.audit;

/**
 * The stages of an audit, in the order of the workflow brief. See docs/lifecycle.md for the diagram
 * and the transition table ({@link Lifecycle} implements it).
 */
public enum AuditStage {
  /** Election, contests, targeted contests, risk limit and audit types are being defined. */
  DEFINED,
  /** Inputs (manifests, CVRs, reported results) are hashed, reconciled and frozen. */
  INPUTS_COMMITTED,
  /** The public seed is set; it never changes. */
  SEEDED,
  /** Cards of the current round are drawn; audit boards record interpretations. */
  ROUND_IN_PROGRESS,
  /** The round is signed off and risk measured; next: another round, hand count or completion. */
  ROUND_ENDED,
  /** Every card of the contests that did not meet the risk limit is counted by hand. */
  FULL_HAND_COUNT,
  /** Every targeted contest met the risk limit, or the full hand count is finished. */
  COMPLETE
}
